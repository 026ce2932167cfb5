/**
 * Per-listing price history and competitor-data freshness: pure functions, no I/O, time passed in.
 */

/** Where a price sent to Amazon came from. */
export type PriceHistorySource = 'repricer' | 'publish';

export interface PriceHistoryEntry {
  /** Epoch ms (app clock) when the price was accepted by Amazon. */
  at: number;
  /** Decimal string in the marketplace currency. */
  price: string;
  source: PriceHistorySource;
}

/** How many sent prices a listing keeps: enough for a chart, small enough for one State value. */
export const PRICE_HISTORY_LIMIT = 90;

/** The history with `entry` appended, oldest first, keeping only the newest `limit` entries. */
export const appendPriceHistory = (
  history: readonly PriceHistoryEntry[],
  entry: PriceHistoryEntry,
  limit: number = PRICE_HISTORY_LIMIT,
): PriceHistoryEntry[] => [...history, entry].sort((a, b) => a.at - b.at).slice(-Math.max(1, limit));

/** Competitor data older than this is polled again by the repricing job, and shown as stale. */
export const COMPETITOR_DATA_STALE_AFTER_MS = 30 * 60_000;

export type FreshnessState = 'fresh' | 'stale' | 'none';

export interface CompetitorFreshness {
  state: FreshnessState;
  /** Age of the competitor data in ms at `now`, or null when there is none. */
  ageMs: number | null;
}

/**
 * Freshness of a listing's competitor snapshot: 'none' without one, 'stale' when it is older than the polling
 * threshold (the job will poll it again), 'fresh' otherwise. A time in the future (clock skew) counts as age 0.
 */
export const competitorFreshness = (
  receivedAtMs: number | null | undefined,
  now: number,
  staleAfterMs: number = COMPETITOR_DATA_STALE_AFTER_MS,
): CompetitorFreshness => {
  if (receivedAtMs === null || receivedAtMs === undefined) return { state: 'none', ageMs: null };
  const ageMs = Math.max(0, now - receivedAtMs);
  return { state: ageMs > staleAfterMs ? 'stale' : 'fresh', ageMs };
};
