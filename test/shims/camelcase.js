// Jest on Node 20 cannot require() the ESM-only camelcase@9 that @adobe/aio-commerce-lib-core loads.
// Serve the API-compatible CommonJS camelcase@6 that jest itself ships. Production bundles (webpack) and
// `npm start` (Node's own require(esm)) load the real one.
const path = require('node:path');
const resolved = require.resolve('camelcase', { paths: [path.dirname(require.resolve('jest-validate'))] });
module.exports = require(resolved);
