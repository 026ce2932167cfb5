/**
 * `npm run build`: proves that `aio app build` would succeed, offline and without the aio CLI.
 * 1. Loads and validates app.config.yaml (+ $includes) with @adobe/aio-cli-lib-app-config, the CLI's own loader.
 * 2. Bundles every action (application and extensions) with the project's webpack-config.cjs and the overrides
 *    aio-lib-runtime's build-actions applies, into dist/actions/<pkg>/<action>/index.js.
 * 3. Builds the admin UI (`npm run build:web`) when web-src/vite.config.ts exists.
 * Exits non-zero on any config, compile or bundle error.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import { type ActionDefinition, loadProjectAppConfig } from '../src/local/app-config';

const root = path.resolve(__dirname, '..');

/** Nearest `*webpack-config.{js,cjs}` from the action's folder up to the project root, like build-actions. */
function findWebpackConfig(actionFile: string): string | undefined {
  let dir = path.dirname(actionFile);
  while (dir.startsWith(root)) {
    const match = fs.readdirSync(dir).find((file) => /webpack-config\.c?js$/.test(file));
    if (match) return path.join(dir, match);
    if (dir === root) break;
    dir = path.dirname(dir);
  }
  return undefined;
}

async function configFor(action: ActionDefinition, outDir: string): Promise<webpack.Configuration[]> {
  const configFile = findWebpackConfig(action.functionPath);
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

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

async function buildActions(): Promise<void> {
  const started = Date.now();
  const app = await loadProjectAppConfig();
  console.log(`config: app.config.yaml valid, ${app.actions.size} action(s)`);
  const actions = [...app.actions.values()];
  const missing = actions.filter((action) => !fs.existsSync(action.functionPath));
  if (missing.length > 0) {
    throw new Error(`missing action sources:\n${missing.map((a) => `  ${a.fullName}: ${a.functionPath}`).join('\n')}`);
  }
  const outDirs = actions.map((action) => path.join(root, 'dist', 'actions', action.packageName, action.actionName));
  const configs = (await Promise.all(actions.map((action, i) => configFor(action, outDirs[i])))).flat();
  const stats = await runWebpack(configs);
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true, errorDetails: true }));
    throw new Error('webpack failed to bundle the actions');
  }
  if (stats.hasWarnings()) console.warn(stats.toString({ all: false, warnings: true }));
  actions.forEach((action, i) => {
    const bundle = path.join(outDirs[i], 'index.js');
    // The CLI writes this next to each bundle so "type": "module" projects still run it as CommonJS.
    fs.writeFileSync(path.join(outDirs[i], 'package.json'), '{"type":"commonjs"}\n');
    const rel = path.relative(root, bundle);
    console.log(`  ${action.fullName.padEnd(36)} ${formatSize(fs.statSync(bundle).size).padStart(10)}  ${rel}`);
  });
  console.log(`built ${actions.length} action(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function buildWeb(): void {
  if (!fs.existsSync(path.join(root, 'web-src', 'vite.config.ts'))) {
    console.log('web: web-src/vite.config.ts not found, skipping the admin UI build');
    return;
  }
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:web failed (exit ${result.status})`);
}

async function main(): Promise<void> {
  process.chdir(root);
  await buildActions();
  buildWeb();
}

main().catch((error: unknown) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
