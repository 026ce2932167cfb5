/**
 * Token bucket arithmetic, pure. Amazon's usage plans are token buckets: `rate` tokens per second refill
 * a bucket holding at most `burst`; each call takes one token.
 */
export interface BucketState {
  rate: number;
  burst: number;
  tokens: number;
  /** Epoch ms of the last refill. */
  updatedAt: number;
}

export const freshBucket = (rate: number, burst: number, nowMs: number): BucketState => ({
  rate,
  burst,
  tokens: burst,
  updatedAt: nowMs,
});

export const refill = (state: BucketState, nowMs: number): BucketState => {
  const elapsedSeconds = Math.max(0, nowMs - state.updatedAt) / 1000;
  const tokens = Math.min(state.burst, state.tokens + elapsedSeconds * state.rate);
  return { ...state, tokens, updatedAt: Math.max(nowMs, state.updatedAt) };
};

export type TakeResult = { taken: true; state: BucketState } | { taken: false; state: BucketState; waitMs: number };

/** Takes one token if there is one; otherwise says how long until there will be. */
export const takeToken = (state: BucketState, nowMs: number): TakeResult => {
  const current = refill(state, nowMs);
  if (current.tokens >= 1) return { taken: true, state: { ...current, tokens: current.tokens - 1 } };
  const waitMs = Math.ceil(((1 - current.tokens) / current.rate) * 1000);
  return { taken: false, state: current, waitMs };
};

/** Amazon tells us the plan actually applied in x-amzn-RateLimit-Limit; adopt its rate, keep the burst. */
export const adoptRate = (state: BucketState, rate: number): BucketState =>
  Number.isFinite(rate) && rate > 0 ? { ...state, rate } : state;

/** After a 429 the bucket is empty whatever we believed. */
export const drain = (state: BucketState, nowMs: number): BucketState => ({ ...state, tokens: 0, updatedAt: nowMs });
