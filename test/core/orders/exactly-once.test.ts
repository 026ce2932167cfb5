/**
 * Model-based property: several import runs interleave on one ledger record against a model of Commerce that can
 * time out, fail, finish requests late (within the settle time after the client gave up) and lose runs mid-way.
 * Whatever happens, Commerce never holds two orders for one Amazon order.
 */
import fc from 'fast-check';
import {
  type LedgerEvent,
  type LedgerRecord,
  LedgerTransitionError,
  newLedgerRecord,
  next,
  nextImportStep,
} from '../../../src/core/orders';

const SETTLE = 30_000;
const TTL = 60_000;
const MAX_CREATE = 20_000;

type Outcome =
  | 'ok'
  | 'fail'
  | 'timeout_created'
  | 'timeout_not_created'
  | 'crash_after_create'
  | 'crash_before_create'
  | 'crash_before_cart_write';
const step = fc.record({
  kind: fc.constant('step' as const),
  run: fc.integer({ min: 0, max: 2 }),
  path: fc.constantFrom<'cart' | 'direct'>('cart', 'direct'),
  outcome: fc.constantFrom<Outcome>(
    'ok',
    'fail',
    'timeout_created',
    'timeout_not_created',
    'crash_after_create',
    'crash_before_create',
    'crash_before_cart_write',
  ),
  lag: fc.integer({ min: 0, max: SETTLE - 1 }),
});
const action = fc.oneof(
  { arbitrary: step, weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 5_000 }) }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 20_000, max: 150_000 }) }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('observe' as const) }), weight: 1 },
);
type Action =
  | { kind: 'step'; run: number; path: 'cart' | 'direct'; outcome: Outcome; lag: number }
  | { kind: 'tick'; ms: number }
  | { kind: 'observe' };

function simulate(actions: Action[]) {
  let now = Date.parse('2026-03-01T10:00:00Z');
  const iso = () => new Date(now).toISOString();
  let record: LedgerRecord = newLedgerRecord('113-X', 's', iso());
  const commerce: Array<{ id: number; extOrderId?: string; quoteId?: number }> = [];
  const late: Array<{ at: number; order: { extOrderId?: string; quoteId?: number } }> = [];
  let nextCart = 100;
  const tokens = ['r0-0', 'r1-0', 'r2-0'];
  let restarts = 0;
  const apply = (e: LedgerEvent) => {
    try {
      record = next(record, e);
    } catch (err) {
      if (!(err instanceof LedgerTransitionError)) throw err;
    }
  };
  const place = (o: { extOrderId?: string; quoteId?: number }) => {
    const id = commerce.length + 1;
    commerce.push({ id, ...o });
    return id;
  };
  const flushLate = () => {
    for (const l of late.filter((x) => x.at <= now)) place(l.order);
    late.splice(0, late.length, ...late.filter((x) => x.at > now));
  };
  const restart = (run: number) => {
    tokens[run] = `r${run}-${++restarts}`;
  };
  apply({
    type: 'observed',
    at: iso(),
    amazonStatus: 'UNSHIPPED',
    amazonUpdatedAt: iso(),
    decision: { kind: 'create', reserve: true, complete: false, reason: '' },
  });
  for (const a of actions) {
    flushLate();
    if (a.kind === 'tick') {
      now += a.ms;
      continue;
    }
    if (a.kind === 'observe') {
      apply({
        type: 'observed',
        at: iso(),
        amazonStatus: 'UNSHIPPED',
        amazonUpdatedAt: iso(),
        decision: { kind: 'create', reserve: true, complete: false, reason: '' },
      });
      continue;
    }
    const token = tokens[a.run];
    const step = nextImportStep(record, {
      nowMs: now,
      token,
      claimTtlMs: TTL,
      maxCreateMs: MAX_CREATE,
      settleMs: SETTLE,
    });
    if (step.kind === 'claim')
      apply({ type: 'claimed', at: iso(), token, deadline: step.deadline, takeoverAfter: step.takeoverAfter });
    else if (step.kind === 'release') apply({ type: 'released', at: iso(), token });
    else if (step.kind === 'lookup') {
      const hit = commerce.find(
        (o) =>
          o.extOrderId === step.keys.extOrderId || (o.quoteId !== undefined && step.keys.quoteIds.includes(o.quoteId)),
      );
      apply({ type: 'looked_up', at: iso(), token, ...(hit ? { found: { commerceOrderId: hit.id } } : {}) });
    } else if (step.kind === 'create') {
      let marker: { extOrderId?: string; quoteId?: number } = { extOrderId: '113-X' };
      if (a.path === 'cart') {
        const cartId = nextCart++;
        if (a.outcome === 'crash_before_cart_write') {
          restart(a.run); // the cart exists in Commerce but was never placed
          continue;
        }
        apply({ type: 'cart_created', at: iso(), token, cartId });
        marker = { quoteId: cartId };
      }
      const requestEnd = () => {
        now += Math.min(a.lag, MAX_CREATE);
      };
      switch (a.outcome) {
        case 'ok':
          requestEnd();
          apply({
            type: 'created',
            at: iso(),
            token,
            commerceOrderId: place(marker),
            path: a.path,
            reserved: a.path === 'cart',
          });
          break;
        case 'fail':
        case 'crash_before_cart_write':
          apply({ type: 'create_failed', at: iso(), token, error: 'refused', outcome: 'not_created' });
          break;
        case 'timeout_created':
          requestEnd();
          late.push({ at: now + a.lag, order: marker });
          apply({ type: 'create_failed', at: iso(), token, error: 'timeout', outcome: 'unknown' });
          break;
        case 'timeout_not_created':
          requestEnd();
          apply({ type: 'create_failed', at: iso(), token, error: 'timeout', outcome: 'unknown' });
          break;
        case 'crash_after_create':
          requestEnd();
          late.push({ at: now + a.lag, order: marker });
          restart(a.run);
          break;
        case 'crash_before_create':
          restart(a.run);
          break;
      }
    }
  }
  now += TTL + SETTLE + 1;
  flushLate();
  return { record, commerce };
}

