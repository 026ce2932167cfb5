/**
 * Store dashboard sales figures (SPEC 2.8 / 7.5) from the All Orders grid rows, i.e. Amazon's data as received:
 * Canceled, Error and unpriced (Pending) orders never count. Days are UTC calendar days.
 *
 *   const series = await salesSeriesForStore(storage, 'demo-us', 30, clock.now());
 */
import type { Storage } from '../../adapters/state';
import { type OrderGridRow, ordersRepository } from '../../adapters/state/orders/ledger-repository';
import { dayOf, type OrderSummary, type SalesSeries, salesSeries } from '../../core/orders';
import { big, fmt } from '../../core/orders/money';

const toSummary = (r: OrderGridRow): OrderSummary => ({
  orderId: r.orderId,
  createdTime: r.purchaseDate,
  ...(r.status ? { status: r.status } : {}),
  ...(r.grandTotal ? { orderTotal: r.grandTotal } : {}),
  ...(r.currency ? { currency: r.currency } : {}),
  buyer: { name: r.buyerName },
});

/** Every order summary of the store (grid rows, newest first). */
export const storeOrderSummaries = async (storage: Storage, storeId: string): Promise<OrderSummary[]> => {
  const out: OrderSummary[] = [];
  for await (const row of ordersRepository(storage, storeId).grid.scan()) out.push(toSummary(row));
  return out;
};

/** Daily points for the last `days` days (7 or 30), period total, previous period and % change. */
export const salesSeriesForStore = async (
  storage: Storage,
  storeId: string,
  days: number,
  nowMs: number,
): Promise<SalesSeries> =>
  salesSeries(await storeOrderSummaries(storage, storeId), { nowMs, days: days === 7 ? 7 : 30 });

/** Day (YYYY-MM-DD, UTC) → total, for the days in [fromDate, toDate]; the home page card's source. */
export const dailyOrderTotals = async (
  storage: Storage,
  storeId: string,
  fromDate: string,
  toDate: string,
): Promise<Map<string, string>> => {
  const totals = new Map<string, string>();
  for (const o of await storeOrderSummaries(storage, storeId)) {
    if (!o.orderTotal || o.status === 'CANCELLED' || o.status === 'UNFULFILLABLE') continue;
    const day = dayOf(Date.parse(o.createdTime));
    if (day < fromDate || day > toDate) continue;
    totals.set(day, fmt(big(totals.get(day) ?? '0').plus(o.orderTotal), o.currency));
  }
  return totals;
};
