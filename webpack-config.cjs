// Webpack config that `aio app build` (aio-lib-runtime build-actions) picks up for every action:
// it is the nearest `*webpack-config.{js,cjs}` walking up from each action's folder. The CLI then
// forces target node, libraryTarget commonjs2, mode production and minimize false; `npm run build`
// (scripts/build.ts) applies the same overrides so it proves this config builds every action.
const path = require('node:path');
const esbuild = require('esbuild');
const { NormalModuleReplacementPlugin } = require('webpack');

const shim = (file) => path.join(__dirname, 'src', 'local', 'bundle-shims', file);

/**
 * aio forces `optimization.minimize: false`, which also turns off dead-code removal inside modules. A plugin is not
 * an optimization setting, so this one runs esbuild's minifier (terser takes ~1 min per bundle) on the emitted code
 * anyway. Names of functions and classes are kept (errors use `new.target.name`, logs and stacks stay readable).
 * Whole unused modules are still dropped by webpack itself (production mode's `sideEffects`/`usedExports`), which is
 * why the TypeScript is emitted as ES modules below. Sizes per dependency: docs/quality.md, "Why the bundles are large".
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
        // amazon-sp-api's document download/upload helpers, which the app does not use (documents.ts does that).
        issuer: /[\\/]node_modules[\\/]amazon-sp-api[\\/]/,
        resolve: {
          alias: {
            'fast-xml-parser$': shim('fast-xml-parser.cjs'),
            csvtojson$: shim('csvtojson.cjs'),
          },
        },
      },
      {
        // aio-lib-ims-jwt signs its JWT with jsonwebtoken; node:crypto signs the same token (see the shim).
        issuer: /[\\/]@adobe[\\/]aio-lib-ims-jwt[\\/]/,
        resolve: { alias: { jsonwebtoken$: shim('jsonwebtoken.cjs') } },
      },
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            configFile: path.join(__dirname, 'tsconfig.json'),
            // Type checking is `npm run typecheck`'s job; the bundle only needs the JS.
            transpileOnly: true,
            // ES modules, not tsconfig's CommonJS: webpack then resolves zod's ESM build and leaves out every module
            // nobody imports (zod's ~40 locales alone were ~0.5 MB); jest and tsx keep running the CommonJS emit.
            compilerOptions: { noEmit: false, sourceMap: true, module: 'es2022', moduleResolution: 'bundler' },
          },
        },
      },
    ],
  },
  resolve: {
    extensions: ['.ts', '.js', '.json'],
    // ESM-style `./x.js` imports resolve to the `.ts` source.
    extensionAlias: { '.js': ['.ts', '.js'] },
    // Smaller stand-ins for dependencies of the aio libraries and amazon-sp-api; each file says why it is exact.
    alias: {
      'whatwg-url$': shim('whatwg-url.ts'),
      'iconv-lite$': shim('iconv-lite.ts'),
      'mime-db$': shim('mime-db.cjs'),
    },
  },
  plugins: [
    // aio-lib-core-logging's winston provider: the same console lines without winston (see the shim).
    new NormalModuleReplacementPlugin(/^\.\/WinstonLogger$/, (resource) => {
      if (/[\\/]@adobe[\\/]aio-lib-core-logging[\\/]/.test(resource.context))
        resource.request = shim('winston-logger.cjs');
    }),
    new MinifyDespiteForcedSettings(),
  ],
  // Webpack >= 5.109 has built-in TypeScript handling that trips on tsconfig.json files shipped in
  // node_modules (extending uninstalled packages); ts-loader does the work instead.
  experiments: { typescript: false },
};
