/**
 * The order ledger: one record per Amazon order and a pure state machine over it. The adapter stores records
 * (read-modify-write under a lease lock per order) and feeds facts in as events; `next` never performs I/O.
 * Facts that a Commerce order exists are always recorded, whatever the claim says: forgetting one is how
 * duplicates happen. See docs/orders.md "Ledger and exactly-once".
 */
import type { AmazonOrderStatus } from './amazon-order';
import type { CreationDecision } from './creation-rules';
import type { TotalsCheckResult } from './totals-check';

export const LEDGER_STATUSES = [
  'seen',
  'waiting',
  'view_only',
  'blocked',
  'ready',
  'creating',
  'created',
  'failed',
  'canceled',
] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export interface Claim {
  token: string;
  /** ISO time by which the holder stops sending create requests. */
  deadline: string;
  /** ISO time (deadline + settle) after which another run may take over: any request still out has ended by then. */
  takeoverAfter: string;
  /** The holder has searched Commerce for an existing order since claiming. Creating requires it. */
  lookedUp: boolean;
  /** Set when a create request ended without a clear answer (timeout, 5xx after sending). */
  uncertainSince?: string;
}

export interface LedgerRecord {
  amazonOrderId: string;
  storeId: string;
  status: LedgerStatus;
  commerceOrderId?: number;
  commerceIncrementId?: string;
  path?: 'cart' | 'direct';
  /** Every cart made for this order: the quote_id lookup key of the cart path. */
  cartIds: number[];
  claim?: Claim;
  attempts: number;
  lastError?: string;
  /** Order Notes (SPEC 6.5): the last processing action or error, merchant-readable. */
  note?: string;
  totalsCheck?: TotalsCheckResult;
  lastAmazonStatus?: AmazonOrderStatus;
  lastAmazonUpdate?: string;
  reserved?: boolean;
  /** Amazon canceled an order that exists in Commerce: the Commerce cancel is pending or done. */
  commerceCancel?: 'pending' | 'done';
  /** Other Commerce orders found for the same Amazon order (should stay empty; reported to the merchant). */
  duplicates?: number[];
  updatedAt: string;
}

export type LedgerEvent =
  | {
      type: 'observed';
      at: string;
      amazonStatus?: AmazonOrderStatus;
      amazonUpdatedAt: string;
      decision: CreationDecision;
    }
  | { type: 'claimed'; at: string; token: string; deadline: string; takeoverAfter: string }
  | { type: 'looked_up'; at: string; token: string; found?: { commerceOrderId: number; incrementId?: string } }
  | { type: 'cart_created'; at: string; token: string; cartId: number }
  | {
      type: 'created';
      at: string;
      token?: string;
      commerceOrderId: number;
      incrementId?: string;
      path: 'cart' | 'direct';
      reserved: boolean;
    }
  | { type: 'create_failed'; at: string; token: string; error: string; outcome: 'not_created' | 'unknown' }
  | { type: 'released'; at: string; token: string }
  | { type: 'totals_checked'; at: string; result: TotalsCheckResult }
  | { type: 'retry_requested'; at: string }
  | { type: 'commerce_canceled'; at: string };

export class LedgerTransitionError extends Error {
  constructor(
    readonly record: LedgerRecord,
    readonly event: LedgerEvent,
    why: string,
  ) {
    super(`Ledger ${record.amazonOrderId}: ${event.type} refused while ${record.status}: ${why}`);
    this.name = 'LedgerTransitionError';
  }
}

export const LEDGER_LIMITS = {
  /** Automatic attempts before the order waits for the merchant (Retry, or a fix then the next change). */
  maxAttempts: 5,
  /** Grace after a claim deadline or an uncertain create before anyone looks again (server may still be working). */
  settleMs: 2 * 60_000,
} as const;

export const newLedgerRecord = (amazonOrderId: string, storeId: string, at: string): LedgerRecord => ({
  amazonOrderId,
  storeId,
  status: 'seen',
  cartIds: [],
  attempts: 0,
  updatedAt: at,
});

/** True once another run may take the claim over. */
export const claimExpired = (claim: Claim | undefined, nowMs: number): boolean =>
  !claim || nowMs >= Date.parse(claim.takeoverAfter);

const isFinal = (s: LedgerStatus) => s === 'created' || s === 'canceled';

