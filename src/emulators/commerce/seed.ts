/**
 * The shape of a Commerce emulator scenario. Money is a decimal string ("19.99"), never a float;
 * the emulator converts to JSON numbers only at the REST boundary, like Commerce does.
 */
export interface SeedWebsite {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
  defaultGroupId: number;
  baseCurrency: string;
}

export interface SeedStoreGroup {
  id: number;
  code: string;
  name: string;
  websiteId: number;
  rootCategoryId: number;
  defaultStoreId: number;
}

export interface SeedStoreView {
  id: number;
  code: string;
  name: string;
  websiteId: number;
  storeGroupId: number;
  sortOrder: number;
  isActive: boolean;
  locale: string;
  timezone: string;
  defaultDisplayCurrency: string;
  weightUnit: 'lbs' | 'kgs';
}

export interface SeedAttribute {
  code: string;
  label: string;
  frontendInput: 'text' | 'select' | 'multiselect' | 'price' | 'boolean' | 'textarea' | 'date';
  scope: 'global' | 'website' | 'store';
  options?: Array<{ value: string; label: string }>;
  isUsedForPromoRules?: boolean;
}

/** A price override for one website; websiteId 0 means the global (admin) value. */
export interface SeedWebsitePrice {
  websiteId: number;
  price: string;
}

export interface SeedSpecialPrice {
  websiteId: number;
  price: string;
  /** "YYYY-MM-DD HH:mm:ss" (Commerce's format, UTC); undefined = open-ended. */
  from?: string;
  to?: string;
}

export interface SeedProduct {
  sku: string;
  name: string;
  typeId: 'simple' | 'configurable';
  attributeSetId: number;
  /** 1 enabled, 2 disabled. */
  status: 1 | 2;
  /** 1 not visible individually, 4 catalog+search. */
  visibility: 1 | 2 | 3 | 4;
  weight?: string;
  websiteIds: number[];
  /** Global base price. */
  price: string;
  /** Per-website base prices (price scope = website). */
  websitePrices?: SeedWebsitePrice[];
  specialPrices?: SeedSpecialPrice[];
  cost?: string;
  msrp?: string;
  /** Minimum advertised price, kept in the custom attribute `map_price`. */
  map?: string;
  /** Other custom attributes, e.g. ean, upc, isbn, asin, amazon_condition, brand, color. */
  customAttributes?: Record<string, string>;
  images?: string[];
  /** For configurable products: the child SKUs and the attribute codes that vary. */
  children?: string[];
  configurableAttributes?: string[];
  createdAt?: string;
  updatedAt?: string;
}

export interface SeedSource {
  code: string;
  name: string;
  enabled: boolean;
  countryId: string;
  postcode: string;
}

export interface SeedStock {
  id: number;
  name: string;
  sourceCodes: string[];
  /** Website codes that sell from this stock. */
  websiteCodes: string[];
}

export interface SeedSourceItem {
  sku: string;
  sourceCode: string;
  quantity: number;
  /** 1 in stock, 0 out of stock. */
  status: 0 | 1;
}

export interface SeedCustomer {
  email: string;
  firstname: string;
  lastname: string;
  websiteId: number;
  groupId?: number;
}

export interface CommerceSeed {
  websites: SeedWebsite[];
  storeGroups: SeedStoreGroup[];
  storeViews: SeedStoreView[];
  /** Base currency (of the global scope) and rates base → other currency, as decimal strings. */
  currency: { base: string; rates: Record<string, string> };
  attributeSets: Array<{ id: number; name: string }>;
  attributes: SeedAttribute[];
  products: SeedProduct[];
  sources: SeedSource[];
  stocks: SeedStock[];
  sourceItems: SeedSourceItem[];
  customers?: SeedCustomer[];
}

/** The minimal store structure used when no seed is given: one website, one view, default source and stock. */
export const minimalCommerceSeed = (): CommerceSeed => ({
  websites: [{ id: 1, code: 'base', name: 'Main Website', sortOrder: 0, defaultGroupId: 1, baseCurrency: 'USD' }],
  storeGroups: [
    {
      id: 1,
      code: 'main_website_store',
      name: 'Main Website Store',
      websiteId: 1,
      rootCategoryId: 2,
      defaultStoreId: 1,
    },
  ],
  storeViews: [
    {
      id: 1,
      code: 'default',
      name: 'Default Store View',
      websiteId: 1,
      storeGroupId: 1,
      sortOrder: 0,
      isActive: true,
      locale: 'en_US',
      timezone: 'America/Los_Angeles',
      defaultDisplayCurrency: 'USD',
      weightUnit: 'lbs',
    },
  ],
  currency: { base: 'USD', rates: { USD: '1' } },
  attributeSets: [{ id: 4, name: 'Default' }],
  attributes: [],
  products: [],
  sources: [{ code: 'default', name: 'Default Source', enabled: true, countryId: 'US', postcode: '00000' }],
  stocks: [{ id: 1, name: 'Default Stock', sourceCodes: ['default'], websiteCodes: ['base'] }],
  sourceItems: [],
  customers: [],
});
