/**
 * Bundles actions the way aio-lib-runtime's build-actions does for `aio app build`: the nearest
 * `*webpack-config.{js,cjs}` (walking up from the action's folder to the project root), then the CLI's
 * forced settings: target node, libraryTarget commonjs2, mode production, minimize false, `.js`/`.json`
 * resolve extensions and DefinePlugin WEBPACK_ACTION_BUILD.
 */
import fs from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import type { ActionDefinition, AppDefinition } from './app-config';

export interface BundledAction {
  fullName: string;
  file: string;
  bytes: number;
}

export class BundleError extends Error {}

/** Nearest `*webpack-config.{js,cjs}` from the action's folder up to the project root, like build-actions. */
export function findWebpackConfig(root: string, actionFile: string): string | undefined {
  let dir = path.dirname(actionFile);
  while (dir.startsWith(root)) {
    const match = fs.readdirSync(dir).find((file) => /webpack-config\.c?js$/.test(file));
    if (match) return path.join(dir, match);
    if (dir === root) break;
    dir = path.dirname(dir);
  }
  return undefined;
}

async function configFor(root: string, action: ActionDefinition, outDir: string): Promise<webpack.Configuration[]> {
  const configFile = findWebpackConfig(root, action.functionPath);
  let userConfig: unknown = {};
  if (configFile) {
    const exported: unknown = require(configFile);
    userConfig = typeof exported === 'function' ? await exported({}) : exported;
  }
  const configs = (Array.isArray(userConfig) ? userConfig : [userConfig]) as webpack.Configuration[];
  return configs.map((config) => {
    const output = config.output ?? {};
    const extensions = [...(config.resolve?.extensions ?? []), '.js', '.json'];
    return {
      ...config,
      entry: action.functionPath,
      context: root,
      // Not something aio sets: a per-action persistent cache so repeated local builds take seconds.
      cache: config.cache ?? {
        type: 'filesystem',
        name: action.fullName.replace('/', '__'),
        cacheDirectory: path.join(root, 'node_modules', '.cache', 'asc-action-build'),
        buildDependencies: { config: configFile ? [configFile] : [] },
      },
      // Forced by aio-lib-runtime build-actions.
      target: 'node',
      mode: config.mode ?? 'production',
      optimization: { ...(config.optimization ?? {}), minimize: false },
      output: {
        ...output,
        path: outDir,
        filename: 'index.js',
        libraryTarget: output.libraryTarget ?? 'commonjs2',
      },
      resolve: { ...(config.resolve ?? {}), extensions: [...new Set(extensions)] },
      plugins: [
        ...(config.plugins ?? []),
        new webpack.DefinePlugin({
          WEBPACK_ACTION_BUILD: 'true',
          'process.env.AIO_CLI_ENV': JSON.stringify(process.env.AIO_CLI_ENV ?? 'prod'),
        }),
      ],
    };
  });
}

function runWebpack(configs: webpack.Configuration[]): Promise<webpack.MultiStats> {
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error) reject(error);
      else if (!stats) reject(new Error('webpack returned no stats'));
      else resolve(stats);
    });
  });
}

/** Bundles every action of the app into `<outDir>/<pkg>/<action>/index.js`; throws on any error. */
export async function bundleActions(
  app: AppDefinition,
  outDir: string,
  /** Where the webpack-config search stops (the project root); default the config's folder. */
  projectRoot: string = app.root,
): Promise<BundledAction[]> {
  const root = projectRoot;
  const actions = [...app.actions.values()];
  const missing = actions.filter((action) => !fs.existsSync(action.functionPath));
  if (missing.length > 0) {
    throw new BundleError(
      `missing action sources:\n${missing.map((a) => `  ${a.fullName}: ${a.functionPath}`).join('\n')}`,
    );
  }
  const outDirs = actions.map((action) => path.join(outDir, action.packageName, action.actionName));
  const configs = (await Promise.all(actions.map((action, i) => configFor(root, action, outDirs[i])))).flat();
  const stats = await runWebpack(configs);
  if (stats.hasErrors()) {
    throw new BundleError(`webpack failed:\n${stats.toString({ all: false, errors: true, errorDetails: true })}`);
  }
  return actions.map((action, i) => {
    const file = path.join(outDirs[i], 'index.js');
    // The CLI writes this next to each bundle so "type": "module" projects still run it as CommonJS.
    fs.writeFileSync(path.join(outDirs[i], 'package.json'), '{"type":"commonjs"}\n');
    return { fullName: action.fullName, file, bytes: fs.statSync(file).size };
  });
}
