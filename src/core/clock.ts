/**
 * Time is injected everywhere so tests and emulators can control it.
 * `now()` returns epoch milliseconds; `date()` is a convenience view.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests. */
export class ManualClock implements Clock {
  constructor(private current: number = Date.parse('2026-01-01T00:00:00Z')) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('a clock cannot go backwards');
    this.current += ms;
  }
  set(epochMs: number): void {
    this.current = epochMs;
  }
}

export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();
