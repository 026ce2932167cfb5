import Big from 'big.js';
import type { Storage } from '../../adapters/state';
import type { StoreRecord } from '../../core/store';
import { dailyOrderTotals } from '../orders/sales';

/**
 * Daily sales of one store for the home page card (SPEC 1.3 "Gross Market Volume (30 day)").
 * The totals come from the Orders ledger (src/app/orders/sales.ts; orders in Canceled or Error excluded,
 * SPEC 2.8); a day without orders is 0.00. `source: 'none'` is kept for a deployment without the ledger.
 */
export interface DailySales {
  storeId: string;
  currency: string;
  /** Oldest first, one entry per calendar day (UTC), the last one being today. */
  days: Array<{ date: string; amount: string }>;
  total: string;
  source: 'orders-ledger' | 'none';
}

/** Day (YYYY-MM-DD) → total as a decimal string, from the Orders ledger. */
export const loadDailyOrderTotals = async (
  storage: Storage,
  store: StoreRecord,
  fromDate: string,
  toDate: string,
): Promise<{ totals: Map<string, string>; source: DailySales['source'] }> => ({
  totals: await dailyOrderTotals(storage, store.id, fromDate, toDate),
  source: 'orders-ledger',
});

const DAY_MS = 24 * 3600 * 1000;

export const dailySales = async (
  storage: Storage,
  store: StoreRecord,
  nowMs: number,
  days = 30,
): Promise<DailySales> => {
  const dates = Array.from({ length: days }, (_, i) =>
    new Date(nowMs - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
  const { totals, source } = await loadDailyOrderTotals(storage, store, dates[0], dates[dates.length - 1]);
  const series = dates.map((date) => ({ date, amount: totals.get(date) ?? '0.00' }));
  const total = series.reduce((sum, day) => sum.plus(day.amount), new Big(0)).toFixed(2);
  return { storeId: store.id, currency: store.currency, days: series, total, source };
};
