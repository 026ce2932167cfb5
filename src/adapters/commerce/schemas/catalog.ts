/** Catalog and store schemas (catalog-data-*, eav-data-*, store-data-*, directory-data-*). */
import { z } from 'zod';
import { boolLike, customAttribute, decimalString, intLike, searchResults } from './common';

export const stockItem = z.looseObject({
  item_id: intLike.optional(),
  product_id: intLike.optional(),
  stock_id: intLike.optional(),
  qty: z.number().nullish(),
  is_in_stock: boolLike,
  manage_stock: boolLike.optional(),
  min_qty: z.number().optional(),
  backorders: intLike.optional(),
});
export type StockItem = z.infer<typeof stockItem>;

export const product = z.looseObject({
  id: intLike.optional(),
  sku: z.string(),
  name: z.string().nullish(),
  attribute_set_id: intLike.optional(),
  price: decimalString.nullish(),
  status: intLike.optional(),
  visibility: intLike.optional(),
  type_id: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  weight: z.number().nullish(),
  extension_attributes: z
    .looseObject({
      website_ids: z.array(intLike).optional(),
      stock_item: stockItem.optional(),
      configurable_product_links: z.array(intLike).optional(),
      configurable_product_options: z
        .array(z.looseObject({ attribute_id: z.unknown(), label: z.string().optional() }))
        .optional(),
    })
    .optional(),
  custom_attributes: z.array(customAttribute).nullish(),
});
export type Product = z.infer<typeof product>;
export const productSearchResults = searchResults(product);

export const attributeOption = z.looseObject({
  label: z.string(),
  value: z.string(),
  sort_order: z.number().optional(),
  is_default: z.boolean().optional(),
});
export type AttributeOption = z.infer<typeof attributeOption>;

export const productAttribute = z.looseObject({
  attribute_id: intLike.optional(),
  attribute_code: z.string(),
  frontend_input: z.string().nullish(),
  default_frontend_label: z.string().nullish(),
  is_required: z.boolean().optional(),
  is_user_defined: z.boolean().optional(),
  scope: z.string().optional(),
  backend_type: z.string().optional(),
  is_used_for_promo_rules: z.string().optional(),
  options: z.array(attributeOption).optional(),
});
export type ProductAttribute = z.infer<typeof productAttribute>;
export const productAttributeSearchResults = searchResults(productAttribute);

export const website = z.looseObject({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  default_group_id: z.number().int(),
});
export type Website = z.infer<typeof website>;

export const storeGroup = z.looseObject({
  id: z.number().int(),
  website_id: z.number().int(),
  root_category_id: z.number().int(),
  default_store_id: z.number().int(),
  name: z.string(),
  code: z.string(),
});
export type StoreGroup = z.infer<typeof storeGroup>;

export const storeView = z.looseObject({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  website_id: z.number().int(),
  store_group_id: z.number().int(),
  is_active: intLike,
});
export type StoreView = z.infer<typeof storeView>;

export const storeConfig = z.looseObject({
  id: z.number().int(),
  code: z.string(),
  website_id: z.number().int(),
  locale: z.string(),
  base_currency_code: z.string(),
  default_display_currency_code: z.string(),
  timezone: z.string(),
  weight_unit: z.string(),
  base_url: z.string(),
  secure_base_url: z.string().optional(),
});
export type StoreConfig = z.infer<typeof storeConfig>;

export const currencyInformation = z.looseObject({
  base_currency_code: z.string(),
  base_currency_symbol: z.string().optional(),
  default_display_currency_code: z.string(),
  available_currency_codes: z.array(z.string()),
  exchange_rates: z.array(z.looseObject({ currency_to: z.string(), rate: decimalString })),
});
export type CurrencyInformation = z.infer<typeof currencyInformation>;

/** GET V1/directory/countries/{id}: the country's regions with Commerce's ids (the quote address needs region_id). */
export const countryInformation = z.looseObject({
  id: z.string(),
  full_name_english: z.string().optional(),
  available_regions: z
    .array(
      z.looseObject({ id: z.union([z.string(), z.number()]).transform(Number), code: z.string(), name: z.string() }),
    )
    .nullish(),
});
export type CountryInformation = z.infer<typeof countryInformation>;

export const sourceItem = z.looseObject({
  sku: z.string(),
  source_code: z.string(),
  quantity: z.number(),
  status: intLike,
});
export type SourceItem = z.infer<typeof sourceItem>;
export const sourceItemSearchResults = searchResults(sourceItem);

export const stock = z.looseObject({
  stock_id: z.number().int(),
  name: z.string().optional(),
});
export type Stock = z.infer<typeof stock>;
