import { listingsRepository } from '../../adapters/state/listings/repository';
import { type CompetitorSnapshot, PricingRepository } from '../../adapters/state/pricing';
import type { Listing } from '../../core/listings';
import { Big } from '../../core/money';
import { ITEM_CONDITION_LABELS } from '../../core/pricing';
import { type CompetitorFreshness, competitorFreshness } from '../../core/pricing/price-history';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { pollItemOffers } from '../pricing/competitor-feed';
import type { Services } from '../services';

/**
 * The Buy Box and Lowest Competitor tabs of Product Listing Details (SPEC 4.5), read from the competitor snapshot
 * the repricing job keeps per ASIN (ANY_OFFER_CHANGED notifications and stale-data polls; src/app/pricing).
 * "Refresh" polls Amazon for this one ASIN (getItemOffersBatch, paced by the shared limiter) and stores the answer
 * where the repricer reads it, so both see the same offers.
 */

export interface BuyBoxRow {
  asin: string;
  /** Yes when the store's seller (or another store of ours) holds the Buy Box. */
  isSeller: 'Yes' | 'No';
  condition: string;
  listingPrice: string;
  shippingPrice: string;
  landedPrice: string;
}

export interface OfferRow {
  asin: string;
  isSeller: 'Yes' | 'No';
  condition: string;
  fulfillmentChannel: 'Amazon' | 'Merchant';
  listingPrice: string;
  shippingPrice: string;
  landedPrice: string;
  /** 0–100, null when Amazon did not say. */
  feedbackRating: number | null;
  feedbackCount: number | null;
}

export interface ListingCompetition {
  sku: string;
  asin: string | null;
  currency: string | null;
  buyBox: BuyBoxRow | null;
  /** 'Yes' / 'No', or 'NA' when Amazon reports no Buy Box (or we hold no data). */
  buyBoxWon: 'Yes' | 'No' | 'NA';
  /** Every offer Amazon reported, lowest landed price first, ours marked. */
  offers: OfferRow[];
  lastUpdated: string | null;
  source: 'notification' | 'poll' | null;
  freshness: CompetitorFreshness;
}

const money = (value: string | undefined) => new Big(value ?? '0').toFixed(2);
const landed = (price: string, shipping: string | undefined) => new Big(price).plus(shipping ?? '0').toFixed(2);

/** Seller ids of every store we manage: our own offers are marked, never counted as a competitor's. */
export const ourSellerIds = async (services: Services): Promise<Set<string>> =>
  new Set((await services.storage.stores.list()).map((s) => s.sellerId).filter(Boolean));

/** Pure: the two tabs from a snapshot. */
export const competitionFromSnapshot = (
  listing: Pick<Listing, 'sellerSku' | 'asin'>,
  snapshot: CompetitorSnapshot | undefined,
  ours: ReadonlySet<string>,
  now: number,
): ListingCompetition => {
  const asin = listing.asin ?? null;
  const box = snapshot?.buyBox ?? null;
  const offers: OfferRow[] = (snapshot?.competitors ?? [])
    .map((c) => ({
      asin: snapshot?.asin ?? asin ?? '',
      isSeller: ours.has(c.sellerId) ? ('Yes' as const) : ('No' as const),
      condition: ITEM_CONDITION_LABELS[c.condition],
      fulfillmentChannel: c.fulfilledByAmazon ? ('Amazon' as const) : ('Merchant' as const),
      listingPrice: money(c.price),
      shippingPrice: money(c.shipping),
      landedPrice: landed(c.price, c.shipping),
      feedbackRating: c.feedbackPercent ?? null,
      feedbackCount: c.feedbackCount ?? null,
    }))
    .sort((a, b) => new Big(a.landedPrice).cmp(b.landedPrice) || a.isSeller.localeCompare(b.isSeller));
  return {
    sku: listing.sellerSku,
    asin,
    currency: snapshot?.currency ?? null,
    buyBox:
      box && snapshot
        ? {
            asin: snapshot.asin,
            isSeller: ours.has(box.sellerId) ? 'Yes' : 'No',
            condition: ITEM_CONDITION_LABELS[box.condition],
            listingPrice: money(box.price),
            shippingPrice: money(box.shipping),
            landedPrice: landed(box.price, box.shipping),
          }
        : null,
    buyBoxWon: box ? (ours.has(box.sellerId) ? 'Yes' : 'No') : 'NA',
    offers,
    lastUpdated: snapshot ? new Date(snapshot.receivedAtMs).toISOString() : null,
    source: snapshot?.source ?? null,
    freshness: competitorFreshness(snapshot?.receivedAtMs, now),
  };
};

const requireListingOf = async (services: Services, storeId: string, sku: string) => {
  const store = await services.storage.stores.get(storeId);
  if (!store) throw new NotFoundError(`store ${storeId} does not exist`);
  const listing = await listingsRepository(services.storage, storeId, 'automatic').get(sku);
  if (!listing) throw new NotFoundError(`no listing with Seller SKU ${sku} in store ${storeId}`);
  return { store, listing };
};

export const listingCompetition = async (
  services: Services,
  storeId: string,
  sku: string,
): Promise<ListingCompetition> => {
  const { listing } = await requireListingOf(services, storeId, sku);
  const snapshot = listing.asin
    ? await new PricingRepository(services.storage.kv).snapshot(storeId, listing.asin)
    : undefined;
  return competitionFromSnapshot(listing, snapshot, await ourSellerIds(services), services.clock.now());
};

/** Polls Amazon for the listing's ASIN now, stores the snapshot for the repricer too, and answers the tabs. */
export const refreshListingCompetition = async (
  services: Services,
  storeId: string,
  sku: string,
): Promise<ListingCompetition> => {
  const { store, listing } = await requireListingOf(services, storeId, sku);
  if (!listing.asin) throw new ValidationError(`listing ${sku} has no ASIN yet`, { sku: 'no ASIN' });
  const now = services.clock.now();
  const gateway = await services.amazonFor(store);
  const [snapshot] = await pollItemOffers(gateway, store.marketplaceId, [listing.asin], now);
  const repository = new PricingRepository(services.storage.kv);
  if (snapshot) await repository.saveSnapshot(storeId, snapshot);
  const stored = snapshot ?? (await repository.snapshot(storeId, listing.asin));
  return competitionFromSnapshot(listing, stored, await ourSellerIds(services), now);
};

/** "Buy Box Won" per ASIN for a grid page: one snapshot read per distinct ASIN on the page. */
export const buyBoxWonByAsin = async (
  services: Services,
  storeId: string,
  asins: readonly string[],
): Promise<Map<string, 'Yes' | 'No' | 'NA'>> => {
  const repository = new PricingRepository(services.storage.kv);
  const ours = await ourSellerIds(services);
  const distinct = [...new Set(asins)];
  const snapshots = await Promise.all(distinct.map((asin) => repository.snapshot(storeId, asin)));
  return new Map(
    distinct.map((asin, i) => {
      const box = snapshots[i]?.buyBox;
      return [asin, box ? (ours.has(box.sellerId) ? 'Yes' : 'No') : 'NA'] as const;
    }),
  );
};
