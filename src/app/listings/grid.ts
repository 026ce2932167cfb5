import { CONDITION_LABELS, type Listing, STATUS_LABELS } from '../../core/listings';

/** What one grid row shows (SPEC 4.2 columns); the details view gets the whole listing. */
export const toGridRow = (l: Listing, currency: string) => ({
  sellerSku: l.sellerSku,
  productSku: l.productSku ?? null,
  asin: l.asin ?? null,
  name: l.name ?? null,
  condition: l.condition ? CONDITION_LABELS[l.condition] : null,
  price: l.lastAccepted?.price ?? null,
  currency,
  quantity: l.lastAccepted?.quantity ?? null,
  fulfillment: l.fulfillment,
  status: l.status,
  statusLabel: STATUS_LABELS[l.status],
  reason: l.inactiveReason ?? l.ineligibleReason ?? null,
  origin: l.origin,
  overrides: l.overrides,
  candidates: l.candidates ?? [],
  updatedAt: l.updatedAt,
});

/** The grid's SKU/ASIN filter: Seller SKU contains the text (any case) or the ASIN contains it. */
export const matchesGridFilter = (l: Listing, filter: string | undefined): boolean => {
  const needle = (filter ?? '').toUpperCase();
  return !needle || l.sellerSku.toUpperCase().includes(needle) || (l.asin ?? '').includes(needle);
};
