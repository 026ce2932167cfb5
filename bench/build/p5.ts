/**
 * Benchmark P5: action bundle size and cold-start cost. Bundles every action in app.config.yaml with the project's
 * webpack-config.cjs and aio's forced settings (src/local/bundle.ts, one webpack configuration per action, exactly as
 * `npm run build` and `aio app build` do), plus an empty action as the baseline, then `require`s each bundle in a
 * fresh node process: once each, then the 5 slowest again alternating with the empty bundle (median of 3 each).
 * The actions are split over one worker process per core (`bench/build/p5.ts --bundle <outDir> <names…>`), so the
 * build takes a fraction of one process's time; webpack's persistent cache (node_modules/.cache/asc-action-build,
 * shared with `npm run build`) makes a run after an unchanged build faster still.
 * Prints `P5 <MB of the largest bundle> (goal <= 1)` and `P5.require <slowest ÷ empty> (goal <= 10)`.
 * Run: `npx tsx bench/build/p5.ts` (P5_WORKERS=n to choose the number of worker processes).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppDefinition } from '../../src/local/app-config';
import { type BundledAction, bundleActions } from '../../src/local/bundle';
import { loadApp, PROJECT_ROOT } from '../support/actions';

const EMPTY = 'p5/empty';
/** How many of the slowest-screened bundles get the full paired timing. */
const SLOWEST_TIMED = 5;
// The empty baseline lives in the project, so it gets the same webpack config and loaders as real actions.
const EMPTY_DIR = path.join(PROJECT_ROOT, 'bench', 'build', '.empty-action');
const EMPTY_FILE = path.join(EMPTY_DIR, 'index.ts');

const coldRequireOnceMs = (file: string): number => {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Cold require of a bundle and of the empty bundle, measured in alternation (3 pairs, medians), so both see the same
 * machine load; on a busy box the baseline measured once, minutes apart from a bundle, made the ratio drift.
 */
const coldRequirePair = (file: string, emptyFile: string): { ms: number; emptyMs: number } => {
  const ms: number[] = [];
  const emptyMs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    emptyMs.push(coldRequireOnceMs(emptyFile));
    ms.push(coldRequireOnceMs(file));
  }
  return { ms: median(ms), emptyMs: median(emptyMs) };
};

/** The app's actions plus the empty baseline action. */
const appWithBaseline = async (): Promise<AppDefinition> => {
  const app = await loadApp();
  const [first] = app.actions.values();
  app.actions.set(EMPTY, {
    ...first,
    fullName: EMPTY,
    packageName: 'p5',
    actionName: 'empty',
    functionPath: EMPTY_FILE,
  });
  return app;
};

/** Worker mode: bundle the named actions into outDir and print the result as JSON on the last stdout line. */
const bundleSome = async (outDir: string, names: string[]): Promise<void> => {
  // The parent holds our stdin open; when it goes (bench/run.ts kills it on its budget), stop too.
  process.stdin.on('end', () => process.exit(1));
  process.stdin.resume();
  const app = await appWithBaseline();
  const actions = new Map([...app.actions].filter(([name]) => names.includes(name)));
  const bundles = await bundleActions({ ...app, actions }, outDir, PROJECT_ROOT);
  process.stdout.write(`\n${JSON.stringify(bundles)}\n`, () => process.exit(0));
};

const runWorker = (outDir: string, names: string[]): Promise<BundledAction[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--bundle', outDir, ...names], {
      cwd: PROJECT_ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`P5 bundle worker exited with ${code}: ${out.slice(-2000)}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '[]') as BundledAction[]);
    });
  });

const main = async () => {
  fs.mkdirSync(EMPTY_DIR, { recursive: true });
  fs.writeFileSync(EMPTY_FILE, 'export const main = async () => ({ statusCode: 200, body: {} });\n');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asc-p5-'));
  try {
    const names = [...(await appWithBaseline()).actions.keys()];
    const workers = Math.max(1, Number(process.env.P5_WORKERS) || os.availableParallelism());
    const groups = Array.from({ length: Math.min(workers, names.length) }, (_, w) =>
      names.filter((_, i) => i % workers === w),
    );
    const started = Date.now();
    const bundles = (await Promise.all(groups.map((group) => runWorker(outDir, group)))).flat();
    const buildSeconds = (Date.now() - started) / 1000;
    const empty = bundles.find((b) => b.fullName === EMPTY);
    if (!empty) throw new Error('empty baseline not built');
    const real = bundles.filter((b) => b !== empty);
    const largest = real.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    // Screen every bundle with one cold require, then time the slowest few properly (3 pairs with the empty one):
    // 40-odd bundles × 6 fresh processes took ~2.5 min of the bench budget on a loaded box.
    const screened = real.map((b) => ({ ...b, screenMs: coldRequireOnceMs(b.file) }));
    const candidates = [...screened].sort((a, b) => b.screenMs - a.screenMs).slice(0, SLOWEST_TIMED);
    const timed = candidates.map((b) => {
      const { ms, emptyMs } = coldRequirePair(b.file, empty.file);
      return { ...b, ms, emptyMs, ratio: ms / emptyMs };
    });
    const slowest = timed.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    for (const b of screened.sort((a, b) => a.fullName.localeCompare(b.fullName))) {
      const exact = timed.find((t) => t.fullName === b.fullName);
      const detail = exact
        ? `${exact.ms.toFixed(0)} ms (empty ${exact.emptyMs.toFixed(1)} ms) = ${exact.ratio.toFixed(1)}x`
        : `~${b.screenMs.toFixed(0)} ms (one run)`;
      console.log(`  bundle ${b.fullName.padEnd(40)} ${(b.bytes / 1024 / 1024).toFixed(2)} MB  cold require ${detail}`);
    }
    console.log(
      `  empty bundle ${(empty.bytes / 1024).toFixed(1)} kB; built ${real.length} actions in ${buildSeconds.toFixed(0)} s with ${groups.length} worker(s); load average ${os.loadavg()[0].toFixed(1)}`,
    );
    console.log(`P5 ${(largest.bytes / 1024 / 1024).toFixed(2)} (goal <= 1)`);
    console.log(`P5.require ${slowest.ratio.toFixed(1)} (goal <= 10)`);
    console.log(
      `  largest: ${largest.fullName}; slowest require: ${slowest.fullName} (${slowest.ms.toFixed(0)} ms vs ${slowest.emptyMs.toFixed(1)} ms empty)`,
    );
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(EMPTY_DIR, { recursive: true, force: true });
  }
};

const [mode, outDir, ...names] = process.argv.slice(2);
(mode === '--bundle' ? bundleSome(outDir, names) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
