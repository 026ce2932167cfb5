import type { CommerceGateway, Product, ProductAttribute } from '../../adapters/commerce';
import { createCommerceGateway, criteria } from '../../adapters/commerce';
import type {
  AttributeCatalog,
  AttributeMeta,
  AttributeValue,
  FrontendInput,
  ProductFacts,
} from '../../core/conditions';
import type { ListingPriceSettingsInput, PriceValue } from '../../core/pricing';
import type { StoreRecord } from '../../core/store';
import type { StoreSettings } from '../store-settings';
import type { Services } from '../services';

/**
 * Reads what the pricing engine needs from Commerce: the attribute catalogue (for rule conditions), products in
 * the store's website scope (price scope = website, decision #16), currency rates and the websites' sort order.
 */

const FRONTEND_INPUTS: readonly FrontendInput[] = [
  'text',
  'textarea',
  'texteditor',
  'price',
  'weight',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiselect',
  'swatch_visual',
  'swatch_text',
];

const toMeta = (a: ProductAttribute): AttributeMeta | undefined => {
  const input = (a.frontend_input ?? 'text') as FrontendInput;
  if (!FRONTEND_INPUTS.includes(input)) return undefined;
  return {
    code: a.attribute_code,
    label: a.default_frontend_label ?? a.attribute_code,
    frontendInput: input,
    usedForPromoRules: a.is_used_for_promo_rules === '1' || a.is_used_for_promo_rules === 'true',
    options: (a.options ?? [])
      .filter((o) => o.value !== undefined && o.value !== null && String(o.value) !== '')
      .map((o) => ({ value: String(o.value), label: String(o.label ?? o.value) })),
  };
};

export const loadAttributeCatalog = async (commerce: CommerceGateway): Promise<AttributeCatalog> => {
  const page = await commerce.searchProductAttributes(criteria().pageSize(1000));
  const catalog: Record<string, AttributeMeta> = {};
  for (const attribute of page.items) {
    const meta = toMeta(attribute);
    if (meta) catalog[meta.code] = meta;
  }
  return catalog;
};

/** Price-type attributes and what the engine reads: the source, MAP, MSRP, rule floors/ceilings. */
const PRICE_CODES_ALWAYS = ['price', 'special_price', 'cost', 'msrp'];

const attributeValue = (value: unknown): AttributeValue | undefined => {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(String);
  return String(value);
};

/** A decimal string from Commerce's numbers or strings ("12.5000", 12.5); null when empty or not a number. */
const decimal = (value: unknown): string | null => {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'number' ? value.toFixed(6) : String(value).trim();
  return /^\d{1,12}(\.\d{1,6})?$/.test(text) ? text : /^\d{1,12}\.\d+$/.test(text) ? Number(text).toFixed(6) : null;
};

export const productFacts = (product: Product): ProductFacts => {
  const attributes: Record<string, AttributeValue | undefined> = {
    name: product.name ?? null,
    status: product.status ?? null,
    visibility: product.visibility ?? null,
    weight: product.weight ?? null,
  };
  for (const custom of product.custom_attributes ?? []) {
    const value = custom.value;
    attributes[custom.attribute_code] =
      typeof value === 'string' && custom.attribute_code !== 'category_ids' && value.includes(',')
        ? value
        : attributeValue(value);
  }
  const categoryLinks = (
    product.extension_attributes as { category_links?: Array<{ category_id: unknown }> } | undefined
  )?.category_links;
  const categoryIds = categoryLinks
    ? categoryLinks.map((l) => Number(l.category_id))
    : [attributes.category_ids]
        .flat()
        .filter((v) => v !== undefined && v !== null)
        .map(Number);
  return {
    sku: product.sku,
    typeId: product.type_id ?? 'simple',
    attributeSetId: Number(product.attribute_set_id ?? 4),
    categoryIds: categoryIds.filter((n) => Number.isInteger(n)),
    price: decimal(product.price),
    attributes,
  };
};

/** Price attributes of a product read in one website's scope, keyed for the engine's website walk. */
export const productPrices = (
  product: Product,
  websiteCode: string,
  extraCodes: readonly string[],
): Record<string, PriceValue> => {
  const prices: Record<string, PriceValue> = {};
  const facts = productFacts(product);
  for (const code of new Set([...PRICE_CODES_ALWAYS, ...extraCodes])) {
    const value = decimal(code === 'price' ? product.price : facts.attributes[code]);
    if (value !== null) prices[code] = { default: value, websites: { [websiteCode]: value } };
  }
  return prices;
};

export interface WebsiteScope {
  websiteCode: string;
  /** Every website with its sort order, for the engine's walk. */
  websites: Array<{ code: string; sortOrder: number }>;
  /** A gateway whose calls answer in the website's default store view. */
  commerce: CommerceGateway;
}

/** A gateway reading in the store's website scope: the REST root's store code replaced by the website's view. */
export const websiteScope = async (services: Services, store: StoreRecord): Promise<WebsiteScope> => {
  const base = services.commerce();
  const [websites, groups, views] = await Promise.all([
    base.listWebsites(),
    base.listStoreGroups(),
    base.listStoreViews(),
  ]);
  const website = websites.find((w) => w.code === store.websiteCode);
  const group = website ? groups.find((g) => g.id === website.default_group_id) : undefined;
  const view = group ? views.find((v) => v.id === group.default_store_id) : undefined;
  const root = String(services.inputs.COMMERCE_BASE_URL ?? '');
  const scoped =
    view && /\/rest\/[^/]+\/?$/.test(root) ? root.replace(/\/rest\/[^/]+\/?$/, `/rest/${view.code}/`) : null;
  const commerce =
    scoped && scoped !== root
      ? createCommerceGateway({ baseUrl: scoped, params: services.inputs, clock: services.clock })
      : base;
  return {
    websiteCode: store.websiteCode,
    websites: websites
      .filter((w) => w.code !== 'admin')
      .map((w) => ({ code: w.code, sortOrder: Number((w as { sort_order?: unknown }).sort_order ?? 0) })),
    commerce,
  };
};

/** The engine's listing-price settings from the store's Listing Price and Business Price settings (SPEC 3.3, 3.4). */
export const engineSettings = async (
  store: StoreRecord,
  settings: StoreSettings,
  scope: WebsiteScope,
): Promise<ListingPriceSettingsInput> => {
  const price = settings.listing.listingPrice;
  const business = settings.listing.businessPrice;
  let currencyRate: string | null = null;
  let sourceCurrency = store.currency;
  if (price.currencyConversion) {
    sourceCurrency = price.currencyConversion.from;
    if (price.currencyConversion.from !== store.currency) {
      const info = await scope.commerce.getCurrencyInformation();
      const rate = info.exchange_rates.find((r) => r.currency_to === store.currency)?.rate;
      currencyRate = rate ? String(rate) : null;
      if (!currencyRate) sourceCurrency = store.currency;
    }
  }
  return {
    priceSource: price.priceSource,
    mapAttribute: price.mapAttribute,
    msrpAttribute: price.msrpAttribute,
    vatEnabled: price.applyVat,
    vatPercent: price.vatPercentage,
    currencyRate,
    sourceCurrency,
    marketplaceCurrency: store.currency,
    websiteCode: scope.websiteCode,
    websites: scope.websites,
    business: {
      enabled: business.enabled,
      tieredEnabled: business.tieredPricing,
      tiers: business.tiers.map((t) => ({ minQty: t.minQuantity, percentOff: t.discountPercent })),
    },
  };
};