describe('exactly-once import protocol', () => {
  it('property: no interleaving of runs, failures, late completions and crashes creates two Commerce orders', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 120 }), (actions) => {
        const { record, commerce } = simulate(actions);
        expect(commerce.length).toBeLessThanOrEqual(1);
        if (record.status === 'created') expect(record.commerceOrderId).toBe(commerce[0]?.id);
        expect(record.duplicates ?? []).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('a takeover must look up first; a duplicate that slipped through is flagged, never overwritten', () => {
    // A run that creates right after claiming (no lookup) after a crash-after-create makes a second order.
    let r = next(newLedgerRecord('113-Y', 's', '2026-01-01T00:00:00Z'), {
      type: 'observed',
      at: '2026-01-01T00:00:00Z',
      amazonStatus: 'UNSHIPPED',
      amazonUpdatedAt: '2026-01-01T00:00:00Z',
      decision: { kind: 'create', reserve: false, complete: false, reason: '' },
    });
    r = next(r, {
      type: 'claimed',
      at: '2026-01-01T00:00:00Z',
      token: 'A',
      deadline: '2026-01-01T00:01:00Z',
      takeoverAfter: '2026-01-01T00:03:00Z',
    });
    // Run A created order 1 and crashed before writing it. Run B takes over later:
    r = next(r, {
      type: 'claimed',
      at: '2026-01-01T00:05:00Z',
      token: 'B',
      deadline: '2026-01-01T00:06:00Z',
      takeoverAfter: '2026-01-01T00:08:00Z',
    });
    expect(
      nextImportStep(r, {
        nowMs: Date.parse('2026-01-01T00:05:01Z'),
        token: 'B',
        claimTtlMs: TTL,
        maxCreateMs: MAX_CREATE,
      }).kind,
    ).toBe('lookup');
    // Ignoring that and creating would leave two orders; recording both facts flags the duplicate.
    r = next(r, { type: 'created', at: '2026-01-01T00:05:02Z', commerceOrderId: 1, path: 'direct', reserved: false });
    r = next(r, { type: 'created', at: '2026-01-01T00:05:03Z', commerceOrderId: 2, path: 'direct', reserved: false });
    expect(r.duplicates).toEqual([2]);
  });
});
