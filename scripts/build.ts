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
import { loadProjectAppConfig } from '../src/local/app-config';
import { bundleActions } from '../src/local/bundle';

const root = path.resolve(__dirname, '..');

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

async function buildActions(): Promise<void> {
  const started = Date.now();
  const app = await loadProjectAppConfig();
  console.log(`config: app.config.yaml is valid, ${app.actions.size} action(s)`);
  const bundles = await bundleActions(app, path.join(root, 'dist', 'actions'), root);
  for (const bundle of bundles) {
    const size = formatSize(bundle.bytes).padStart(10);
    console.log(`  ${bundle.fullName.padEnd(36)} ${size}  ${path.relative(root, bundle.file)}`);
  }
  console.log(`built ${bundles.length} action(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
