import { sortListings } from '../../../src/app/listings/grid-sort';
import type { Listing } from '../../../src/core/listings';

const listing = (sku: string, changes: Partial<Listing> = {}): Listing => ({
  storeId: 's1',
  sellerSku: sku,
  origin: 'catalog',
  status: 'active',
  fulfillment: 'FBM',
  eligible: true,
  overrides: {},
  issues: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...changes,
});

const skus = (listings: Listing[]) => listings.map((l) => l.sellerSku);

describe('grid sort', () => {
  const rows = [
    listing('A', { lastAccepted: { price: '9.50', quantity: 10 }, name: 'mug 10' }),
    listing('B', { lastAccepted: { price: '10.00', quantity: 2 }, name: 'Mug 9' }),
    listing('C', { name: 'apron' }),
    listing('D', { lastAccepted: { price: '100.00', quantity: 0 } }),
  ];

  it('sorts prices as amounts, not as text, and keeps listings without a price last either way', () => {
    expect(skus(sortListings(rows, 'price', 'ascending'))).toEqual(['A', 'B', 'D', 'C']);
    expect(skus(sortListings(rows, 'price', 'descending'))).toEqual(['D', 'B', 'A', 'C']);
  });

  it('sorts quantities numerically and names naturally, ignoring case', () => {
    expect(skus(sortListings(rows, 'quantity', 'descending'))).toEqual(['A', 'B', 'D', 'C']);
    expect(skus(sortListings(rows, 'name', 'ascending'))).toEqual(['C', 'B', 'A', 'D']);
  });

  it('breaks ties by Seller SKU so a page boundary never repeats or skips a listing', () => {
    const same = [listing('Z', { name: 'x' }), listing('M', { name: 'x' }), listing('A', { name: 'x' })];
    expect(skus(sortListings(same, 'name', 'descending'))).toEqual(['A', 'M', 'Z']);
  });
});
