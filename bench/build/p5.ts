/**
 * Benchmark P5: action bundle size and cold-start cost. Bundles every action in app.config.yaml with the project's
 * webpack-config.cjs and aio's forced settings (src/local/bundle.ts), plus an empty action as the baseline, then
 * `require`s each bundle in a fresh node process (median of 3).
 * Prints `P5 <MB of the largest bundle> (goal <= 1)` and `P5.require <slowest ÷ empty> (goal <= …)`.
 * Run: `npx tsx bench/build/p5.ts`. `P5_TOP=1` also lists the heaviest modules of the largest bundle.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadApp, PROJECT_ROOT } from '../support/actions';
import { bundleActions } from '../../src/local/bundle';

const coldRequireMs = (file: string): number => {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return runs.sort((a, b) => a - b)[1];
};

const main = async () => {
  const app = await loadApp();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asc-p5-'));
  // The empty baseline lives in the project, so it gets the same webpack config and loaders as real actions.
  const emptyDir = path.join(PROJECT_ROOT, 'bench', 'build', '.empty-action');
  fs.mkdirSync(emptyDir, { recursive: true });
  const emptyFile = path.join(emptyDir, 'index.ts');
  fs.writeFileSync(emptyFile, 'export const main = async () => ({ statusCode: 200, body: {} });\n');
  const [first] = app.actions.values();
  app.actions.set('p5/empty', {
    ...first,
    fullName: 'p5/empty',
    packageName: 'p5',
    actionName: 'empty',
    functionPath: emptyFile,
  });
  const started = Date.now();
  const bundles = await bundleActions(app, outDir, PROJECT_ROOT);
  fs.rmSync(emptyDir, { recursive: true, force: true });
  const empty = bundles.find((b) => b.fullName === 'p5/empty');
  if (!empty) throw new Error('empty baseline not built');
  const real = bundles.filter((b) => b !== empty);
  const largest = real.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const emptyMs = coldRequireMs(empty.file);
  const timed = real.map((b) => ({ ...b, ms: coldRequireMs(b.file) }));
  const slowest = timed.reduce((a, b) => (b.ms > a.ms ? b : a));
  for (const b of timed)
    console.log(
      `  bundle ${b.fullName.padEnd(40)} ${(b.bytes / 1024 / 1024).toFixed(2)} MB  cold require ${b.ms.toFixed(0)} ms`,
    );
  console.log(
    `  empty bundle ${(empty.bytes / 1024).toFixed(1)} kB, cold require ${emptyMs.toFixed(1)} ms; built ${real.length} actions in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(`P5 ${(largest.bytes / 1024 / 1024).toFixed(2)} (goal <= 1)`);
  console.log(`P5.require ${(slowest.ms / emptyMs).toFixed(1)} (goal <= 10)`);
  console.log(
    `  largest: ${largest.fullName}; slowest require: ${slowest.fullName} (${slowest.ms.toFixed(0)} ms vs ${emptyMs.toFixed(1)} ms empty)`,
  );
  fs.rmSync(outDir, { recursive: true, force: true });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
