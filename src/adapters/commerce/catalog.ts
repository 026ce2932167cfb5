/** Catalog, store, currency and inventory reads (plus the two catalog writes the app needs). */
import type { CommerceHttp } from './http';
import { iteratePages } from './paging';
import {
  type AttributeOption,
  attributeOption,
  type CountryInformation,
  countryInformation,
  type CurrencyInformation,
  currencyInformation,
  type Product,
  type ProductAttribute,
  product,
  productAttribute,
  productAttributeSearchResults,
  productSearchResults,
  type SourceItem,
  type Stock,
  type StockItem,
  type StoreConfig,
  type StoreGroup,
  type StoreView,
  sourceItemSearchResults,
  stock,
  stockItem,
  storeConfig,
  storeGroup,
  storeView,
  type Website,
  website,
} from './schemas/catalog';
import { type SearchPage, searchResults } from './schemas/common';
import { SearchCriteria } from './search-criteria';
import { z } from 'zod';
import { CommerceApiError } from './errors';

/** Encodes one path segment (SKUs may contain `/`, spaces, `#`, `?`). */
export const segment = (value: string | number): string => {
  const text = String(value);
  if (text === '') throw new Error('Commerce path segment must not be empty');
  return encodeURIComponent(text);
};

export interface NewProductInput {
  sku: string;
  name: string;
  /** Decimal number in the website's base currency. */
  price: number;
  attributeSetId: number;
  /** 1 = enabled, 2 = disabled. */
  status: 1 | 2;
  /** 1 Not Visible Individually, 2 Catalog, 3 Search, 4 Catalog and Search. */
  visibility: 1 | 2 | 3 | 4;
  websiteIds: number[];
  customAttributes?: Record<string, string>;
}

export interface NewProductAttributeInput {
  code: string;
  label: string;
  frontendInput: 'text' | 'textarea' | 'select' | 'boolean' | 'date' | 'price';
  scope: 'global' | 'website' | 'store';
  usedForPromoRules?: boolean;
  searchable?: boolean;
  comparable?: boolean;
  /** Option labels of a select attribute. */
  options?: string[];
}

export interface SourceItemInput {
  sku: string;
  source_code: string;
  quantity: number;
  /** 1 = in stock, 0 = out of stock. */
  status: 0 | 1;
}

