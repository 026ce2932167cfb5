import type { Clock } from '../../core/clock';
import { adoptRate, type BucketState, drain, freshBucket, takeToken } from '../../core/rate-limit';
import { AppError } from '../../platform/errors';
import type { UsagePlan } from './usage-plans';

/**
 * Where bucket state lives: State in production, so every action invocation shares it. `update` is an
 * atomic-enough read-modify-write (optimistic, see src/adapters/state/rate-limit-repository.ts); `mutate`
 * may run more than once and must be pure.
 */
export interface BucketStore {
  update<R>(key: string, mutate: (current: BucketState | undefined) => { next: BucketState; result: R }): Promise<R>;
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
 * so concurrent invocations draw from the same bucket. Should Amazon still answer 429 (its plan for this
 * seller is lower than the model's), the bucket is drained and adopts the rate from the 429's header.
 */
export class SharedRateLimiter {
  private readonly maxWaitMs: number;
  private readonly timeScale: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.timeScale = options.timeScale ?? 1;
  }

  private seed(plan: UsagePlan): BucketState {
    return freshBucket(plan.rate * this.timeScale, plan.burst, this.options.clock.now());
  }

  /** Waits for a token (up to maxWaitMs), then takes it. */
  async acquire(key: string, plan: UsagePlan): Promise<void> {
    let waited = 0;
    for (;;) {
      const result = await this.options.store.update(key, (current) => {
        const outcome = takeToken(current ?? this.seed(plan), this.options.clock.now());
        return { next: outcome.state, result: outcome };
      });
      if (result.taken) return;
      if (waited + result.waitMs > this.maxWaitMs) throw new RateLimitedError(key, result.waitMs);
      await this.options.sleep(result.waitMs);
      waited += result.waitMs;
    }
  }

  /** Amazon's header says which rate applied; remember it for every later call. */
  async observeLimitHeader(key: string, plan: UsagePlan, headerValue: string | undefined): Promise<void> {
    const rate = Number(headerValue) * this.timeScale;
    if (!headerValue || !Number.isFinite(rate) || rate <= 0) return;
    await this.options.store.update(key, (current) => ({
      next: adoptRate(current ?? this.seed(plan), rate),
      result: undefined,
    }));
  }

  async onThrottled(key: string, plan: UsagePlan, headerValue: string | undefined): Promise<void> {
    const rate = Number(headerValue) * this.timeScale;
    await this.options.store.update(key, (current) => {
      const state = current ?? this.seed(plan);
      return { next: drain(adoptRate(state, rate), this.options.clock.now()), result: undefined };
    });
  }
}

/** In-process store: only for a single invocation's tests; production passes the State-backed store. */
export class InMemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, BucketState>();
  async update<R>(key: string, mutate: (current: BucketState | undefined) => { next: BucketState; result: R }) {
    const { next, result } = mutate(this.buckets.get(key));
    this.buckets.set(key, next);
    return result;
  }
}
