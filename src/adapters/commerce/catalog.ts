/** Catalog, store, currency and inventory reads (plus the two catalog writes the app needs). */
import type { CommerceHttp } from './http';
import { iteratePages } from './paging';
import {
  type AttributeOption,
  attributeOption,
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
import type { SearchPage } from './schemas/common';
import { SearchCriteria } from './search-criteria';
import { z } from 'zod';
import { CommerceApiError } from './errors';

/** Encodes one path segment (SKUs may contain `/`, spaces, `#`, `?`). */
export const segment = (value: string | number): string => {
  const text = String(value);
  if (text === '') throw new Error('Commerce path segment must not be empty');
  return encodeURIComponent(text);
};

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
