import Big from 'big.js';
import { criteria, type Product } from '../../adapters/commerce';
import { type ListingsRepository, listingsRepository } from '../../adapters/state/listings/repository';
import { type ConditionGroup, emptyConditionTree } from '../../core/conditions';
import type { CatalogProduct, Listing, PriceInput, StoreContext } from '../../core/listings';
import type { ListingSettings } from '../../core/settings/listing-settings';
import type { StoreRecord } from '../../core/store';
import { NotFoundError } from '../../platform/errors';
import { itemConditionFromListing, type PriceResult } from '../../core/pricing';
import {
  buildPricingOffer,
  loadStorePricingContext,
  ProductNotFoundError,
  priceWithContext,
  type StorePricingContext,
} from '../pricing/price-for-listing';
import type { Services } from '../services';
import { loadStoreSettings } from '../store-settings';
import { loadListingRules } from './rules';

/** Everything a listings job or action needs about one store, loaded once. */
export interface ListingsContext {
  services: Services;
  store: StoreRecord;
  ctx: StoreContext;
  settings: ListingSettings;
  repo: ListingsRepository;
  rules: ConditionGroup;
  at(): string;
}

export const storeContextOf = (store: StoreRecord): StoreContext => ({
  storeId: store.id,
  sellerId: store.sellerId,
  marketplaceId: store.marketplaceId,
  currency: store.currency,
  region: store.region,
  country: store.country,
  createdAt: store.createdAt,
});

export const loadListingsContext = async (services: Services, storeId: string): Promise<ListingsContext> => {
  const store = await services.storage.stores.get(storeId);
  if (!store) throw new NotFoundError(`store ${storeId} does not exist`);
  const { listing: settings } = await loadStoreSettings(services.storage, storeId);
  const autoList = settings.productListingActions.automaticListAction;
  return {
    services,
    store,
    ctx: storeContextOf(store),
    settings,
    repo: listingsRepository(services.storage, storeId, autoList),
    rules: (await loadListingRules(services.storage, storeId)) ?? emptyConditionTree(),
    at: () => new Date(services.clock.now()).toISOString(),
  };
};

type Scalar = string | number | boolean | null | undefined;

/** A Commerce product as the listings core sees it: custom attributes flattened, legacy stock item read. */
export const toCatalogProduct = (product: Product): CatalogProduct => {
  const attributes: Record<string, Scalar> = {};
  for (const a of product.custom_attributes ?? [])
    attributes[a.attribute_code] = Array.isArray(a.value) ? a.value.join(',') : (a.value as Scalar);
  if (product.price !== undefined && product.price !== null) attributes.price = String(product.price);
  const stockItem = product.extension_attributes?.stock_item;
  const ext = product.extension_attributes as { configurable_product_links?: unknown[] } | undefined;
  return {
    sku: product.sku,
    name: product.name ?? product.sku,
    typeId: product.type_id ?? 'simple',
    enabled: Number(product.status ?? 1) === 1,
    attributes,
    stock: {
      manageStock: stockItem ? stockItem.manage_stock !== false : true,
      legacyQuantity: stockItem?.qty ?? undefined,
      isInStock: stockItem ? Boolean(stockItem.is_in_stock) : undefined,
    },
    childSkus: ext?.configurable_product_links ? [] : undefined,
  };
};

/** The store's price source attribute (default: Commerce `price`): the price when the engine cannot price. */
const sourcePrice = (lc: Pick<ListingsContext, 'settings'>, product: CatalogProduct): PriceInput => {
  const raw = product.attributes[lc.settings.listingPrice.priceSource] ?? product.attributes.price;
  if (raw === undefined || raw === null || raw === '') return {};
  try {
    const amount = new Big(String(raw));
    return amount.gt(0) ? { price: amount.toFixed(2) } : {};
  } catch {
    return {};
  }
};

/** One compiled pricing engine per listings run (rules, settings and catalogue are loaded once). */
const pricingContexts = new WeakMap<object, Promise<StorePricingContext>>();

const pricingContextFor = (lc: Pick<ListingsContext, 'services' | 'store'>): Promise<StorePricingContext> => {
  let context = pricingContexts.get(lc);
  if (!context) {
    context = loadStorePricingContext(lc.services, lc.store);
    pricingContexts.set(lc, context);
  }
  return context;
};

/**
 * The price sent for a listing: the pricing engine's (SPEC 5.7 — price source, currency, standard rules, MAP,
 * VAT, business price, rounding). A price an intelligent rule decided belongs to the repricer, which sends it
 * through the guardrails: here the repricer's last sent price stands, so publishing never undoes a guardrail.
 * A product the engine cannot price keeps its price source value.
 */
export const listingPrice = async (
  lc: Pick<ListingsContext, 'services' | 'store' | 'settings' | 'ctx'>,
  listing: Listing,
  product: CatalogProduct,
  /** The website-scope Commerce product, when already read (see loadPricingProducts). */
  raw?: Product,
): Promise<PriceInput> => {
  let context: StorePricingContext;
  let result: PriceResult;
  try {
    context = await pricingContextFor(lc);
    const forPricing = {
      sku: product.sku,
      asin: listing.asin ?? null,
      condition: listing.condition ? itemConditionFromListing(listing.condition) : undefined,
      currentPrice: listing.lastAccepted?.price ?? null,
      // Overrides are applied by computeOffer itself.
      overridePrice: null,
    };
    if (raw) {
      // What priceWithContext does, minus its read of the product.
      const snapshot = listing.asin ? await context.repository.snapshot(lc.store.id, listing.asin) : undefined;
      result = context.engine.priceOffer(buildPricingOffer(context, forPricing, raw, snapshot));
    } else ({ result } = await priceWithContext(context, forPricing));
  } catch (error) {
    if (error instanceof ProductNotFoundError) return sourcePrice(lc, product);
    throw error;
  }
  if (result.status !== 'priced' || result.price === null) return sourcePrice(lc, product);
  const repriced = result.trace.steps.some(
    (step) => step.kind === 'rule' && step.outcome === 'applied' && step.ruleType === 'intelligent',
  );
  const repricerState = repriced ? await context.repository.listingState(lc.store.id, listing.sellerSku) : undefined;
  return {
    price: repricerState?.lastSent ?? result.price,
    businessPrice: result.businessPrice ?? undefined,
    msrp: result.listPrice ?? undefined,
  };
};

/**
 * The website-scope Commerce products the pricing engine reads, for many listings at once: one catalogue walk
 * (pages of 200) instead of one GET per listing (10 000 changed offers were 10 000 sequential requests).
 * Few SKUs return nothing: listingPrice then reads each one by itself.
 */
export const loadPricingProducts = async (
  lc: Pick<ListingsContext, 'services' | 'store'>,
  skus: Iterable<string>,
  minimum = 20,
): Promise<Map<string, Product>> => {
  const wanted = new Set(skus);
  const found = new Map<string, Product>();
  if (wanted.size <= minimum) return found;
  const { scope } = await pricingContextFor(lc);
  for await (const raw of scope.commerce.iterateProducts(criteria().sortBy('entity_id'), 200))
    if (wanted.has(raw.sku)) found.set(raw.sku, raw);
  return found;
};
