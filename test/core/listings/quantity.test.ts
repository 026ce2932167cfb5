import fc from 'fast-check';
import { computeListedQuantity, resolveRegionalQuantities } from '../../../src/core/listings/quantity';
import type { ProductStock } from '../../../src/core/listings/types';
import { product, settings, store } from './fixtures';

const q = (stock: ProductStock, opts: { eligible?: boolean; fba?: boolean; s?: Parameters<typeof settings>[0] } = {}) =>
  computeListedQuantity({
    product: product({ stock }),
    settings: settings(opts.s ?? {}),
    eligible: opts.eligible ?? true,
    fulfillment: opts.fba ? 'FBA' : 'FBM',
  }).quantity;

describe('listed quantity (decision #8)', () => {
  it('uses the MSI salable quantity, else the legacy quantity', () => {
    expect(q({ manageStock: true, salableQuantity: 7, legacyQuantity: 50 })).toBe(7);
    expect(q({ manageStock: true, legacyQuantity: 50 })).toBe(50);
    expect(q({ manageStock: true, legacyQuantity: 50, isInStock: false })).toBe(0);
  });

  it('subtracts the out-of-stock threshold and never goes below 0', () => {
    expect(q({ manageStock: true, salableQuantity: 7 }, { s: { stockQuantity: { outOfStockThreshold: 3 } } })).toBe(4);
    expect(q({ manageStock: true, salableQuantity: 2 }, { s: { stockQuantity: { outOfStockThreshold: 3 } } })).toBe(0);
  });

  it('rounds decimals down (2.5 → 2)', () => {
    expect(q({ manageStock: true, salableQuantity: 2.5 })).toBe(2);
  });

  it('caps by Maximum Listed Quantity and never fills up to it', () => {
    expect(q({ manageStock: true, salableQuantity: 80 }, { s: { stockQuantity: { maximumListedQuantity: 10 } } })).toBe(
      10,
    );
    expect(q({ manageStock: true, salableQuantity: 2 }, { s: { stockQuantity: { maximumListedQuantity: 10 } } })).toBe(
      2,
    );
  });

  it('uses the "Do Not Manage Stock" quantity for unmanaged products', () => {
    expect(
      q({ manageStock: false, salableQuantity: 3 }, { s: { stockQuantity: { doNotManageStockQuantity: 100 } } }),
    ).toBe(100);
  });

  it('sends 0 when ineligible (decision #9) and nothing for FBA', () => {
    expect(q({ manageStock: true, salableQuantity: 7 }, { eligible: false })).toBe(0);
    expect(q({ manageStock: false }, { eligible: false })).toBe(0);
    expect(q({ manageStock: true, salableQuantity: 7 }, { fba: true })).toBeUndefined();
  });

  it('explains each step', () => {
    const decision = computeListedQuantity({
      product: product({ stock: { manageStock: true, salableQuantity: 25.5 } }),
      settings: settings({ stockQuantity: { outOfStockThreshold: 2, maximumListedQuantity: 20 } }),
      eligible: true,
      fulfillment: 'FBM',
    });
    expect(decision.steps.map((s) => [s.rule, s.quantity])).toEqual([
      ['salable', 25.5],
      ['threshold', 23.5],
      ['round_down', 23],
      ['cap', 20],
    ]);
  });

  it('properties: a whole number, never negative, never above the cap (managed stock)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.boolean(),
        (salable, threshold, cap, eligible) => {
          const quantity = q(
            { manageStock: true, salableQuantity: salable },
            { eligible, s: { stockQuantity: { outOfStockThreshold: threshold, maximumListedQuantity: cap } } },
          );
          expect(Number.isInteger(quantity)).toBe(true);
          expect(quantity).toBeGreaterThanOrEqual(0);
          expect(quantity).toBeLessThanOrEqual(cap);
          expect(quantity).toBeLessThanOrEqual(Math.max(0, Math.floor(salable)));
          if (!eligible) expect(quantity).toBe(0);
        },
      ),
    );
  });
});

describe('regional quantity (decision #2)', () => {
  const us = store({ storeId: 'us', createdAt: '2025-01-01T00:00:00Z' });
  const ca = store({ storeId: 'ca', marketplaceId: 'A2EUQ1WTGCTBG2', createdAt: '2024-06-01T00:00:00Z' });
  const uk = store({ storeId: 'uk', region: 'eu', createdAt: '2023-01-01T00:00:00Z' });
  const other = store({ storeId: 'other', sellerId: 'ANOTHER', createdAt: '2020-01-01T00:00:00Z' });

  it('the oldest store of a seller and region decides a shared FBM SKU; other regions and sellers keep theirs', () => {
    const result = resolveRegionalQuantities([
      { store: us, sellerSku: 'MUG', fulfillment: 'FBM', quantity: 7 },
      { store: ca, sellerSku: 'MUG', fulfillment: 'FBM', quantity: 3 },
      { store: uk, sellerSku: 'MUG', fulfillment: 'FBM', quantity: 9 },
      { store: other, sellerSku: 'MUG', fulfillment: 'FBM', quantity: 1 },
      { store: us, sellerSku: 'CUP', fulfillment: 'FBM', quantity: 5 },
      { store: ca, sellerSku: 'BOX', fulfillment: 'FBA', quantity: undefined },
    ]);
    expect(Object.fromEntries(result)).toEqual({
      'us|MUG': 3,
      'ca|MUG': 3,
      'uk|MUG': 9,
      'other|MUG': 1,
      'us|CUP': 5,
      'ca|BOX': undefined,
    });
  });

  it('breaks creation-time ties by store id', () => {
    const a = store({ storeId: 'a', createdAt: '2025-01-01T00:00:00Z' });
    const b = store({ storeId: 'b', createdAt: '2025-01-01T00:00:00Z' });
    const result = resolveRegionalQuantities([
      { store: b, sellerSku: 'S', fulfillment: 'FBM', quantity: 2 },
      { store: a, sellerSku: 'S', fulfillment: 'FBM', quantity: 4 },
    ]);
    expect(result.get('b|S')).toBe(4);
  });
});
