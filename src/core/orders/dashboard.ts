/**
 * Dashboard figures (SPEC 2.8 / 7.5) from orders as received from Amazon: 7/30-day sales series with the period
 * total and % change, lifetime sales, recent orders, orders awaiting shipment. Canceled and Error orders never
 * count (v4.1.0 fix); Pending orders have no price yet and count once priced.
 */
import { type AmazonOrderStatus, STATUS_LABEL } from './amazon-order';
import { big, type Decimal, fmt, sum } from './money';

export interface OrderSummary {
  orderId: string;
  createdTime: string;
  status?: AmazonOrderStatus;
  orderTotal?: Decimal;
  currency?: string;
  buyer?: { name?: string };
}

const DAY = 86_400_000;
const counts = (o: OrderSummary) => !!o.orderTotal && o.status !== 'CANCELLED' && o.status !== 'UNFULFILLABLE';

/** Calendar day (YYYY-MM-DD) of an instant in a fixed UTC offset (the marketplace's), minutes east of UTC. */
export const dayOf = (ms: number, offsetMinutes = 0): string =>
  new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);

export interface SalesSeries {
  days: number;
  currency?: string;
  points: Array<{ date: string; total: Decimal; orders: number }>;
  total: Decimal;
  previousTotal: Decimal;
  /** Percent change against the previous period of the same length; null when that period sold nothing. */
  changePercent: number | null;
}

export function salesSeries(
  orders: OrderSummary[],
  o: { nowMs: number; days: 7 | 30; offsetMinutes?: number; currency?: string },
): SalesSeries {
  const off = o.offsetMinutes ?? 0;
  const currency = o.currency ?? orders.find((x) => x.currency)?.currency;
  const today = Date.parse(`${dayOf(o.nowMs, off)}T00:00:00Z`);
  const dates = Array.from({ length: o.days }, (_, k) => dayOf(today - (o.days - 1 - k) * DAY));
  const firstPrev = dayOf(today - (2 * o.days - 1) * DAY);
  const byDay = new Map(dates.map((d) => [d, { total: big(0), orders: 0 }]));
  let previous = big(0);
  for (const x of orders.filter(counts)) {
    const d = dayOf(Date.parse(x.createdTime), off);
    const slot = byDay.get(d);
    if (slot) {
      slot.total = slot.total.plus(x.orderTotal!);
      slot.orders++;
    } else if (d >= firstPrev && d < dates[0]) previous = previous.plus(x.orderTotal!);
  }
  const total = sum([...byDay.values()].map((v) => v.total));
  return {
    days: o.days,
    currency,
    points: dates.map((d) => ({ date: d, total: fmt(byDay.get(d)!.total, currency), orders: byDay.get(d)!.orders })),
    total: fmt(total, currency),
    previousTotal: fmt(previous, currency),
    changePercent: previous.eq(0) ? null : Number(total.minus(previous).div(previous).times(100).round(1).toString()),
  };
}

export function lifetimeSales(orders: OrderSummary[]): { total: Decimal; currency?: string; orders: number } {
  const counted = orders.filter(counts);
  const currency = counted.find((x) => x.currency)?.currency;
  return { total: fmt(sum(counted.map((x) => x.orderTotal!)), currency), currency, orders: counted.length };
}

export interface RecentOrderRow {
  purchaseDate: string;
  orderId: string;
  status: string;
  buyerName: string;
  grandTotal?: Decimal;
  currency?: string;
  notes?: string;
}

/** Newest first; Order Notes come from the ledger (the only column Commerce writes). */
export function recentOrders(
  orders: OrderSummary[],
  notes: Record<string, string | undefined> = {},
  limit = 10,
): RecentOrderRow[] {
  return [...orders]
    .sort((a, b) => Date.parse(b.createdTime) - Date.parse(a.createdTime) || b.orderId.localeCompare(a.orderId))
    .slice(0, limit)
    .map((x) => ({
      purchaseDate: x.createdTime,
      orderId: x.orderId,
      status: x.status ? STATUS_LABEL[x.status] : 'Pending',
      buyerName: x.buyer?.name ?? '',
      ...(x.orderTotal ? { grandTotal: x.orderTotal, currency: x.currency } : {}),
      ...(notes[x.orderId] ? { notes: notes[x.orderId] } : {}),
    }));
}

export const awaitingShipment = (orders: OrderSummary[]): number =>
  orders.filter((x) => x.status === 'UNSHIPPED' || x.status === 'PARTIALLY_SHIPPED').length;
