/**
 * EmulatorClock: the emulators' notion of "now", with a speed-up factor.
 *
 * Usage:
 *   const clock = new EmulatorClock({ start: '2026-03-01T00:00:00Z', speedUp: 60 }); // 1 real s = 1 emulated min
 *   clock.now();                 // epoch ms in emulated time (implements src/core/clock.ts Clock)
 *   clock.advance(5 * 60_000);   // jump 5 emulated minutes ahead (never backwards)
 *   clock.setSpeedUp(0);         // freeze: time only moves through advance()
 *   clock.onAdvance((now) => …); // react to jumps (e.g. lazy processing)
 *   await clock.sleep(1000);     // resolves after 1 emulated second (real time / speedUp, or a jump)
 *
 * speedUp 0 means "frozen" (deterministic tests); 1 is real time; 1000 lets an hourly quota refill in 3.6 s.
 */
import type { Clock } from '../../core/clock';

export interface EmulatorClockOptions {
  /** Emulated start time: epoch ms or ISO string. Defaults to the real time now. */
  start?: number | string;
  /** Emulated ms per real ms. Default 1. 0 freezes the clock. */
  speedUp?: number;
  /** Source of real time (injectable for the clock's own tests). */
  realNow?: () => number;
}

interface Sleeper {
  until: number;
  resolve: () => void;
  timer?: NodeJS.Timeout;
}

export class EmulatorClock implements Clock {
  private baseEmulated: number;
  private baseReal: number;
  private speedUp: number;
  private readonly realNow: () => number;
  private readonly listeners = new Set<(now: number) => void>();
  private readonly sleepers = new Set<Sleeper>();

  constructor(opts: EmulatorClockOptions = {}) {
    this.realNow = opts.realNow ?? Date.now;
    this.baseReal = this.realNow();
    const start = opts.start;
    this.baseEmulated = start === undefined ? this.baseReal : typeof start === 'string' ? Date.parse(start) : start;
    if (Number.isNaN(this.baseEmulated)) throw new Error(`invalid clock start: ${String(start)}`);
    this.speedUp = EmulatorClock.checkSpeedUp(opts.speedUp ?? 1);
  }

  private static checkSpeedUp(f: number): number {
    if (!Number.isFinite(f) || f < 0) throw new Error(`speedUp must be a finite number >= 0, got ${f}`);
    return f;
  }

  now(): number {
    return Math.floor(this.baseEmulated + (this.realNow() - this.baseReal) * this.speedUp);
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  getSpeedUp(): number {
    return this.speedUp;
  }

  /** Changes the factor from now on; emulated time already elapsed is kept. */
  setSpeedUp(factor: number): void {
    const f = EmulatorClock.checkSpeedUp(factor);
    this.rebase();
    this.speedUp = f;
    this.rescheduleSleepers();
  }

  /** Jumps ahead by `ms` emulated milliseconds. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('a clock cannot go backwards');
    this.rebase();
    this.baseEmulated += ms;
    const now = this.now();
    for (const l of this.listeners) l(now);
    this.wakeSleepers();
    return now;
  }

  /** Jumps to an absolute emulated time (must not be in the past). */
  advanceTo(epochMs: number): number {
    return this.advance(Math.max(0, epochMs - this.now()));
  }

  onAdvance(listener: (now: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Real milliseconds that `emulatedMs` take at the current speed (Infinity when frozen). */
  toRealMs(emulatedMs: number): number {
    return this.speedUp === 0 ? Number.POSITIVE_INFINITY : emulatedMs / this.speedUp;
  }

  /** Resolves once `emulatedMs` of emulated time have passed (by real time or by advance()). */
  sleep(emulatedMs: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper: Sleeper = { until: this.now() + emulatedMs, resolve };
      this.sleepers.add(sleeper);
      this.schedule(sleeper);
    });
  }

  /** Cancels pending sleeps (their promises resolve) so a closing emulator leaves no timers. */
  dispose(): void {
    for (const s of this.sleepers) {
      clearTimeout(s.timer);
      s.resolve();
    }
    this.sleepers.clear();
    this.listeners.clear();
  }

  private rebase(): void {
    const real = this.realNow();
    this.baseEmulated += (real - this.baseReal) * this.speedUp;
    this.baseReal = real;
  }

  private schedule(s: Sleeper): void {
    clearTimeout(s.timer);
    const remaining = s.until - this.now();
    if (remaining <= 0) {
      this.sleepers.delete(s);
      s.resolve();
      return;
    }
    const realMs = this.toRealMs(remaining);
    if (Number.isFinite(realMs)) {
      s.timer = setTimeout(() => this.schedule(s), Math.max(1, Math.ceil(realMs)));
      s.timer.unref?.();
    }
  }

  private rescheduleSleepers(): void {
    for (const s of [...this.sleepers]) this.schedule(s);
  }

  private wakeSleepers(): void {
    this.rescheduleSleepers();
  }
}
