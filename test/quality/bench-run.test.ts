/**
 * `npm run bench` (bench/run.ts): which scripts it runs, in which order, and which child lines count as figures.
 */
import path from 'node:path';
import { discover, FIGURE, runOrder } from '../../bench/run';

const BENCH = path.resolve(__dirname, '..', '..', 'bench');
const rel = (file: string) => path.relative(path.dirname(BENCH), file);

it('runs every script that prints figures, not run.ts, chaos.ts, support/ or helper modules', () => {
  const files = discover(BENCH).map(rel);
  expect(files).toEqual(
    expect.arrayContaining(['bench/listings/p2.ts', 'bench/orders/p3.ts', 'bench/build/p5.ts', 'bench/pricing/p1.ts']),
  );
  expect(files).not.toContain('bench/run.ts');
  expect(files).not.toContain('bench/chaos.ts');
  expect(files.filter((f) => f.startsWith('bench/support/'))).toEqual([]);
  // P3's worker thread is started by p3.ts; run alone it would never print a figure.
  expect(files).not.toContain('bench/orders/emulators-worker.ts');
});

it('runs the long scripts last (P2, P5, P3), the others alphabetically', () => {
  expect(
    runOrder(['bench/orders/p3.ts', 'bench/pricing/p1.ts', 'bench/build/p5.ts', 'bench/listings/p2.ts', 'bench/a.ts']),
  ).toEqual(['bench/a.ts', 'bench/pricing/p1.ts', 'bench/listings/p2.ts', 'bench/build/p5.ts', 'bench/orders/p3.ts']);
});

it('recognises figure lines exactly as `ID value (goal OP target)`', () => {
  for (const line of [
    'P2 1.37 (goal <= 1.2)',
    'P2.429 0 (goal = 0)',
    'P2.feeds 1 (goal <= 2)',
    'P2.single 0.41 (goal <= 1.1)',
    'L1 peak-heap-MB 110 (goal <= 256)',
  ])
    expect(FIGURE.test(line)).toBe(true);
  for (const line of ['P2 detail: 10000 changed offers', 'P2 1.37', 'P2 fast (goal <= 1.2)'])
    expect(FIGURE.test(line)).toBe(false);
});
