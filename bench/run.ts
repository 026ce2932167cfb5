/**
 * `npm run bench`: runs every benchmark script under bench/** (each prints its own figure lines), one at a time so
 * they do not steal each other's CPU, within a 10-minute budget. Prints each figure as `ID value (goal OP target)`
 * and nothing else on lines starting with `P`; every other child line is indented under its script's name, with
 * each script's duration, and the total elapsed time at the end.
 * Exits non-zero when a script fails or times out (figures that miss their goal are reported, not failed).
 * Sizes are the issue's (P2: 10k offers, P3: 10k orders); a variable already set in the environment wins.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const BENCH = __dirname;
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 10 * 60_000);
const NOT_BENCHMARKS = new Set(['run.ts', 'chaos.ts']);
/** The sizes the figures are defined at, passed to the scripts whose own defaults are smaller. */
const SIZES: Record<string, Record<string, string>> = {
  'bench/orders/p3.ts': { P3_ORDERS: '10000' },
  'bench/listings/p2.ts': { P2_OFFERS: '10000' },
};
/** The long ones run last, in this order, so a slow one can only squeeze the budget of what comes after it. */
const LAST = ['bench/listings/p2.ts', 'bench/build/p5.ts', 'bench/orders/p3.ts'];
/** Kept back for each script still to come. */
const RESERVE_MS = 45_000;
/**
 * `P1 0.74 (goal <= 1.0)`, `P2.429 0 (goal = 0)`, `P5.require 12.3 (goal <= 10)`, and other areas' figures with a
 * unit label such as `L1 peak-heap-MB 110 (goal <= 256)`.
 */
export const FIGURE =
  /^([A-Z]\d+(?:\.[\w-]+)?)(?: [A-Za-z][\w-]*)? (-?[\d.]+(?:e[+-]?\d+)?|NaN|Infinity) \(goal (<=|>=|<|>|=|==) ([^)]+)\)$/;

export const discover = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.name.startsWith('.') || entry.name === 'support' || entry.name === 'node_modules') return [];
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return discover(full);
      if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) return [];
      if (dir === BENCH && NOT_BENCHMARKS.has(entry.name)) return [];
      // A benchmark prints figures; helpers next to it (a worker, a clock) do not and are not run.
      return fs.readFileSync(full, 'utf8').includes('(goal ') ? [full] : [];
    })
    .sort();

interface Outcome {
  file: string;
  figures: string[];
  ok: boolean;
  ms: number;
}

/** Alphabetical, except LAST at the end. */
export const runOrder = (names: string[]): string[] => {
  const rank = (name: string) => (LAST.includes(name) ? LAST.indexOf(name) + 1 : 0);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
};

const runOne = (file: string, timeoutMs: number): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = Date.now();
    const name = path.relative(ROOT, file);
    const env = { ...SIZES[name], ...process.env };
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env });
    const figures: string[] = [];
    let buffer = '';
    const onLine = (line: string) => {
      const trimmed = line.trimEnd();
      if (!trimmed) return;
      if (FIGURE.test(trimmed)) {
        figures.push(trimmed);
        console.log(trimmed);
      } else {
        // Child lines that are not figures are shown indented, so no stray line starts with `P`.
        console.log(`  [${name}] ${trimmed.replace(/^\s+/, '')}`);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) console.log(`  [${name}] stderr: ${line}`);
    });
    const timer = setTimeout(() => {
      console.log(`  [${name}] timed out after ${(timeoutMs / 1000).toFixed(0)} s`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (buffer) onLine(buffer);
      const ms = Date.now() - started;
      console.log(`  [${name}] ${code === 0 ? 'done' : `exit ${code ?? 'killed'}`} in ${(ms / 1000).toFixed(0)} s`);
      resolve({ file: name, figures, ok: code === 0, ms });
    });
  });

const main = async () => {
  const started = Date.now();
  const byName = new Map(discover(BENCH).map((file) => [path.relative(ROOT, file), file]));
  const files = runOrder([...byName.keys()]).map((name) => byName.get(name) as string);
  const outcomes: Outcome[] = [];
  for (const [index, file] of files.entries()) {
    const left = BUDGET_MS - (Date.now() - started);
    if (left <= 5_000) {
      console.log(`  [bench] budget spent: ${path.relative(ROOT, file)} not run`);
      outcomes.push({ file: path.relative(ROOT, file), figures: [], ok: false, ms: 0 });
      continue;
    }
    // Whatever is left, minus what is kept for each script still to come.
    const reserved = (files.length - index - 1) * RESERVE_MS;
    outcomes.push(await runOne(file, Math.max(left - reserved, 30_000)));
  }
  const failed = outcomes.filter((o) => !o.ok || o.figures.length === 0);
  console.log(
    `bench: ${outcomes.length} script(s), ${outcomes.reduce((n, o) => n + o.figures.length, 0)} figure(s); ` +
      `total elapsed ${((Date.now() - started) / 1000).toFixed(0)} s (budget ${(BUDGET_MS / 1000).toFixed(0)} s)` +
      (failed.length > 0 ? `; failed or silent: ${failed.map((o) => o.file).join(', ')}` : ''),
  );
  process.exitCode = failed.length > 0 ? 1 : 0;
};

if (require.main === module) void main();
