import type { Product } from '../../adapters/commerce';
import { PricingRepository, type CompetitorSnapshot } from '../../adapters/state/pricing';
import type { AttributeCatalog } from '../../core/conditions';
import {
  compilePricing,
  type ItemCondition,
  localDay,
  marketplaceTimeZone,
  type PriceResult,
  type PricingEngine,
  type PricingOffer,
  type PricingRule,
  type PricingRunInput,
} from '../../core/pricing';
import type { StoreRecord } from '../../core/store';
import type { Services } from '../services';
import { loadStoreSettings } from '../store-settings';
import {
  engineSettings,
  loadAttributeCatalog,
  productFacts,
  productPrices,
  websiteScope,
  type WebsiteScope,
} from './commerce-facts';

/** What the caller knows about one Amazon listing of the store. */
export interface ListingForPricing {
  /** Amazon seller SKU (= the Commerce SKU, SPEC 3.2's default seller SKU attribute). */
  sku: string;
  asin?: string | null;
  /** Our listing's condition; New when unknown. */
  condition?: ItemCondition;
  /** The price live on Amazon now (marketplace currency). */
  currentPrice?: string | null;
  /** SPEC 3.11 price override. */
  overridePrice?: string | null;
}

/**
 * Everything needed to price many listings of one store with one compiled engine: the run input (settings,
 * rules, catalogue, our seller ids, today in the marketplace's zone) and the website-scoped Commerce reader.
 */
export interface StorePricingContext {
  store: StoreRecord;
  input: PricingRunInput;
  engine: PricingEngine;
  scope: WebsiteScope;
  catalog: AttributeCatalog;
  repository: PricingRepository;
}

/** Price attributes any rule or setting reads: floors, ceilings, MAP, MSRP and the price source. */
const referencedPriceCodes = (input: PricingRunInput): string[] => {
  const codes = new Set<string>();
  const settings = input.settings;
  for (const code of [settings.priceSource, settings.mapAttribute, settings.msrpAttribute]) if (code) codes.add(code);
  for (const rule of input.rules) {
    if (rule.action.type !== 'intelligent') continue;
    codes.add(rule.action.floor.attribute);
    if (rule.action.ceiling) codes.add(rule.action.ceiling.attribute);
  }
  return [...codes];
};

export const loadStorePricingContext = async (
  services: Services,
  store: StoreRecord,
  options: { rules?: readonly PricingRule[] } = {},
): Promise<StorePricingContext> => {
  const repository = new PricingRepository(services.storage.kv);
  const [settings, scope, stores, storedRules] = await Promise.all([
    loadStoreSettings(services.storage, store.id),
    websiteScope(services, store),
    services.storage.stores.list(),
    options.rules ? Promise.resolve(options.rules) : repository.listRules(store.id),
  ]);
  const catalog = await loadAttributeCatalog(scope.commerce);
  const input: PricingRunInput = {
    settings: await engineSettings(store, settings, scope),
    rules: storedRules,
    catalog,
    // Every store's seller id: our other stores are never competitors (fixes magento2#32776).
    ourSellerIds: [...new Set(stores.map((s) => s.sellerId).filter((id): id is string => !!id))],
    today: localDay(services.clock.now(), marketplaceTimeZone(store.marketplaceId)),
  };
  return { store, input, engine: compilePricing(input), scope, catalog, repository };
};

/** Builds the engine's offer from a Commerce product (website scope), the listing and the competitor snapshot. */
export const buildPricingOffer = (
  context: StorePricingContext,
  listing: ListingForPricing,
  product: Product,
  snapshot: CompetitorSnapshot | undefined,
): PricingOffer => ({
  sku: listing.sku,
  product: productFacts(product),
  condition: listing.condition ?? 'new',
  prices: productPrices(product, context.scope.websiteCode, referencedPriceCodes(context.input)),
  overridePrice: listing.overridePrice ?? null,
  currentPrice: listing.currentPrice ?? null,
  buyBox: snapshot?.buyBox ?? null,
  competitors: snapshot?.competitors ?? [],
});

export class ProductNotFoundError extends Error {
  constructor(readonly sku: string) {
    super(`Commerce has no product with SKU ${sku}`);
  }
}

/** Prices one listing with an already loaded store context (use it for batches). */
export const priceWithContext = async (
  context: StorePricingContext,
  listing: ListingForPricing,
): Promise<{ result: PriceResult; offer: PricingOffer; snapshot?: CompetitorSnapshot }> => {
  const product = await context.scope.commerce.findProduct(listing.sku);
  if (!product) throw new ProductNotFoundError(listing.sku);
  const snapshot = listing.asin ? await context.repository.snapshot(context.store.id, listing.asin) : undefined;
  const offer = buildPricingOffer(context, listing, product, snapshot);
  return { result: context.engine.priceOffer(offer), offer, snapshot };
};

/**
 * The price of one listing as the engine computes it (SPEC 5.7), with its trace. LISTINGS calls this when it
 * publishes an offer; the repricer calls it on new competitor data. Competitor data is the stored snapshot of
 * the listing's ASIN; `currentPrice` defaults to the last price the repricer sent.
 */
export const priceForListing = async (
  services: Services,
  store: StoreRecord,
  listing: ListingForPricing,
): Promise<PriceResult> => {
  const context = await loadStorePricingContext(services, store);
  const state = await context.repository.listingState(store.id, listing.sku);
  const { result } = await priceWithContext(context, {
    ...listing,
    asin: listing.asin ?? state?.asin ?? null,
    condition: listing.condition ?? state?.condition,
    currentPrice: listing.currentPrice ?? state?.lastSent ?? null,
  });
  return result;
};
