import {
  type AmazonOrderStatus,
  awaitingShipment,
  lifetimeSales,
  type OrderSummary,
  recentOrders,
  salesSeries,
} from '../../../src/core/orders';

const o = (
  orderId: string,
  createdTime: string,
  orderTotal: string | undefined,
  status: AmazonOrderStatus = 'SHIPPED',
): OrderSummary => ({ orderId, createdTime, orderTotal, currency: 'USD', status, buyer: { name: `Buyer ${orderId}` } });
const orders = [
  o('1', '2026-03-10T12:00:00Z', '10.10'),
  o('2', '2026-03-10T23:30:00Z', '0.20'),
  o('3', '2026-03-04T01:00:00Z', '5.00'),
  o('4', '2026-03-09T12:00:00Z', '100.00', 'CANCELLED'),
  o('5', '2026-03-09T12:00:00Z', '50.00', 'UNFULFILLABLE'),
  o('6', '2026-03-09T12:00:00Z', undefined, 'PENDING'),
  o('7', '2026-03-01T12:00:00Z', '4.00', 'UNSHIPPED'),
];
const now = Date.parse('2026-03-10T23:59:00Z');

describe('dashboard figures', () => {
  it('7-day series with exact totals, excluding Canceled, Error and unpriced orders, and % change', () => {
    const s = salesSeries(orders, { nowMs: now, days: 7 });
    expect(s.points.map((p) => p.date)).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(s.points[6]).toEqual({ date: '2026-03-10', total: '10.30', orders: 2 });
    expect(s.points[5]).toEqual({ date: '2026-03-09', total: '0.00', orders: 0 });
    expect(s.total).toBe('15.30');
    expect(s.previousTotal).toBe('4.00');
    expect(s.changePercent).toBe(282.5);
  });

  it('buckets by the marketplace day (UTC offset) and gives null change without a previous period', () => {
    const s = salesSeries([orders[1]], { nowMs: now, days: 7, offsetMinutes: 60 });
    expect(s.points.at(-1)).toEqual({ date: '2026-03-11', total: '0.20', orders: 1 });
    expect(s.changePercent).toBeNull();
    expect(salesSeries(orders, { nowMs: now, days: 30 }).points).toHaveLength(30);
  });

  it('lifetime sales, recent orders newest first with notes, and orders awaiting shipment', () => {
    expect(lifetimeSales(orders)).toEqual({ total: '19.30', currency: 'USD', orders: 4 });
    const rows = recentOrders(orders, { '2': 'Commerce order 000000012 created.' }, 3);
    expect(rows.map((r) => [r.orderId, r.status])).toEqual([
      ['2', 'Shipped'],
      ['1', 'Shipped'],
      ['6', 'Pending'],
    ]);
    expect(rows[0]).toMatchObject({
      buyerName: 'Buyer 2',
      grandTotal: '0.20',
      notes: 'Commerce order 000000012 created.',
    });
    expect(rows[2].grandTotal).toBeUndefined();
    expect(awaitingShipment(orders)).toBe(1);
  });
});
