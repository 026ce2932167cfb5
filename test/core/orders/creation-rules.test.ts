import { type AmazonOrderStatus, decideCreation, findBlockers, parseAmazonOrder } from '../../../src/core/orders';
import { product, rawOrder } from './fixtures';

const connected = '2026-01-01T00:00:00Z';
const settings = { importOrders: 'enabled', pendingOrders: 'reserve' } as const;
const order = (status: AmazonOrderStatus, fulfilledBy: 'AMAZON' | 'MERCHANT', over = {}) =>
  parseAmazonOrder(rawOrder({ status, fulfilledBy, ...over }));
const stock = {
  in: { 'SKU-1': product('SKU-1', { salableQty: 5 }) },
  out: { 'SKU-1': product('SKU-1', { salableQty: 0 }) },
  unmanaged: { 'SKU-1': product('SKU-1', { salableQty: 0, manageStock: false }) },
};

// SPEC 6.2 (MSI table): channel × stock × status → create?, reserve?
const table: Array<
  [string, keyof typeof stock, AmazonOrderStatus, 'create' | 'wait' | 'view_only' | 'blocked', boolean]
> = [];
for (const s of ['in', 'out', 'unmanaged'] as const) {
  for (const st of ['PENDING', 'PENDING_AVAILABILITY', 'UNSHIPPED', 'PARTIALLY_SHIPPED'] as const)
    table.push(['AMAZON', s, st, 'wait', false]);
  table.push(['AMAZON', s, 'CANCELLED', 'view_only', false], ['AMAZON', s, 'UNFULFILLABLE', 'view_only', false]);
  table.push(['MERCHANT', s, 'PENDING', 'wait', false], ['MERCHANT', s, 'PENDING_AVAILABILITY', 'wait', false]);
  table.push(['MERCHANT', s, 'CANCELLED', 'view_only', false], ['MERCHANT', s, 'UNFULFILLABLE', 'view_only', false]);
}
table.push(['AMAZON', 'in', 'SHIPPED', 'create', false], ['AMAZON', 'unmanaged', 'SHIPPED', 'create', false]);
table.push(['AMAZON', 'out', 'SHIPPED', 'blocked', false]);
for (const st of ['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED'] as const) {
  table.push(['MERCHANT', 'in', st, 'create', true], ['MERCHANT', 'unmanaged', st, 'create', true]);
  table.push(['MERCHANT', 'out', st, 'blocked', false]);
}

describe('decideCreation (SPEC 6.2)', () => {
  it.each(table)('%s, stock %s, %s → %s (reserve %s)', (by, s, status, kind, reserve) => {
    const d = decideCreation(
      order(status, by as 'AMAZON' | 'MERCHANT', status === 'PENDING' ? { pending: true } : {}),
      {
        settings,
        storeConnectedAt: connected,
        matches: stock[s],
      },
    );
    expect(d.kind).toBe(kind);
    if (d.kind === 'create') {
      expect(d.reserve).toBe(reserve);
      expect(d.complete).toBe(by === 'AMAZON');
    }
  });

  it('never reserves when Reserve Quantity is off', () => {
    const d = decideCreation(order('UNSHIPPED', 'MERCHANT'), {
      settings: { importOrders: 'enabled', pendingOrders: 'do_not_reserve' },
      storeConnectedAt: connected,
      matches: stock.in,
    });
    expect(d).toMatchObject({ kind: 'create', reserve: false });
  });

  it('makes every order view-only when import is disabled', () => {
    const d = decideCreation(order('UNSHIPPED', 'MERCHANT'), {
      settings: { importOrders: 'disabled', pendingOrders: 'reserve' },
      storeConnectedAt: connected,
      matches: stock.in,
    });
    expect(d).toEqual({ kind: 'view_only', reason: expect.stringContaining('disabled') });
  });

  it('never imports orders placed before the store connected', () => {
    const d = decideCreation(order('UNSHIPPED', 'MERCHANT', { created: '2025-12-31T23:59:59Z' }), {
      settings,
      storeConnectedAt: connected,
      matches: stock.in,
    });
    expect(d).toEqual({ kind: 'view_only', reason: expect.stringContaining('before the store was connected') });
  });

  it('reports the blocker with the merchant-readable reason', () => {
    const d = decideCreation(order('UNSHIPPED', 'MERCHANT'), { settings, storeConnectedAt: connected, matches: {} });
    expect(d.kind).toBe('blocked');
    expect(d.reason).toContain('Product "SKU-1" is not in the Commerce catalog');
  });
});

describe('findBlockers (SPEC 6.4)', () => {
  const o = parseAmazonOrder(
    rawOrder({
      items: [
        { sku: 'NONE', qty: 1, unit: '1' },
        { sku: 'OFF', qty: 1, unit: '1' },
        { sku: 'ELSEWHERE', qty: 1, unit: '1' },
        { sku: 'LOW', qty: 3, unit: '1' },
        { sku: 'PARENT', qty: 1, unit: '1' },
        { sku: 'OK', qty: 1, unit: '1' },
        { sku: 'GONE', qty: 1, unit: '1', canceled: true },
      ],
    }),
  );
  const blockers = findBlockers(o, {
    OFF: product('OFF', { enabled: false }),
    ELSEWHERE: product('ELSEWHERE', { inWebsite: false }),
    LOW: product('LOW', { salableQty: 2 }),
    PARENT: product('PARENT', { typeId: 'configurable' }),
    OK: product('OK'),
  });

  it('names each cause and its fix, and ignores canceled lines', () => {
    expect(blockers.map((b) => [b.amazonSku, b.code])).toEqual([
      ['NONE', 'unmatched_sku'],
      ['OFF', 'disabled'],
      ['ELSEWHERE', 'not_in_website'],
      ['LOW', 'not_salable'],
      ['PARENT', 'not_configurable'],
    ]);
    expect(blockers[3].message).toBe(
      'Cannot create sales order: Product "LOW" in order is not salable (salable quantity 2, ordered 3). Fix the quantity or source.',
    );
    expect(blockers[1].message).toContain('Enable it');
  });

  it('needs only "in stock" for FBA, the full quantity for FBM', () => {
    const fba = parseAmazonOrder(
      rawOrder({ fulfilledBy: 'AMAZON', status: 'SHIPPED', items: [{ sku: 'LOW', qty: 3, unit: '1' }] }),
    );
    expect(findBlockers(fba, { LOW: product('LOW', { salableQty: 1 }) })).toEqual([]);
    expect(findBlockers(fba, { LOW: product('LOW', { salableQty: 0 }) })[0].code).toBe('not_salable');
  });
});
