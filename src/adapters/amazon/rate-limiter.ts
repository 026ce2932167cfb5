import type { Clock } from '../../core/clock';
import { adoptRate, type BucketState, drain, freshBucket, takeToken } from '../../core/rate-limit';
import { AppError } from '../../platform/errors';
import type { UsagePlan } from './usage-plans';

/** Where bucket state lives: State in production, so every action invocation shares it. */
export interface BucketStore {
  get(key: string): Promise<BucketState | undefined>;
  put(key: string, state: BucketState): Promise<void>;
}

export class RateLimitedError extends AppError {
  constructor(
    readonly key: string,
    readonly retryAfterMs: number,
  ) {
    super(
      `Amazon's usage plan for ${key} allows the next call in ${Math.ceil(retryAfterMs / 1000)} s`,
      429,
      'RATE_LIMITED',
    );
  }
}

export const bucketKey = (sellerId: string, region: string, operation: string, version: string): string =>
  `${sellerId}:${region}:${operation}@${version}`;

export interface RateLimiterOptions {
  store: BucketStore;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** Longest we wait inside one invocation before giving the work back to the caller to reschedule. */
  maxWaitMs?: number;
  /** Local runs against a sped-up emulator: multiply every plan's rate by this. 1 in production. */
  timeScale?: number;
}

/**
 * One token bucket per (seller, region, operation), seeded from the official usage plan and corrected
 * by the x-amzn-RateLimit-Limit header Amazon returns. State is read and written through the shared store,
 * so concurrent invocations draw from the same bucket. A read-modify-write race between two invocations
 * can at worst let one extra call through; Amazon's 429 then drains the bucket (see onThrottled).
 */
export class SharedRateLimiter {
  private readonly maxWaitMs: number;
  private readonly timeScale: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.timeScale = options.timeScale ?? 1;
  }

  private async load(key: string, plan: UsagePlan): Promise<BucketState> {
    const stored = await this.options.store.get(key);
    return stored ?? freshBucket(plan.rate * this.timeScale, plan.burst, this.options.clock.now());
  }

  /** Waits for a token (up to maxWaitMs), then takes it. */
  async acquire(key: string, plan: UsagePlan): Promise<void> {
    let waited = 0;
    for (;;) {
      const state = await this.load(key, plan);
      const result = takeToken(state, this.options.clock.now());
      await this.options.store.put(key, result.state);
      if (result.taken) return;
      if (waited + result.waitMs > this.maxWaitMs) throw new RateLimitedError(key, result.waitMs);
      await this.options.sleep(result.waitMs);
      waited += result.waitMs;
    }
  }

  /** Amazon's header says which rate applied; remember it for every later call. */
  async observeLimitHeader(key: string, plan: UsagePlan, headerValue: string | undefined): Promise<void> {
    if (!headerValue) return;
    const rate = Number(headerValue) * this.timeScale;
    const state = await this.load(key, plan);
    if (Math.abs(state.rate - rate) > 1e-9) await this.options.store.put(key, adoptRate(state, rate));
  }

  async onThrottled(key: string, plan: UsagePlan, headerValue: string | undefined): Promise<void> {
    const state = await this.load(key, plan);
    const rate = headerValue ? Number(headerValue) * this.timeScale : state.rate;
    await this.options.store.put(key, drain(adoptRate(state, rate), this.options.clock.now()));
  }
}

/** In-process store: only for a single invocation's tests; production passes the State-backed store. */
export class InMemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, BucketState>();
  async get(key: string) {
    return this.buckets.get(key);
  }
  async put(key: string, state: BucketState) {
    this.buckets.set(key, state);
  }
}
