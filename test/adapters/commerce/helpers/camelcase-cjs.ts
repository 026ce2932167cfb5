/**
 * Jest (on Node 20) cannot require() the ESM-only `camelcase@9` that @adobe/aio-commerce-lib-core loads, while
 * plain Node 20.19+ and the webpack bundle can. Test files that load the real aio-commerce-lib-auth map it to
 * the API-compatible CommonJS camelcase@6 that jest itself ships:
 *   jest.mock('camelcase', () => require('./helpers/camelcase-cjs').camelcase);
 * (The lead may replace this with a moduleNameMapper entry in jest.config.js.)
 */
import { dirname } from 'node:path';

const fromJestValidate = require.resolve('camelcase', { paths: [dirname(require.resolve('jest-validate'))] });
export const camelcase: unknown = require(fromJestValidate);
