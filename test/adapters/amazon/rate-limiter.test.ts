import { InMemoryBucketStore, RateLimitedError, SharedRateLimiter } from '../../../src/adapters/amazon/rate-limiter';
import { usagePlanFor } from '../../../src/adapters/amazon/usage-plans';
import { ManualClock } from '../../../src/core/clock';

const setup = (maxWaitMs = 60_000) => {
  const clock = new ManualClock(0);
  const slept: number[] = [];
  const store = new InMemoryBucketStore();
  const limiter = new SharedRateLimiter({
    store,
    clock,
    maxWaitMs,
    sleep: async (ms) => {
      slept.push(ms);
      clock.advance(ms);
    },
  });
  return { clock, slept, store, limiter };
};

describe('SharedRateLimiter', () => {
  it('seeds buckets from the official usage plans', () => {
    expect(usagePlanFor('getMarketplaceParticipations', 'v1')).toEqual({ rate: 0.016, burst: 15 });
    expect(usagePlanFor('searchOrders', '2026-01-01')).toEqual({ rate: 0.0056, burst: 20 });
    expect(usagePlanFor('getItemOffersBatch', 'v0')).toEqual({ rate: 0.1, burst: 1 });
  });

  it('lets a burst through at once, then waits one restore period per call', async () => {
    const { limiter, slept } = setup();
    const plan = { rate: 2, burst: 3 };
    for (let i = 0; i < 3; i++) await limiter.acquire('s:na:op@v', plan);
    expect(slept).toEqual([]);
    await limiter.acquire('s:na:op@v', plan);
    expect(slept).toEqual([500]);
  });

  it('keeps separate buckets per seller and operation', async () => {
    const { limiter, slept } = setup();
    const plan = { rate: 1, burst: 1 };
    await limiter.acquire('A:na:getOrder@2026-01-01', plan);
    await limiter.acquire('B:na:getOrder@2026-01-01', plan);
    await limiter.acquire('A:na:searchOrders@2026-01-01', plan);
    expect(slept).toEqual([]);
  });

  it('shares state across limiter instances through the store, as separate invocations do', async () => {
    const { store, clock } = setup();
    const plan = { rate: 0.5, burst: 1 };
    const slept: number[] = [];
    const make = () =>
      new SharedRateLimiter({
        store,
        clock,
        sleep: async (ms) => {
          slept.push(ms);
          clock.advance(ms);
        },
      });
    await make().acquire('k', plan);
    await make().acquire('k', plan);
    expect(slept).toEqual([2000]);
  });

  it('adopts the x-amzn-RateLimit-Limit rate and drains the bucket after a 429', async () => {
    const { limiter, slept } = setup();
    const plan = { rate: 5, burst: 5 };
    await limiter.acquire('k', plan);
    await limiter.onThrottled('k', plan, '0.25');
    await limiter.acquire('k', plan);
    expect(slept).toEqual([4000]);
  });

  it('gives the work back instead of waiting past its budget', async () => {
    const { limiter } = setup(1000);
    const plan = { rate: 0.01, burst: 1 };
    await limiter.acquire('k', plan);
    await expect(limiter.acquire('k', plan)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