export function catalogCalls(http: CommerceHttp) {
  const searchProducts = (criteria: SearchCriteria = SearchCriteria.create()): Promise<SearchPage<Product>> =>
    http.request({
      name: 'searchProducts',
      method: 'GET',
      path: 'V1/products',
      query: criteria.toQuery(),
      schema: productSearchResults,
    });

  const searchSourceItems = (criteria: SearchCriteria = SearchCriteria.create()): Promise<SearchPage<SourceItem>> =>
    http.request({
      name: 'searchSourceItems',
      method: 'GET',
      path: 'V1/inventory/source-items',
      query: criteria.toQuery(),
      schema: sourceItemSearchResults,
    });

  return {
    searchProducts,
    /** Every product matching the criteria, page by page. Sort by a stable field (entity_id) for consistent walks. */
    iterateProducts: (criteria?: SearchCriteria, pageSize?: number): AsyncGenerator<Product, void, undefined> =>
      iteratePages(searchProducts, criteria, pageSize),

    getProduct: (sku: string, options: { storeId?: number } = {}): Promise<Product> =>
      http.request({
        name: 'getProduct',
        method: 'GET',
        path: `V1/products/${segment(sku)}`,
        query: options.storeId !== undefined ? [['storeId', String(options.storeId)]] : undefined,
        schema: product,
      }),

    /** Like getProduct, but a missing SKU is `undefined` instead of an error. */
    findProduct: async (sku: string): Promise<Product | undefined> => {
      try {
        return await http.request({
          name: 'findProduct',
          method: 'GET',
          path: `V1/products/${segment(sku)}`,
          schema: product,
        });
      } catch (error) {
        if (error instanceof CommerceApiError && error.status === 404) return undefined;
        throw error;
      }
    },

    /** Writes custom attributes (e.g. the ASIN back onto the product). Idempotent: PUT sets values. */
    updateProductCustomAttributes: (
      sku: string,
      attributes: Record<string, string | number | null>,
    ): Promise<Product> =>
      http.request({
        name: 'updateProductCustomAttributes',
        method: 'PUT',
        path: `V1/products/${segment(sku)}`,
        body: {
          product: {
            sku,
            custom_attributes: Object.entries(attributes).map(([attribute_code, value]) => ({ attribute_code, value })),
          },
        },
        schema: product,
      }),

    searchProductAttributes: (
      criteria: SearchCriteria = SearchCriteria.create(),
    ): Promise<SearchPage<ProductAttribute>> =>
      http.request({
        name: 'searchProductAttributes',
        method: 'GET',
        path: 'V1/products/attributes',
        query: criteria.toQuery(),
        schema: productAttributeSearchResults,
      }),

    getProductAttribute: (code: string): Promise<ProductAttribute> =>
      http.request({
        name: 'getProductAttribute',
        method: 'GET',
        path: `V1/products/attributes/${segment(code)}`,
        schema: productAttribute,
      }),

    getAttributeOptions: (code: string): Promise<AttributeOption[]> =>
      http.request({
        name: 'getAttributeOptions',
        method: 'GET',
        path: `V1/products/attributes/${segment(code)}/options`,
        schema: z.array(attributeOption),
      }),

    /**
     * Creates a product (POST /V1/products). POST is an upsert in Commerce, so callers check the SKU is free
     * first; it is not retried after an ambiguous failure (a second attempt would update, not duplicate).
     */
    createProduct: (input: NewProductInput): Promise<Product> =>
      http.request({
        name: 'createProduct',
        method: 'POST',
        path: 'V1/products',
        body: {
          product: {
            sku: input.sku,
            name: input.name,
            attribute_set_id: input.attributeSetId,
            price: input.price,
            status: input.status,
            visibility: input.visibility,
            type_id: 'simple',
            extension_attributes: { website_ids: input.websiteIds },
            custom_attributes: Object.entries(input.customAttributes ?? {}).map(([attribute_code, value]) => ({
              attribute_code,
              value,
            })),
          },
        },
        schema: product,
      }),

    /** Creates a product attribute (POST /V1/products/attributes); a taken code is a 400 from Commerce. */
    createProductAttribute: (input: NewProductAttributeInput): Promise<ProductAttribute> =>
      http.request({
        name: 'createProductAttribute',
        method: 'POST',
        path: 'V1/products/attributes',
        body: {
          attribute: {
            attribute_code: input.code,
            frontend_input: input.frontendInput,
            entity_type_id: '4',
            is_required: false,
            is_user_defined: true,
            default_frontend_label: input.label,
            frontend_labels: [{ store_id: 0, label: input.label }],
            scope: input.scope,
            is_used_for_promo_rules: input.usedForPromoRules ? '1' : '0',
            is_searchable: input.searchable ? '1' : '0',
            is_comparable: input.comparable ? '1' : '0',
            options: (input.options ?? []).map((label) => ({ label, value: '' })),
          },
        },
        schema: productAttribute,
      }),

    /** Adds an option to a select attribute; Commerce answers `id_<optionId>`. */
    addAttributeOption: (code: string, label: string): Promise<string> =>
      http.request({
        name: 'addAttributeOption',
        method: 'POST',
        path: `V1/products/attributes/${segment(code)}/options`,
        body: { option: { label, value: '' } },
        schema: z.string().transform((id) => id.replace(/^id_/, '')),
      }),

    /** The groups of one attribute set (an attribute joins a set through one of its groups). */
    listAttributeGroups: (attributeSetId: number): Promise<Array<{ attributeGroupId: number; name: string }>> =>
      http
        .request({
          name: 'listAttributeGroups',
          method: 'GET',
          path: 'V1/products/attribute-sets/groups/list',
          query: SearchCriteria.create().where('attribute_set_id', 'eq', String(attributeSetId)).toQuery(),
          schema: searchResults(
            z.looseObject({ attribute_group_id: z.union([z.string(), z.number()]), attribute_group_name: z.string() }),
          ),
        })
        .then((page) =>
          page.items.map((g) => ({ attributeGroupId: Number(g.attribute_group_id), name: g.attribute_group_name })),
        ),

    /** Assigns an attribute to an attribute set's group (idempotent: assigning twice keeps one assignment). */
    assignAttributeToSet: (input: {
      attributeSetId: number;
      attributeGroupId: number;
      code: string;
      sortOrder?: number;
    }): Promise<unknown> =>
      http.request({
        name: 'assignAttributeToSet',
        method: 'POST',
        path: 'V1/products/attribute-sets/attributes',
        body: {
          attributeSetId: input.attributeSetId,
          attributeGroupId: input.attributeGroupId,
          attributeCode: input.code,
          sortOrder: input.sortOrder ?? 100,
        },
        idempotent: true,
        schema: z.unknown(),
      }),

    /** The sources of a stock, by priority (MSI), e.g. where a new product's quantity goes. */
    listStockSources: (stockId: number): Promise<Array<{ sourceCode: string; priority: number }>> =>
      http
        .request({
          name: 'listStockSources',
          method: 'GET',
          path: 'V1/inventory/stock-source-links',
          query: SearchCriteria.create().where('stock_id', 'eq', String(stockId)).toQuery(),
          schema: searchResults(z.looseObject({ source_code: z.string(), priority: z.number().int().nullish() })),
        })
        .then((page) =>
          page.items
            .map((l) => ({ sourceCode: l.source_code, priority: l.priority ?? 0 }))
            .sort((a, b) => a.priority - b.priority),
        ),

    getConfigurableChildren: (parentSku: string): Promise<Product[]> =>
      http.request({
        name: 'getConfigurableChildren',
        method: 'GET',
        path: `V1/configurable-products/${segment(parentSku)}/children`,
        schema: z.array(product),
      }),

    listWebsites: (): Promise<Website[]> =>
      http.request({ name: 'listWebsites', method: 'GET', path: 'V1/store/websites', schema: z.array(website) }),
    listStoreGroups: (): Promise<StoreGroup[]> =>
      http.request({
        name: 'listStoreGroups',
        method: 'GET',
        path: 'V1/store/storeGroups',
        schema: z.array(storeGroup),
      }),
    listStoreViews: (): Promise<StoreView[]> =>
      http.request({ name: 'listStoreViews', method: 'GET', path: 'V1/store/storeViews', schema: z.array(storeView) }),
    listStoreConfigs: (storeCodes: string[] = []): Promise<StoreConfig[]> =>
      http.request({
        name: 'listStoreConfigs',
        method: 'GET',
        path: 'V1/store/storeConfigs',
        query: storeCodes.map((code, i): [string, string] => [`storeCodes[${i}]`, code]),
        schema: z.array(storeConfig),
      }),

    /** Base/display currency and exchange rates (PaaS only; SaaS has no REST equivalent). */
    getCurrencyInformation: (): Promise<CurrencyInformation> =>
      http.request({
        name: 'getCurrencyInformation',
        method: 'GET',
        path: 'V1/directory/currency',
        schema: currencyInformation,
      }),

    /** A country's regions (PaaS and SaaS). */
    getCountry: (countryId: string): Promise<CountryInformation> =>
      http.request({
        name: 'getCountry',
        method: 'GET',
        path: `V1/directory/countries/${segment(countryId)}`,
        schema: countryInformation,
      }),

    /** Legacy stock item: mirrors the default source only and ignores reservations. Prefer salable quantity. */
    getStockItem: (sku: string): Promise<StockItem> =>
      http.request({ name: 'getStockItem', method: 'GET', path: `V1/stockItems/${segment(sku)}`, schema: stockItem }),

    searchSourceItems,
    iterateSourceItems: (criteria?: SearchCriteria, pageSize?: number): AsyncGenerator<SourceItem, void, undefined> =>
      iteratePages(searchSourceItems, criteria, pageSize),

    /** Sets absolute per-source quantities; repeating it has the same effect, so it is retried like a PUT. */
    saveSourceItems: (items: SourceItemInput[]): Promise<unknown> =>
      http.request({
        name: 'saveSourceItems',
        method: 'POST',
        path: 'V1/inventory/source-items',
        body: { sourceItems: items },
        idempotent: true,
        schema: z.unknown(),
      }),

    /** The stock assigned to a sales channel, e.g. ('website', 'base') → stock_id. */
    resolveStock: (type: 'website', code: string): Promise<Stock> =>
      http.request({
        name: 'resolveStock',
        method: 'GET',
        path: `V1/inventory/stock-resolver/${segment(type)}/${segment(code)}`,
        schema: stock,
      }),

    /** Salable quantity = source quantities − out-of-stock threshold − reservations. Use this for Amazon qty. */
    getSalableQuantity: (sku: string, stockId: number): Promise<number> =>
      http.request({
        name: 'getSalableQuantity',
        method: 'GET',
        path: `V1/inventory/get-product-salable-quantity/${segment(sku)}/${segment(stockId)}`,
        schema: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number),
      }),
  };
}

export type CatalogCalls = ReturnType<typeof catalogCalls>;
