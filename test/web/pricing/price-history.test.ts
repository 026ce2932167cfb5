import {
  formatAge,
  freshnessCell,
  freshnessText,
  historyChart,
} from '../../../web-src/src/pages/pricing/price-history';

const h = (at: number, price: string) => ({ at, price, source: 'repricer' as const });

describe('price history chart geometry', () => {
  it('puts time on x and price on y (higher price higher up), and labels min and max', () => {
    const chart = historyChart([h(3000, '15.00'), h(1000, '20.00'), h(2000, '10.00')], 120, 60, 10);
    expect(chart?.points.map((p) => [p.x, p.y, p.price])).toEqual([
      [10, 10, '20.00'],
      [60, 50, '10.00'],
      [110, 30, '15.00'],
    ]);
    expect(chart?.polyline).toBe('10.0,10.0 60.0,50.0 110.0,30.0');
    expect(chart?.min.price).toBe('10.00');
    expect(chart?.max.price).toBe('20.00');
  });

  it('draws one price or equal prices on the middle line, and nothing without history', () => {
    expect(historyChart([], 100, 50)).toBeNull();
    const one = historyChart([h(5, '9.99')], 100, 50, 10);
    expect(one?.points).toEqual([{ x: 50, y: 25, price: '9.99', at: 5 }]);
    const flat = historyChart([h(1, '5.00'), h(1, '5.00')], 100, 50, 10);
    expect(flat?.points.map((p) => [p.x, p.y])).toEqual([
      [10, 25],
      [90, 25],
    ]);
  });
});

describe('competitor freshness text', () => {
  it('says how old the data is and whether it is stale', () => {
    expect(formatAge(30_000)).toBe('less than a minute');
    expect(formatAge(12 * 60_000)).toBe('12 min');
    expect(formatAge(185 * 60_000)).toBe('3 h 5 min');
    expect(formatAge(52 * 3600_000)).toBe('2 d 4 h');
    expect(freshnessText({ state: 'fresh', ageMs: 5 * 60_000 })).toBe('Fresh (5 min old)');
    expect(freshnessText({ state: 'stale', ageMs: 2 * 3600_000 })).toBe('Stale (2 h old, will be polled)');
    expect(freshnessText({ state: 'none', ageMs: null })).toBe('No competitor data yet');
    expect(freshnessText(undefined)).toBe('No competitor data yet');
    expect(freshnessCell({ state: 'fresh', ageMs: 10_000 })).toBe('Fresh, <1 min');
    expect(freshnessCell({ state: 'stale', ageMs: 45 * 60_000 })).toBe('Stale, 45 min');
    expect(freshnessCell({ state: 'none', ageMs: null })).toBe('—');
  });
});
