import {
  type CreationDecision,
  LEDGER_LIMITS,
  type LedgerRecord,
  LedgerTransitionError,
  newLedgerRecord,
  next,
  nextImportStep,
} from '../../../src/core/orders';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const create: CreationDecision = { kind: 'create', reserve: true, complete: false, reason: 'ok' };
const observe = (r: LedgerRecord, decision: CreationDecision = create, ms = 0, amazonStatus = 'UNSHIPPED' as const) =>
  next(r, { type: 'observed', at: at(ms), amazonStatus, amazonUpdatedAt: at(ms), decision });
const ctx = (token: string, ms: number) => ({
  nowMs: T0 + ms,
  token,
  claimTtlMs: 60_000,
  maxCreateMs: 20_000,
  settleMs: 30_000,
});
const ready = () => observe(newLedgerRecord('113-1', 'store-1', at(0)));

describe('ledger transitions', () => {
  it('observed: wait / view-only / blocked keep the reason as Order Notes; create makes it ready', () => {
    const r = newLedgerRecord('113-1', 's', at(0));
    expect(observe(r, { kind: 'wait', reason: 'Pending' })).toMatchObject({ status: 'waiting', note: 'Pending' });
    expect(observe(r, { kind: 'view_only', reason: 'disabled' })).toMatchObject({ status: 'view_only' });
    expect(observe(r, { kind: 'blocked', reason: 'Product "X" is disabled', blockers: [] })).toMatchObject({
      status: 'blocked',
      note: 'Product "X" is disabled',
    });
    expect(ready()).toMatchObject({ status: 'ready', lastAmazonStatus: 'UNSHIPPED' });
  });

  it('claim → lookup → create: each step is what nextImportStep asks for', () => {
    let r = ready();
    const s1 = nextImportStep(r, ctx('A', 0));
    expect(s1).toEqual({ kind: 'claim', token: 'A', deadline: at(60_000), takeoverAfter: at(90_000) });
    r = next(r, { type: 'claimed', at: at(0), token: 'A', deadline: at(60_000), takeoverAfter: at(60_000 + 30_000) });
    expect(nextImportStep(r, ctx('A', 1000))).toEqual({
      kind: 'lookup',
      keys: { extOrderId: '113-1', incrementId: '113-1', quoteIds: [], commentMarker: '[amazon-order:113-1]' },
    });
    r = next(r, { type: 'looked_up', at: at(1000), token: 'A' });
    expect(nextImportStep(r, ctx('A', 2000))).toEqual({ kind: 'create' });
    r = next(r, { type: 'cart_created', at: at(2000), token: 'A', cartId: 7 });
    expect(r.cartIds).toEqual([7]);
    r = next(r, {
      type: 'created',
      at: at(3000),
      token: 'A',
      commerceOrderId: 99,
      incrementId: '000000099',
      path: 'cart',
      reserved: true,
    });
    expect(r).toMatchObject({
      status: 'created',
      commerceOrderId: 99,
      path: 'cart',
      reserved: true,
      note: 'Commerce order 000000099 created.',
    });
    expect(r.claim).toBeUndefined();
    expect(nextImportStep(r, ctx('B', 5000)).kind).toBe('none');
  });

  it('refuses a second claim while the first is live; another run is told it is busy', () => {
    const r = next(ready(), {
      type: 'claimed',
      at: at(0),
      token: 'A',
      deadline: at(60_000),
      takeoverAfter: at(60_000 + 30_000),
    });
    expect(nextImportStep(r, ctx('B', 10_000))).toMatchObject({ kind: 'busy', until: at(90_000) });
    expect(() =>
      next(r, {
        type: 'claimed',
        at: at(10_000),
        token: 'B',
        deadline: at(70_000),
        takeoverAfter: at(70_000 + 30_000),
      }),
    ).toThrow(LedgerTransitionError);
    // After deadline + settle the claim may be taken over, and the new holder must look up first.
    expect(nextImportStep(r, ctx('B', 90_000)).kind).toBe('claim');
    const taken = next(r, {
      type: 'claimed',
      at: at(90_000),
      token: 'B',
      deadline: at(150_000),
      takeoverAfter: at(150_000 + 30_000),
    });
    expect(nextImportStep(taken, ctx('B', 90_001)).kind).toBe('lookup');
    expect(() => next(taken, { type: 'looked_up', at: at(90_002), token: 'A' })).toThrow(/not held by this run/);
  });

  it('an unanswered create keeps the claim, waits the settle time, then looks up before any retry', () => {
    let r = next(ready(), {
      type: 'claimed',
      at: at(0),
      token: 'A',
      deadline: at(60_000),
      takeoverAfter: at(60_000 + 30_000),
    });
    r = next(r, { type: 'looked_up', at: at(1), token: 'A' });
    r = next(r, { type: 'create_failed', at: at(5000), token: 'A', error: 'timeout', outcome: 'unknown' });
    expect(r).toMatchObject({ status: 'creating', attempts: 1 });
    expect(nextImportStep(r, ctx('A', 6000))).toMatchObject({ kind: 'wait', until: at(35_000) });
    expect(nextImportStep(r, ctx('A', 35_000)).kind).toBe('lookup');
    expect(() => next(r, { type: 'released', at: at(6000), token: 'A' })).toThrow(/uncertain/);
    const found = next(r, {
      type: 'looked_up',
      at: at(35_000),
      token: 'A',
      found: { commerceOrderId: 5, incrementId: '5' },
    });
    expect(found).toMatchObject({ status: 'created', commerceOrderId: 5 });
  });

  it('a clean failure releases the claim and counts attempts; after the limit only the merchant can retry', () => {
    let r = ready();
    for (let k = 0; k < LEDGER_LIMITS.maxAttempts; k++) {
      r = next(r, {
        type: 'claimed',
        at: at(k),
        token: `T${k}`,
        deadline: at(k + 60_000),
        takeoverAfter: at(k + 60_000 + 30_000),
      });
      r = next(r, { type: 'looked_up', at: at(k), token: `T${k}` });
      r = next(r, {
        type: 'create_failed',
        at: at(k),
        token: `T${k}`,
        error: 'Product "X" in order is not salable',
        outcome: 'not_created',
      });
    }
    expect(r).toMatchObject({
      status: 'failed',
      attempts: 5,
      note: 'Cannot create sales order: Product "X" in order is not salable',
    });
    expect(nextImportStep(r, ctx('Z', 0)).kind).toBe('none');
    expect(observe(r).status).toBe('failed');
    r = next(r, { type: 'retry_requested', at: at(100) });
    expect(r).toMatchObject({ status: 'ready', attempts: 0 });
  });

  it('releases a claim that has too little time left to create safely', () => {
    let r = next(ready(), {
      type: 'claimed',
      at: at(0),
      token: 'A',
      deadline: at(60_000),
      takeoverAfter: at(60_000 + 30_000),
    });
    r = next(r, { type: 'looked_up', at: at(1), token: 'A' });
    expect(nextImportStep(r, ctx('A', 45_000)).kind).toBe('release');
    expect(next(r, { type: 'released', at: at(45_000), token: 'A' })).toMatchObject({ status: 'ready' });
  });

  it('records a second Commerce order as a duplicate instead of replacing the first', () => {
    let r = next(ready(), { type: 'created', at: at(0), commerceOrderId: 1, path: 'direct', reserved: false });
    r = next(r, { type: 'created', at: at(1), commerceOrderId: 2, path: 'direct', reserved: false });
    expect(r).toMatchObject({ status: 'created', commerceOrderId: 1, duplicates: [2] });
    expect(r.note).toContain('Duplicate Commerce order 2');
  });

  it('Amazon cancel after creation marks the Commerce cancel pending; the cancel makes it canceled', () => {
    let r = next(ready(), { type: 'created', at: at(0), commerceOrderId: 1, path: 'cart', reserved: true });
    r = observe(r, { kind: 'view_only', reason: 'Canceled' }, 10, 'CANCELLED' as never);
    expect(r).toMatchObject({ status: 'created', commerceCancel: 'pending' });
    r = next(r, { type: 'commerce_canceled', at: at(20) });
    expect(r).toMatchObject({ status: 'canceled', commerceCancel: 'done', note: 'Status updated to Canceled.' });
    expect(() => next(ready(), { type: 'commerce_canceled', at: at(1) })).toThrow(LedgerTransitionError);
  });

  it('totals mismatches become the Order Notes', () => {
    const r = next(next(ready(), { type: 'created', at: at(0), commerceOrderId: 1, path: 'cart', reserved: true }), {
      type: 'totals_checked',
      at: at(1),
      result: {
        ok: false,
        mismatches: [{ field: 'grand_total', amazon: '1', commerce: '2', message: 'Grand total differs.' }],
      },
    });
    expect(r.note).toBe('Totals differ from Amazon: Grand total differs.');
    expect(() => next(ready(), { type: 'totals_checked', at: at(0), result: { ok: true, mismatches: [] } })).toThrow();
  });
});
