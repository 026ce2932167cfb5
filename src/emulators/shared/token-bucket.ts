/**
 * Token buckets on an injected clock (the emulator clock, so quotas refill in emulated time).
 *
 * Usage:
 *   const limiter = new RateLimiter(clock);
 *   const r = limiter.take('A1SELLER|app|getOrder', { rate: 0.5, burst: 30 });
 *   if (!r.allowed) reply429(r.retryAfterMs);
 *
 * A bucket starts full (burst tokens) and refills `rate` tokens per emulated second, capped at burst.
 */
import type { Clock } from '../../core/clock';

export interface RatePlan {
  /** Requests per second. */
  rate: number;
  /** Bucket size. */
  burst: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Tokens left after this call. */
  remaining: number;
  /** Emulated ms until one token is available again (0 when allowed). */
  retryAfterMs: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly plan: RatePlan,
    private readonly clock: Clock,
  ) {
    if (!(plan.rate > 0) || !(plan.burst >= 1)) throw new Error(`invalid rate plan ${JSON.stringify(plan)}`);
    this.tokens = plan.burst;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    if (now > this.last) {
      this.tokens = Math.min(this.plan.burst, this.tokens + ((now - this.last) / 1000) * this.plan.rate);
      this.last = now;
    }
  }

  available(): number {
    this.refill();
    return this.tokens;
  }

  take(n = 1): TakeResult {
    this.refill();
    if (this.tokens >= n) {
      this.tokens -= n;
      return { allowed: true, remaining: this.tokens, retryAfterMs: 0 };
    }
    const missing = n - this.tokens;
    return { allowed: false, remaining: this.tokens, retryAfterMs: Math.ceil((missing / this.plan.rate) * 1000) };
  }
}

/** A map of buckets keyed by caller-chosen strings (e.g. seller + application + operation). */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: Clock) {}

  take(key: string, plan: RatePlan, n = 1): TakeResult {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(plan, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket.take(n);
  }

  reset(): void {
    this.buckets.clear();
  }
}
