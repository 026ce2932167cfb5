import { criteria } from '../../adapters/commerce';
import { type CompetitorSnapshot, PricingRepository } from '../../adapters/state/pricing';
import { addDecimals } from '../../core/money';
import { ITEM_CONDITION_LABELS } from '../../core/pricing';
import { type CompetitorFreshness, competitorFreshness } from '../../core/pricing/price-history';
import type { Services } from '../services';
import { websiteScope } from './commerce-facts';
import { requireStore } from './rules-service';

/** One row of the Competitive Price Analysis report (SPEC 7.3). Landed = price + shipping. */
export interface CompetitiveAnalysisRow {
  sku: string;
  asin: string | null;
  name: string | null;
  yourLandedPrice: string | null;
  lowestLandedPrice: string | null;
  lowestCondition: string | null;
  buyBoxLandedPrice: string | null;
  /** 'Yes' / 'No', or 'NA' when there is no Buy Box price. */
  isBuyBoxSeller: 'Yes' | 'No' | 'NA';
  buyBoxCondition: string | null;
  lastUpdated: string | null;
  /** Age of the competitor data and whether the repricing job considers it stale (it polls it again). */
  freshness: CompetitorFreshness;
}

const landed = (offer: { price: string; shipping?: string }) => addDecimals(offer.price, offer.shipping ?? '0');
const compare = (a: string, b: string) => Number(a) - Number(b);

export const analysisRow = (
  listing: { sku: string; asin: string | null; lastSent: string | null },
  snapshot: CompetitorSnapshot | undefined,
  ourSellerIds: ReadonlySet<string>,
  name: string | null,
  now: number = Date.now(),
): CompetitiveAnalysisRow => {
  const ours = snapshot?.competitors.find((c) => ourSellerIds.has(c.sellerId));
  const others = (snapshot?.competitors ?? []).filter((c) => !ourSellerIds.has(c.sellerId));
  const lowest = others.map((c) => ({ c, landed: landed(c) })).sort((a, b) => compare(a.landed, b.landed))[0];
  const box = snapshot?.buyBox ?? null;
  return {
    sku: listing.sku,
    asin: listing.asin,
    name,
    // Our price as last sent (the snapshot may predate our own patch), plus our shipping as Amazon reported it.
    yourLandedPrice:
      listing.lastSent !== null
        ? Number(landed({ price: listing.lastSent, shipping: ours?.shipping })).toFixed(2)
        : ours
          ? Number(landed(ours)).toFixed(2)
          : null,
    lowestLandedPrice: lowest ? Number(lowest.landed).toFixed(2) : null,
    lowestCondition: lowest ? ITEM_CONDITION_LABELS[lowest.c.condition] : null,
    buyBoxLandedPrice: box ? Number(landed(box)).toFixed(2) : null,
    isBuyBoxSeller: box ? (ourSellerIds.has(box.sellerId) ? 'Yes' : 'No') : 'NA',
    buyBoxCondition: box ? ITEM_CONDITION_LABELS[box.condition] : null,
    lastUpdated: snapshot ? new Date(snapshot.receivedAtMs).toISOString() : null,
    freshness: competitorFreshness(snapshot?.receivedAtMs, now),
  };
};

/** Competitive Price Analysis (SPEC 7.3) for a store, from the stored competitor snapshots. */
export const competitiveAnalysis = async (services: Services, storeId: string): Promise<CompetitiveAnalysisRow[]> => {
  const store = await requireStore(services, storeId);
  const repository = new PricingRepository(services.storage.kv);
  const listings = await repository.listListingStates(store.id);
  const ourSellerIds = new Set((await services.storage.stores.list()).map((s) => s.sellerId).filter(Boolean));
  const names = new Map<string, string>();
  if (listings.length > 0) {
    const scope = await websiteScope(services, store);
    for (let i = 0; i < listings.length; i += 100) {
      const skus = listings.slice(i, i + 100).map((l) => l.sku);
      const page = await scope.commerce.searchProducts(criteria().where('sku', 'in', skus).pageSize(100));
      for (const product of page.items) if (product.name) names.set(product.sku, product.name);
    }
  }
  const rows: CompetitiveAnalysisRow[] = [];
  for (const listing of listings) {
    const snapshot = listing.asin ? await repository.snapshot(store.id, listing.asin) : undefined;
    rows.push(analysisRow(listing, snapshot, ourSellerIds, names.get(listing.sku) ?? null, services.clock.now()));
  }
  // Listings with the freshest competitor data first.
  return rows.sort((a, b) => (b.lastUpdated ?? '').localeCompare(a.lastUpdated ?? '') || a.sku.localeCompare(b.sku));
};
