/**
 * Planning of the searchOrders polls (lastUpdatedAfter windows): overlapping windows so an order updated at a
 * window edge is never missed, a resumable checkpoint (window + page token) so a crashed run continues where it
 * stopped, and de-duplication by order id. Amazon wants lastUpdatedBefore at least 2 minutes in the past.
 */
import type { AmazonOrder } from './amazon-order';
import type { LedgerRecord } from './ledger';

export interface ImportCheckpoint {
  /** Everything updated before this instant has been read (exclusive upper bound of the last finished window). */
  readUpTo: string;
  /** A window in progress: its bounds and the next page token. */
  inProgress?: { lastUpdatedAfter: string; lastUpdatedBefore: string; nextToken?: string; startedAt: string };
}

export interface WindowOptions {
  nowMs: number;
  /** The store's connection time: the first window starts here (older orders are never imported). */
  storeConnectedAt: string;
  /** Re-read this much before the previous end (late index updates at Amazon). Default 10 minutes. */
  overlapMs?: number;
  /** Longest window per run. Default 24 hours (backlogs are caught up window by window). */
  maxWindowMs?: number;
}

export interface ImportWindow {
  lastUpdatedAfter: string;
  lastUpdatedBefore: string;
  /** Set when resuming a page of an interrupted run. */
  paginationToken?: string;
}

/** Amazon: lastUpdatedBefore must be at least 2 minutes before now; keep a few seconds of margin. */
export const AMAZON_MIN_LAG_MS = 2 * 60_000 + 5_000;
/** Pagination tokens live 24 hours; resume only well inside that. */
export const TOKEN_MAX_AGE_MS = 23 * 3_600_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** The window to read now, or undefined when there is nothing new yet. */
export function planImportWindow(checkpoint: ImportCheckpoint | undefined, o: WindowOptions): ImportWindow | undefined {
  const p = checkpoint?.inProgress;
  if (p) {
    const fresh = o.nowMs - Date.parse(p.startedAt) < TOKEN_MAX_AGE_MS;
    return {
      lastUpdatedAfter: p.lastUpdatedAfter,
      lastUpdatedBefore: p.lastUpdatedBefore,
      ...(p.nextToken && fresh ? { paginationToken: p.nextToken } : {}),
    };
  }
  const connected = Date.parse(o.storeConnectedAt);
  const start = checkpoint
    ? Math.max(connected, Date.parse(checkpoint.readUpTo) - (o.overlapMs ?? 10 * 60_000))
    : connected;
  const end = Math.min(start + (o.maxWindowMs ?? 24 * 3_600_000), o.nowMs - AMAZON_MIN_LAG_MS);
  if (end <= start || (checkpoint && end <= Date.parse(checkpoint.readUpTo))) return undefined;
  return { lastUpdatedAfter: iso(start), lastUpdatedBefore: iso(end) };
}

/** Checkpoint after a page: keep the token while pages remain, advance readUpTo when the window is done. */
export function afterPage(
  checkpoint: ImportCheckpoint | undefined,
  window: ImportWindow,
  page: { nextToken?: string },
  nowMs: number,
): ImportCheckpoint {
  const readUpTo = checkpoint?.readUpTo ?? window.lastUpdatedAfter;
  if (page.nextToken)
    return {
      readUpTo,
      inProgress: {
        lastUpdatedAfter: window.lastUpdatedAfter,
        lastUpdatedBefore: window.lastUpdatedBefore,
        nextToken: page.nextToken,
        startedAt: checkpoint?.inProgress?.startedAt ?? new Date(nowMs).toISOString(),
      },
    };
  const end = Date.parse(window.lastUpdatedBefore);
  return { readUpTo: new Date(Math.max(end, Date.parse(readUpTo))).toISOString() };
}

/** One entry per order id, keeping the most recently updated copy (overlaps and pages repeat orders). */
export function dedupeOrders(orders: AmazonOrder[]): AmazonOrder[] {
  const byId = new Map<string, AmazonOrder>();
  for (const o of orders) {
    const seen = byId.get(o.orderId);
    if (!seen || Date.parse(o.lastUpdatedTime) > Date.parse(seen.lastUpdatedTime)) byId.set(o.orderId, o);
  }
  return [...byId.values()];
}

/** Whether an order read from Amazon needs processing, given its ledger record (unchanged + settled = skip). */
export function needsProcessing(order: AmazonOrder, record: LedgerRecord | undefined): boolean {
  if (!record) return true;
  if (['ready', 'failed', 'creating', 'blocked'].includes(record.status)) return true;
  if (record.commerceCancel === 'pending') return true;
  return !record.lastAmazonUpdate || Date.parse(order.lastUpdatedTime) > Date.parse(record.lastAmazonUpdate);
}
