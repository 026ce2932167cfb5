/**
 * One emulated time line in two threads. P3 runs the two emulators in a worker thread (they stand for remote
 * systems, and the benchmark box has two cores) and the app in the main thread; both must read the same "now",
 * or the app's token bucket and Amazon's drift apart and Amazon answers 429.
 *
 * Each thread builds an EmulatorClock that runs at `speedUp` over a shared real-time origin: until the origin is
 * set, real time stands still (the clock only moves through advance()); afterwards both clocks read
 * start + advances + (Date.now() − origin) × speedUp, whichever thread asks. advance() must be applied to both
 * (the main thread sends it to the worker and waits for the acknowledgement before doing anything else).
 *
 *   const { clock, startAt } = twinClock(start, 20);   // frozen
 *   startAt(origin);                                   // the same origin in both threads: time flows from then on
 */
import { EmulatorClock } from '../../src/emulators/shared/clock';

export const twinClock = (start: number, speedUp: number) => {
  let origin: number | undefined;
  const clock = new EmulatorClock({
    start,
    speedUp,
    realNow: () => (origin === undefined ? 0 : Math.max(0, Date.now() - origin)),
  });
  return {
    clock,
    startAt: (realOrigin: number) => {
      origin = realOrigin;
    },
  };
};
