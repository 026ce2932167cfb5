import { DEFAULT_LISTING_SETTINGS, type ListingSettings } from '../../../src/core/settings/listing-settings';
import type { CatalogProduct, Listing, StoreContext } from '../../../src/core/listings/types';

export const AT = '2026-01-02T03:04:05.000Z';

export const listing = (changes: Partial<Listing> = {}): Listing => ({
  storeId: 'store-us',
  sellerSku: 'SKU-1',
  productSku: 'SKU-1',
  asin: 'B000000001',
  name: 'Blue Mug',
  origin: 'catalog',
  status: 'active',
  fulfillment: 'FBM',
  condition: 'new_new',
  eligible: true,
  overrides: {},
  issues: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...changes,
});

export const product = (changes: Partial<CatalogProduct> = {}): CatalogProduct => ({
  sku: 'SKU-1',
  name: 'Blue Mug',
  typeId: 'simple',
  enabled: true,
  attributes: { price: '19.99', amazon_asin: null },
  stock: { manageStock: true, salableQuantity: 7 },
  ...changes,
});

export const settings = (
  patch: { [K in keyof ListingSettings]?: Partial<ListingSettings[K]> } = {},
): ListingSettings => {
  const s = structuredClone(DEFAULT_LISTING_SETTINGS);
  for (const [section, values] of Object.entries(patch)) Object.assign((s as Record<string, object>)[section], values);
  return s;
};

export const store = (changes: Partial<StoreContext> = {}): StoreContext => ({
  storeId: 'store-us',
  sellerId: 'A1DEMOSELLER0001',
  marketplaceId: 'ATVPDKIKX0DER',
  currency: 'USD',
  region: 'na',
  country: 'US',
  createdAt: '2025-01-01T00:00:00.000Z',
  ...changes,
});
