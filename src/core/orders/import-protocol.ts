/**
 * Exactly-once creation as pure decisions: given the ledger record and the clock, what the running import must do
 * next. The adapter executes the step, turns the outcome into a ledger event, stores it and asks again.
 *
 *   ready ─claim─▶ creating(claim) ─lookup─▶ found? created : lookedUp ─create─▶ created | failed | uncertain
 *   uncertain ─(settle)─▶ lookup again ;  claim expired (+settle) ─▶ another run claims, looks up first.
 */
import { claimExpired, LEDGER_LIMITS, type LedgerRecord } from './ledger';
import { orderMarker } from './mapping';

export interface ProtocolContext {
  nowMs: number;
  /** This run's claim token (random, unique per run and order). */
  token: string;
  /** How long a claim lasts; must exceed the longest create (cart path: all its requests). */
  claimTtlMs: number;
  /** Upper bound of one create request incl. retries; a create is only started if it can end before the deadline. */
  maxCreateMs: number;
  settleMs?: number;
}

/** Where to search Commerce for an order this Amazon order may already have. */
export interface LookupKeys {
  /** `ext_order_id eq` (direct path). */
  extOrderId: string;
  /** `increment_id eq` (direct path with Amazon order numbers). */
  incrementId: string;
  /** `quote_id in` (cart path: every cart ever made for this order). */
  quoteIds: number[];
  /** Comment marker, the last resort for orders created by hand or by older versions. */
  commentMarker: string;
}

export type ImportStep =
  | { kind: 'none'; reason: string }
  | { kind: 'busy'; until: string; reason: string }
  | { kind: 'claim'; token: string; deadline: string; takeoverAfter: string }
  | { kind: 'wait'; until: string; reason: string }
  | { kind: 'lookup'; keys: LookupKeys }
  | { kind: 'create' }
  | { kind: 'release'; reason: string };

export const lookupKeys = (record: LedgerRecord): LookupKeys => ({
  extOrderId: record.amazonOrderId,
  incrementId: record.amazonOrderId,
  quoteIds: record.cartIds,
  commentMarker: orderMarker(record.amazonOrderId),
});

export function nextImportStep(record: LedgerRecord, ctx: ProtocolContext): ImportStep {
  const settle = ctx.settleMs ?? LEDGER_LIMITS.settleMs;
  const iso = (ms: number) => new Date(ms).toISOString();
  const claimStep = (): ImportStep => ({
    kind: 'claim',
    token: ctx.token,
    deadline: iso(ctx.nowMs + ctx.claimTtlMs),
    takeoverAfter: iso(ctx.nowMs + ctx.claimTtlMs + settle),
  });
  switch (record.status) {
    case 'ready':
      return claimStep();
    case 'failed':
      return record.attempts < LEDGER_LIMITS.maxAttempts
        ? claimStep()
        : { kind: 'none', reason: 'Import failed repeatedly: waiting for the merchant to retry.' };
    case 'creating': {
      const claim = record.claim;
      if (!claim || claim.token !== ctx.token) {
        if (claimExpired(claim, ctx.nowMs)) return claimStep();
        return {
          kind: 'busy',
          until: claim!.takeoverAfter,
          reason: 'Another run is importing this order.',
        };
      }
      if (claim.uncertainSince && ctx.nowMs < Date.parse(claim.uncertainSince) + settle)
        return {
          kind: 'wait',
          until: iso(Date.parse(claim.uncertainSince) + settle),
          reason: 'The last create did not answer; waiting before looking it up.',
        };
      if (!claim.lookedUp) return { kind: 'lookup', keys: lookupKeys(record) };
      if (ctx.nowMs + ctx.maxCreateMs >= Date.parse(claim.deadline))
        return { kind: 'release', reason: 'Not enough claim time left to create safely.' };
      return { kind: 'create' };
    }
    default:
      return { kind: 'none', reason: `Nothing to create (${record.status}).` };
  }
}
