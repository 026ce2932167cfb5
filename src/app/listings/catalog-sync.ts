import {
  type CatalogItemSummary,
  type CatalogLookupResults,
  type CatalogProduct,
  type CatalogQuery,
  evaluateEligibility,
  type Listing,
  matchOutcomeEvent,
  matchProduct,
  newCatalogListing,
  transition,
} from '../../core/listings';
import type { Product } from '../../adapters/commerce';
import type { ProductFacts } from '../../core/conditions';
import { iterateWebsiteProducts } from './catalog';
import type { ListingsContext } from './context';
import { compileListingRules, loadAttributeCatalog, toProductFacts } from './rules';

/**
 * Catalogue listings (SPEC 3.7, 3.10, 4.2): every product of the store's website is checked against the listing
 * rules; new eligible ones are matched to an ASIN (searchCatalogItems, identifiers batched ≤ 20 per call) and
 * become listings; existing listings follow eligibility changes (Ineligible ↔ listed).
 */
const BATCH = 20;

interface Summary {
  asin: string;
  summaries?: Array<{ itemName?: string; itemClassification?: string }>;
  identifiers?: Array<{ identifiers?: Array<{ identifierType: string; identifier: string }> }>;
}

/**
 * Runs lookups for many queries at once: identifier queries of one type share a call (≤ 20 values). The Seller
 * SKU rule asks "does this seller already list this SKU?", which the imported listings answer without a call.
 */
export const runCatalogLookups = async (
  lc: ListingsContext,
  queries: CatalogQuery[],
  ownListings?: ReadonlyMap<string, string | undefined>,
): Promise<CatalogLookupResults> => {
  const amazon = await lc.services.amazonFor(lc.store);
  const results: Record<string, CatalogItemSummary[]> = {};
  const toSummary = (item: Summary): CatalogItemSummary => ({
    asin: item.asin,
    title: item.summaries?.[0]?.itemName,
    classification: item.summaries?.[0]?.itemClassification,
  });
  const byType = new Map<string, CatalogQuery[]>();
  for (const q of queries) {
    if (results[q.key]) continue;
    if (q.identifiersType === 'SKU' && ownListings) {
      const asin = ownListings.get(q.value);
      results[q.key] = asin ? [{ asin }] : [];
    } else if (!q.identifiersType) {
      const found = await amazon.call<{ items?: Summary[] }>('searchCatalogItems', {
        query: { marketplaceIds: [lc.store.marketplaceId], keywords: [q.value], includedData: ['summaries'] },
      });
      results[q.key] = (found.items ?? []).map(toSummary);
    } else byType.set(q.identifiersType, [...(byType.get(q.identifiersType) ?? []), q]);
  }
  for (const [type, list] of byType) {
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = list.slice(i, i + BATCH);
      const found = await amazon.call<{ items?: Summary[] }>('searchCatalogItems', {
        query: {
          marketplaceIds: [lc.store.marketplaceId],
          identifiersType: type,
          identifiers: batch.map((q) => q.value),
          includedData: ['summaries', 'identifiers'],
          pageSize: 20,
          ...(type === 'SKU' ? { sellerId: lc.store.sellerId } : {}),
        },
      });
      for (const q of batch) results[q.key] = [];
      for (const item of found.items ?? []) {
        const ids = (item.identifiers ?? []).flatMap((g) => g.identifiers ?? []).map((x) => x.identifier.toUpperCase());
        for (const q of batch) {
          const hit =
            type === 'ASIN' ? item.asin === q.value : type === 'SKU' ? batch.length === 1 : ids.includes(q.value);
          if (hit) results[q.key].push(toSummary(item));
        }
      }
    }
  }
  return results;
};

