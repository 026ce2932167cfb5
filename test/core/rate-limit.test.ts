import { adoptRate, drain, freshBucket, takeToken } from '../../src/core/rate-limit';

describe('token bucket', () => {
  it('allows a burst, then paces calls at the plan rate', () => {
    let state = freshBucket(0.5, 2, 0);
    const first = takeToken(state, 0);
    expect(first.taken).toBe(true);
    state = first.state;
    const second = takeToken(state, 0);
    expect(second.taken).toBe(true);
    state = second.state;
    const third = takeToken(state, 0);
    expect(third.taken).toBe(false);
    if (!third.taken) expect(third.waitMs).toBe(2000);
    expect(takeToken(state, 2000).taken).toBe(true);
  });

  it('never refills beyond the burst', () => {
    const state = freshBucket(10, 3, 0);
    const later = takeToken({ ...state, tokens: 0 }, 60_000);
    expect(later.state.tokens).toBe(2);
  });

  it('adopts the rate Amazon reports and drains after a 429', () => {
    const state = adoptRate(freshBucket(5, 10, 0), 0.5);
    expect(state.rate).toBe(0.5);
    expect(adoptRate(state, Number.NaN).rate).toBe(0.5);
    const drained = drain(state, 100);
    const next = takeToken(drained, 100);
    expect(next.taken).toBe(false);
    if (!next.taken) expect(next.waitMs).toBe(2000);
  });
});
