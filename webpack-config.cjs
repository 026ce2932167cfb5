// Webpack config that `aio app build` (aio-lib-runtime build-actions) picks up for every action:
// it is the nearest `*webpack-config.{js,cjs}` walking up from each action's folder. The CLI then
// forces target node, libraryTarget commonjs2, mode production and minimize false; `npm run build`
// (scripts/build.ts) applies the same overrides so it proves this config builds every action.
const path = require('node:path');
const esbuild = require('esbuild');

/**
 * aio forces `optimization.minimize: false`, which also turns off dead-code removal: every export of zod (its
 * locales alone are ~0.5 MB), ajv, iconv-lite… stays in each bundle (~4 MB, ~300 ms cold require). A plugin is
 * not an optimization setting, so this one runs esbuild's minifier (terser takes ~1 min per bundle) on the emitted code anyway. Names of functions and
 * classes are kept (errors use `new.target.name`, logs and stacks stay readable).
 */
class MinifyDespiteForcedSettings {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap('MinifyDespiteForcedSettings', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'MinifyDespiteForcedSettings', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        async (assets) => {
          for (const name of Object.keys(assets).filter((file) => file.endsWith('.js'))) {
            const { code } = await esbuild.transform(assets[name].source().toString(), {
              minify: true,
              treeShaking: true,
              keepNames: true,
              legalComments: 'none',
              platform: 'node',
              target: 'node22',
            });
            compilation.updateAsset(name, new sources.RawSource(code));
          }
        },
      );
    });
  }
}

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
  plugins: [new MinifyDespiteForcedSettings()],
  // Webpack >= 5.109 has built-in TypeScript handling that trips on tsconfig.json files shipped in
  // node_modules (extending uninstalled packages); ts-loader does the work instead.
  experiments: { typescript: false },
};
