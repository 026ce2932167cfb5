// Webpack config that `aio app build` (aio-lib-runtime build-actions) picks up for every action:
// it is the nearest `*webpack-config.{js,cjs}` walking up from each action's folder. The CLI then
// forces target node, libraryTarget commonjs2, mode production and minimize false; `npm run build`
// (scripts/build.ts) applies the same overrides so it proves this config builds every action.
const path = require('node:path');

module.exports = {
  devtool: false,
  target: 'node',
  output: { libraryTarget: 'commonjs2' },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            configFile: path.join(__dirname, 'tsconfig.json'),
            // Type checking is `npm run typecheck`'s job; the bundle only needs the JS.
            transpileOnly: true,
            compilerOptions: { noEmit: false, sourceMap: true },
          },
        },
      },
    ],
  },
  resolve: {
    extensions: ['.ts', '.js', '.json'],
    // ESM-style `./x.js` imports resolve to the `.ts` source.
    extensionAlias: { '.js': ['.ts', '.js'] },
  },
  // Webpack >= 5.109 has built-in TypeScript handling that trips on tsconfig.json files shipped in
  // node_modules (extending uninstalled packages); ts-loader does the work instead.
  experiments: { typescript: false },
};