export function next(record: LedgerRecord, event: LedgerEvent): LedgerRecord {
  const r: LedgerRecord = { ...record, updatedAt: event.at };
  const refuse = (why: string): never => {
    throw new LedgerTransitionError(record, event, why);
  };
  const requireClaim = (token: string) => {
    if (record.status !== 'creating' || record.claim?.token !== token) refuse('the claim is not held by this run');
  };
  switch (event.type) {
    case 'observed': {
      r.lastAmazonStatus = event.amazonStatus;
      r.lastAmazonUpdate = event.amazonUpdatedAt;
      if (isFinal(record.status)) {
        if (record.status === 'created' && event.amazonStatus === 'CANCELLED' && !record.commerceCancel) {
          r.commerceCancel = 'pending';
          r.note = 'Canceled on Amazon: canceling the Commerce order.';
        }
        return r;
      }
      if (record.status === 'creating') return r;
      const d = event.decision;
      if (d.kind === 'create') {
        if (record.status === 'failed' && record.attempts >= LEDGER_LIMITS.maxAttempts) return r;
        r.status = 'ready';
      } else if (d.kind === 'blocked') {
        r.status = 'blocked';
        r.note = d.reason;
      } else {
        r.status = d.kind === 'wait' ? 'waiting' : 'view_only';
        r.note = d.reason;
      }
      return r;
    }
    case 'claimed': {
      if (isFinal(record.status)) refuse('a Commerce order already exists');
      const takeover = record.status === 'creating' && claimExpired(record.claim, Date.parse(event.at));
      const retryable = record.status === 'failed' && record.attempts < LEDGER_LIMITS.maxAttempts;
      if (!(record.status === 'ready' || retryable || takeover)) refuse('not ready to create or claim still live');
      r.status = 'creating';
      if (Date.parse(event.takeoverAfter) < Date.parse(event.deadline))
        refuse('takeoverAfter must not precede the deadline');
      r.claim = { token: event.token, deadline: event.deadline, takeoverAfter: event.takeoverAfter, lookedUp: false };
      return r;
    }
    case 'looked_up': {
      if (event.found) return recordCreated(record, r, event.found.commerceOrderId, event.found.incrementId, event.at);
      requireClaim(event.token);
      r.claim = { ...record.claim!, lookedUp: true, uncertainSince: undefined };
      return r;
    }
    case 'cart_created': {
      requireClaim(event.token);
      r.cartIds = [...record.cartIds, event.cartId];
      r.path = 'cart';
      return r;
    }
    case 'created': {
      const out = recordCreated(record, r, event.commerceOrderId, event.incrementId, event.at);
      if (out.commerceOrderId === event.commerceOrderId) {
        out.path = event.path;
        out.reserved = event.reserved;
      }
      return out;
    }
    case 'create_failed': {
      requireClaim(event.token);
      r.attempts = record.attempts + 1;
      r.lastError = event.error;
      if (event.outcome === 'unknown') {
        // Keep the claim: only a later lookup can tell whether Commerce created the order.
        r.claim = { ...record.claim!, lookedUp: false, uncertainSince: event.at };
        r.note = `Import interrupted, checking Commerce before any retry: ${event.error}`;
        return r;
      }
      r.status = 'failed';
      r.claim = undefined;
      r.note = `Cannot create sales order: ${event.error}`;
      return r;
    }
    case 'released': {
      requireClaim(event.token);
      if (record.claim?.uncertainSince) refuse('an uncertain create must be looked up, not released');
      r.status = 'ready';
      r.claim = undefined;
      return r;
    }
    case 'totals_checked': {
      if (record.status !== 'created' && record.status !== 'canceled') refuse('no Commerce order to check');
      r.totalsCheck = event.result;
      if (!event.result.ok)
        r.note = `Totals differ from Amazon: ${event.result.mismatches.map((m) => m.message).join(' ')}`;
      return r;
    }
    case 'retry_requested': {
      if (record.status !== 'failed' && record.status !== 'blocked')
        refuse('only failed or blocked orders can be retried');
      r.status = 'ready';
      r.attempts = 0;
      r.note = 'Retry requested.';
      return r;
    }
    case 'commerce_canceled': {
      if (record.status !== 'created' && record.status !== 'canceled') refuse('no Commerce order to cancel');
      r.status = 'canceled';
      r.commerceCancel = 'done';
      r.note = 'Status updated to Canceled.';
      return r;
    }
  }
}

function recordCreated(
  before: LedgerRecord,
  r: LedgerRecord,
  commerceOrderId: number,
  incrementId: string | undefined,
  at: string,
): LedgerRecord {
  if (before.commerceOrderId !== undefined && before.commerceOrderId !== commerceOrderId) {
    const duplicates = [...new Set([...(before.duplicates ?? []), commerceOrderId])];
    return {
      ...r,
      duplicates,
      note: `Duplicate Commerce order ${commerceOrderId} found for this Amazon order: cancel it.`,
    };
  }
  return {
    ...r,
    status: before.status === 'canceled' ? 'canceled' : 'created',
    commerceOrderId,
    ...(incrementId ? { commerceIncrementId: incrementId } : {}),
    claim: undefined,
    lastError: undefined,
    note:
      before.commerceOrderId === undefined ? `Commerce order ${incrementId ?? commerceOrderId} created.` : before.note,
    updatedAt: at,
  };
}
