import Big from 'big.js';
import type { Product } from '../../adapters/commerce';
import { type ListingsRepository, listingsRepository } from '../../adapters/state/listings/repository';
import { type ConditionGroup, emptyConditionTree } from '../../core/conditions';
import type { CatalogProduct, Listing, PriceInput, StoreContext } from '../../core/listings';
import type { ListingSettings } from '../../core/settings/listing-settings';
import type { StoreRecord } from '../../core/store';
import { NotFoundError } from '../../platform/errors';
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

/**
 * The price sent for a listing. PRICING replaces the body with the pricing engine (`priceForListing` in
 * src/app/pricing/, which is async and needs the services, the store and the listing — all passed here);
 * until then it is the store's price source attribute (default: Commerce `price`).
 */
export const listingPrice = async (
  lc: Pick<ListingsContext, 'services' | 'store' | 'settings' | 'ctx'>,
  listing: Listing,
  product: CatalogProduct,
): Promise<PriceInput> => {
  void listing;
  const raw = product.attributes[lc.settings.listingPrice.priceSource] ?? product.attributes.price;
  if (raw === undefined || raw === null || raw === '') return {};
  try {
    const amount = new Big(String(raw));
    return amount.gt(0) ? { price: amount.toFixed(2) } : {};
  } catch {
    return {};
  }
};