/** Matches products to ASINs, resuming matchProduct until every product has an outcome. */
export const matchProducts = async (
  lc: ListingsContext,
  products: CatalogProduct[],
  ownListings?: ReadonlyMap<string, string | undefined>,
) => {
  const lookups: Record<string, readonly CatalogItemSummary[] | undefined> = {};
  for (let round = 0; round < 8; round++) {
    const queries = new Map<string, CatalogQuery>();
    for (const p of products) {
      const outcome = matchProduct(p, lc.settings, lookups);
      if (outcome.kind === 'lookup') queries.set(outcome.query.key, outcome.query);
    }
    if (queries.size === 0) break;
    Object.assign(lookups, await runCatalogLookups(lc, [...queries.values()], ownListings));
  }
  return new Map(products.map((p) => [p.sku, matchProduct(p, lc.settings, lookups)]));
};

export interface CatalogSyncResult {
  products: number;
  created: number;
  eligibilityChanged: number;
}

/**
 * `products` defaults to the whole website catalogue; the reconciler passes only what changed since its last run
 * (a product not passed keeps its listing as it is).
 */
export const syncCatalogListings = async (
  lc: ListingsContext,
  products: AsyncIterable<{ raw: Product; product: CatalogProduct }> = iterateWebsiteProducts(lc),
): Promise<CatalogSyncResult> => {
  const predicate =
    lc.rules.conditions.length > 0
      ? compileListingRules(lc.rules, await loadAttributeCatalog(lc.services.commerce()))
      : undefined;
  const byProduct = new Map<string, Listing>();
  const ownListings = new Map<string, string | undefined>();
  for await (const l of lc.repo.scan()) {
    if (l.productSku) byProduct.set(l.productSku, l);
    ownListings.set(l.sellerSku, l.lastAccepted?.asin ?? l.asin);
  }
  const tctx = { automaticListAction: lc.settings.productListingActions.automaticListAction, at: lc.at() };
  const result: CatalogSyncResult = { products: 0, created: 0, eligibilityChanged: 0 };
  const fresh: Array<{ product: CatalogProduct; facts: ProductFacts }> = [];
  const changed: Listing[] = [];
  for await (const { raw, product } of products) {
    result.products++;
    const facts = toProductFacts(raw);
    const eligibility = evaluateEligibility(product, lc.settings, predicate, facts);
    const existing = byProduct.get(product.sku);
    if (!existing) {
      // Ineligible products that were never listed stay out of the grid; they appear once the rules let them in.
      if (eligibility.eligible) fresh.push({ product, facts });
      continue;
    }
    if (existing.eligible !== eligibility.eligible) {
      const moved = transition(
        existing,
        { type: 'eligibility_changed', eligible: eligibility.eligible, reason: eligibility.reason },
        tctx,
      );
      if (moved.ok) {
        changed.push(moved.listing);
        result.eligibilityChanged++;
      }
    }
  }
  const outcomes = await matchProducts(
    lc,
    fresh.map((f) => f.product),
    ownListings,
  );
  for (const { product } of fresh) {
    const match = outcomes.get(product.sku);
    if (!match || match.kind === 'lookup') continue;
    changed.push(
      newCatalogListing({
        product,
        store: lc.ctx,
        settings: lc.settings,
        match,
        eligibility: { eligible: true },
        at: lc.at(),
      }),
    );
    result.created++;
  }
  await lc.repo.save(changed);
  return result;
};

/** Re-attempt auto match (Incomplete mass action): re-runs matching for the given listings. */
export const rematchListings = async (
  lc: ListingsContext,
  listings: Listing[],
  products: Map<string, CatalogProduct>,
) => {
  const tctx = { automaticListAction: lc.settings.productListingActions.automaticListAction, at: lc.at() };
  const outcomes = await matchProducts(lc, [...products.values()]);
  const saved: Listing[] = [];
  for (const l of listings) {
    const outcome = l.productSku ? outcomes.get(l.productSku) : undefined;
    const event = outcome ? matchOutcomeEvent(outcome) : undefined;
    if (!event) continue;
    const moved = transition(l, event, tctx);
    if (moved.ok) saved.push(moved.listing);
  }
  await lc.repo.save(saved);
  return saved;
};
