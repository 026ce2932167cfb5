import {
  appendPriceHistory,
  COMPETITOR_DATA_STALE_AFTER_MS,
  competitorFreshness,
  PRICE_HISTORY_LIMIT,
  type PriceHistoryEntry,
} from '../../../src/core/pricing/price-history';

const entry = (at: number, price: string): PriceHistoryEntry => ({ at, price, source: 'repricer' });

describe('appendPriceHistory', () => {
  it('appends in time order and keeps only the newest entries', () => {
    let history: PriceHistoryEntry[] = [];
    for (let i = 1; i <= PRICE_HISTORY_LIMIT + 5; i++) history = appendPriceHistory(history, entry(i, `${i}.00`));
    expect(history).toHaveLength(90);
    expect(history[0]).toEqual(entry(6, '6.00'));
    expect(history[89]).toEqual(entry(95, '95.00'));
  });

  it('places a late-arriving entry by its time and never mutates the input', () => {
    const before = [entry(10, '1.00'), entry(30, '3.00')];
    const after = appendPriceHistory(before, { at: 20, price: '2.00', source: 'publish' }, 3);
    expect(after.map((e) => e.price)).toEqual(['1.00', '2.00', '3.00']);
    expect(before).toHaveLength(2);
    expect(appendPriceHistory(after, entry(40, '4.00'), 2).map((e) => e.price)).toEqual(['3.00', '4.00']);
  });
});

describe('competitorFreshness', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');

  it('is "none" without competitor data', () => {
    expect(competitorFreshness(undefined, now)).toEqual({ state: 'none', ageMs: null });
    expect(competitorFreshness(null, now)).toEqual({ state: 'none', ageMs: null });
  });

  it('is fresh up to the polling threshold and stale after it', () => {
    expect(competitorFreshness(now - 5 * 60_000, now)).toEqual({ state: 'fresh', ageMs: 300_000 });
    expect(competitorFreshness(now - COMPETITOR_DATA_STALE_AFTER_MS, now).state).toBe('fresh');
    expect(competitorFreshness(now - COMPETITOR_DATA_STALE_AFTER_MS - 1, now)).toEqual({
      state: 'stale',
      ageMs: 30 * 60_000 + 1,
    });
    expect(competitorFreshness(now - 10 * 60_000, now, 5 * 60_000).state).toBe('stale');
  });

  it('counts data stamped in the future (clock skew) as just received', () => {
    expect(competitorFreshness(now + 1000, now)).toEqual({ state: 'fresh', ageMs: 0 });
  });
});
