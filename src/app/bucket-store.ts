import type { BucketStore } from '../adapters/amazon/rate-limiter';
import type { Storage } from '../adapters/state';
import type { BucketState } from '../core/rate-limit';

/**
 * The limiter's buckets in the shared rate-limit repository. The repository stores tokens and time; the
 * rate Amazon last reported and the burst travel with them so every invocation paces the same way.
 */
export const stateBucketStore = (storage: Storage): BucketStore => ({
  update: (key, mutate) =>
    storage.rateLimits.update(key, (current) => {
      const previous: BucketState | undefined =
        current && current.rate !== undefined && current.burst !== undefined
          ? { tokens: current.tokens, updatedAt: current.updatedAtMs, rate: current.rate, burst: current.burst }
          : undefined;
      const { next, result } = mutate(previous);
      return { next: { tokens: next.tokens, updatedAtMs: next.updatedAt, rate: next.rate, burst: next.burst }, result };
    }),
});
