import { PricingRepository } from '../../adapters/state/pricing';
import { itemConditionFromListing } from '../../core/pricing';
import { appendPriceHistory } from '../../core/pricing/price-history';
import type { Listing } from '../../core/listings';
import type { PlannedChange } from '../../core/listings/patches';
import type { ListingsContext } from './context';

/**
 * A price Amazon accepted from the listings publisher joins the listing's price history with source 'publish'
 * (the repricer records its own with 'repricer'), so the history shows every price that went live, whoever sent
 * it. The price is also the live price the repricer starts from. Only price changes count; a failed write of the
 * history never undoes the publish that Amazon already accepted.
 */
export const recordPublishedPrice = async (
  lc: Pick<ListingsContext, 'services' | 'store'>,
  listing: Listing,
  change: PlannedChange,
): Promise<void> => {
  const price = change.sent.price;
  if (!price || !change.changedFields.includes('price')) return;
  const repository = new PricingRepository(lc.services.storage.kv);
  const now = lc.services.clock.now();
  const existing = await repository.listingState(lc.store.id, listing.sellerSku);
  await repository.saveListingState(lc.store.id, {
    sku: listing.sellerSku,
    asin: listing.asin ?? existing?.asin ?? null,
    productType: existing?.productType ?? listing.productType ?? 'PRODUCT',
    condition: existing?.condition ?? (listing.condition ? itemConditionFromListing(listing.condition) : 'new'),
    lastSent: price,
    lastSentAtMs: now,
    day: existing?.day ?? '',
    changes: existing?.changes ?? [],
    lastOutcome: existing?.lastOutcome ?? null,
    history: appendPriceHistory(existing?.history ?? [], { at: now, price, source: 'publish' }),
  });
};
