import { z } from 'zod';
import { CONDITION_CODES, CONDITION_LABELS, type ConditionCode, SELLER_NOTES_MAX_LENGTH } from '../listings/condition';

/**
 * Listing Settings of one store (SPEC 3.1–3.8): eight sections saved together. Defaults are SPEC 2.7's.
 * `listingSettingsSchema` parses stored data (filling defaults) and checks the cross-field rules;
 * `validateSettingsUpdate` checks a merchant's patch and names every bad field.
 */

/** Amazon Business exists only in these marketplace countries (SPEC 3.4). */
export const BUSINESS_PRICING_COUNTRIES = ['US', 'FR', 'DE', 'GB'] as const;
/** Amazon Product Tax Code is a UK-only setting (SPEC 3.3). */
export const PRODUCT_TAX_CODE_COUNTRIES = ['GB'] as const;
/** Identifier types the store can match on (SPEC 3.7 and decision #3). GCID cannot be searched through SP-API. */
export const IDENTIFIER_TYPES = ['EAN', 'UPC', 'ISBN', 'GTIN', 'JAN', 'GCID'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];
export const MAX_BUSINESS_TIERS = 5;
/** Amazon's lead_time_to_ship_max_days accepts whole days 0..30. */
export const MAX_HANDLING_TIME_DAYS = 30;

const attributeCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'must be a Commerce attribute code (lowercase letters, digits, _)' });
const optionalAttribute = attributeCode.nullable().default(null);
const wholeNumber = (min: number, max?: number) => {
  let n = z.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' });
  n = n.min(min, { message: `must be at least ${min}` });
  return max === undefined ? n : n.max(max, { message: `must be at most ${max}` });
};
/** Percentages are decimal strings ("10.2"), never floats, like every amount in the app. */
const percentage = (exclusiveZero: boolean) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => /^\d{1,3}(\.\d{1,4})?$/.test(v), { message: 'must be a decimal number such as 10.2' })
    .refine((v) => Number(v) <= 100 && (!exclusiveZero || Number(v) > 0), {
      message: exclusiveZero ? 'must be more than 0 and at most 100' : 'must be between 0 and 100',
    });

export const productListingActionsSchema = z.object({
  automaticListAction: z.enum(['automatic', 'manual']).default('automatic'),
  defaultHandlingTimeDays: wholeNumber(0, MAX_HANDLING_TIME_DAYS).default(2),
});

export const thirdPartyListingsSchema = z.object({
  importListings: z.enum(['import', 'do_not_import']).default('import'),
  sellerSkuAttribute: optionalAttribute.default('sku'),
  asinAttribute: optionalAttribute.default('amazon_asin'),
});

export const currencyConversionSchema = z.object({
  from: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO currency code' }),
  to: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO currency code' }),
});

export const listingPriceSchema = z.object({
  priceSource: attributeCode.default('price'),
  mapAttribute: optionalAttribute,
  msrpAttribute: optionalAttribute,
  applyVat: z.boolean({ message: 'must be true or false' }).default(false),
  vatPercentage: percentage(false).default('0.00'),
  productTaxCode: z.enum(['do_not_manage', 'set_default']).default('do_not_manage'),
  defaultProductTaxCode: z.string().trim().max(40, { message: 'must be at most 40 characters' }).default(''),
  /** null = Disabled; otherwise a Commerce currency rate from the default currency to the marketplace's. */
  currencyConversion: currencyConversionSchema.nullable().default(null),
});

export const businessTierSchema = z.object({
  minQuantity: wholeNumber(2),
  discountPercent: percentage(true),
});

export const businessPriceSchema = z.object({
  enabled: z.boolean({ message: 'must be true or false' }).default(false),
  tieredPricing: z.boolean({ message: 'must be true or false' }).default(false),
  tiers: z.array(businessTierSchema).max(MAX_BUSINESS_TIERS, { message: 'at most 5 pricing levels' }).default([]),
});

export const stockQuantitySchema = z.object({
  outOfStockThreshold: wholeNumber(0).default(0),
  maximumListedQuantity: wholeNumber(1).default(10000),
  doNotManageStockQuantity: wholeNumber(0).default(100),
});

export const fulfilledBySchema = z.object({
  productFulfilledBy: z.enum(['merchant', 'amazon', 'attribute']).default('merchant'),
  fulfilledByAttribute: optionalAttribute,
  /** Option labels of that attribute meaning "Fulfilled By Amazon (FBA)"; any other value means merchant. */
  amazonAttributeValues: z.array(z.string().trim().min(1)).default(['Fulfilled By Amazon (FBA)']),
});

export const catalogSearchSchema = z.object({
  asinAttribute: optionalAttribute.default('amazon_asin'),
  eanAttribute: optionalAttribute,
  gcidAttribute: optionalAttribute,
  isbnAttribute: optionalAttribute,
  upcAttribute: optionalAttribute,
  gtinAttribute: optionalAttribute,
  janAttribute: optionalAttribute,
  /** Keyword ("General Search") attribute, typically the product name. */
  generalSearchAttribute: optionalAttribute,
  /** The store's "Product ID on the Amazon market" mapping from the connect dialog (SPEC 2.3); tried first. */
  productIdType: z.enum(IDENTIFIER_TYPES).nullable().default(null),
  productIdAttribute: optionalAttribute,
});

const conditionCodeSchema = z.enum(CONDITION_CODES);
export const productListingConditionSchema = z.object({
  listingCondition: z.enum([...CONDITION_CODES, 'attribute']).default('new_new'),
  conditionAttribute: optionalAttribute,
  /** Amazon condition → the Commerce option labels that mean it (several values may collapse into one). */
  attributeMapping: z.partialRecord(conditionCodeSchema, z.array(z.string().trim().min(1))).default({}),
  /** Per-condition default seller notes; none for New (Amazon never shows them). */
  sellerNotes: z
    .partialRecord(
      conditionCodeSchema,
      z.string().max(SELLER_NOTES_MAX_LENGTH, { message: `must be at most ${SELLER_NOTES_MAX_LENGTH} characters` }),
    )
    .default({}),
});

const sectionShapes = {
  productListingActions: productListingActionsSchema,
  thirdPartyListings: thirdPartyListingsSchema,
  listingPrice: listingPriceSchema,
  businessPrice: businessPriceSchema,
  stockQuantity: stockQuantitySchema,
  fulfilledBy: fulfilledBySchema,
  catalogSearch: catalogSearchSchema,
  productListingCondition: productListingConditionSchema,
};
export type ListingSettingsSection = keyof typeof sectionShapes;
export const LISTING_SETTINGS_SECTIONS = Object.keys(sectionShapes) as ListingSettingsSection[];

export interface SettingsFieldError {
  /** Dotted path, e.g. "listingPrice.vatPercentage". */
  field: string;
  code: 'invalid' | 'required' | 'requires' | 'not_available' | 'unknown_field';
  message: string;
}

/** Rules between fields of the whole document (they hold for stored data as well as for updates). */
export const crossFieldErrors = (s: ListingSettings): SettingsFieldError[] => {
  const errors: SettingsFieldError[] = [];
  const required = (field: string, label: string, because: string): void => {
    errors.push({ field, code: 'required', message: `${label} is required when ${because}` });
  };
  if (s.thirdPartyListings.importListings === 'import') {
    if (!s.thirdPartyListings.sellerSkuAttribute)
      required('thirdPartyListings.sellerSkuAttribute', 'Attribute That Contains Amazon Seller SKU', 'importing');
    if (!s.thirdPartyListings.asinAttribute)
      required('thirdPartyListings.asinAttribute', 'Attribute That Contains Amazon ASIN', 'importing');
  }
  const b = s.businessPrice;
  if (b.tieredPricing && !b.enabled)
    errors.push({
      field: 'businessPrice.tieredPricing',
      code: 'requires',
      message: 'Enable Tiered Pricing requires Enable Business Pricing',
    });
  if (b.enabled && b.tieredPricing && b.tiers.length === 0)
    required('businessPrice.tiers', 'Pricing Level One', 'tiered pricing is enabled');
  b.tiers.forEach((tier, i) => {
    const previous = b.tiers[i - 1];
    if (!previous) return;
    if (tier.minQuantity <= previous.minQuantity)
      errors.push({
        field: `businessPrice.tiers.${i}.minQuantity`,
        code: 'invalid',
        message: `Pricing level ${i + 1} quantity must be greater than level ${i}'s (${previous.minQuantity})`,
      });
    if (Number(tier.discountPercent) < Number(previous.discountPercent))
      errors.push({
        field: `businessPrice.tiers.${i}.discountPercent`,
        code: 'invalid',
        message: `Pricing level ${i + 1} discount must not be smaller than level ${i}'s (${previous.discountPercent}%)`,
      });
  });
  if (s.fulfilledBy.productFulfilledBy === 'attribute' && !s.fulfilledBy.fulfilledByAttribute)
    required('fulfilledBy.fulfilledByAttribute', 'Fulfilled By Attribute', 'fulfilment is assigned by attribute');
  const c = s.productListingCondition;
  if (c.listingCondition === 'attribute') {
    if (!c.conditionAttribute)
      required(
        'productListingCondition.conditionAttribute',
        'Condition Attribute',
        'condition comes from an attribute',
      );
    if (Object.values(c.attributeMapping).every((labels) => !labels || labels.length === 0))
      required(
        'productListingCondition.attributeMapping',
        'At least one condition mapping',
        'condition comes from an attribute',
      );
  }
  if (c.sellerNotes.new_new !== undefined && c.sellerNotes.new_new !== '')
    errors.push({
      field: 'productListingCondition.sellerNotes.new_new',
      code: 'not_available',
      message: 'Seller notes cannot be set for New: Amazon never displays them',
    });
  const cs = s.catalogSearch;
  if (cs.productIdType && !cs.productIdAttribute)
    required('catalogSearch.productIdAttribute', 'The attribute holding the Product ID', 'a Product ID type is chosen');
  return errors;
};

/** The eight sections with their defaults, without the cross-field rules. */
export const listingSettingsObjectSchema = z.object({
  productListingActions: productListingActionsSchema.default(productListingActionsSchema.parse({})),
  thirdPartyListings: thirdPartyListingsSchema.default(thirdPartyListingsSchema.parse({})),
  listingPrice: listingPriceSchema.default(listingPriceSchema.parse({})),
  businessPrice: businessPriceSchema.default(businessPriceSchema.parse({})),
  stockQuantity: stockQuantitySchema.default(stockQuantitySchema.parse({})),
  fulfilledBy: fulfilledBySchema.default(fulfilledBySchema.parse({})),
  catalogSearch: catalogSearchSchema.default(catalogSearchSchema.parse({})),
  productListingCondition: productListingConditionSchema.default(productListingConditionSchema.parse({})),
});

/** Stored listing settings: defaults filled, cross-field rules checked. */
export const listingSettingsSchema = listingSettingsObjectSchema.superRefine((settings, ctx) => {
  for (const e of crossFieldErrors(settings as ListingSettings))
    ctx.addIssue({ code: 'custom', path: e.field.split('.'), message: e.message });
});

export type ListingSettings = z.output<typeof listingSettingsObjectSchema>;
export type BusinessTier = z.output<typeof businessTierSchema>;
export type ListingSettingsPatch = { [K in ListingSettingsSection]?: Partial<ListingSettings[K]> };

export const DEFAULT_LISTING_SETTINGS: ListingSettings = listingSettingsSchema.parse({});

/** Where the store sells: some fields exist only in some marketplaces. */
export interface SettingsContext {
  /** ISO country of the store's marketplace (GB, not UK). */
  country?: string;
}

export type SettingsUpdateResult<T> = { ok: true; settings: T } | { ok: false; errors: SettingsFieldError[] };

const zodErrors = (error: z.ZodError, prefix: string[] = []): SettingsFieldError[] =>
  error.issues.flatMap((issue): SettingsFieldError[] => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        field: [...path, key].join('.'),
        code: 'unknown_field' as const,
        message: `${[...path, key].join('.')} is not a listing setting`,
      }));
    return [{ field: path.join('.'), code: 'invalid', message: `${path.join('.')} ${issue.message}` }];
  });

/** Fields that may be set only while another field has a given value: "VAT Percentage only with VAT on". */
const dependentFields: Array<{
  field: string;
  label: string;
  enabled: (s: ListingSettings) => boolean;
  because: string;
}> = [
  {
    field: 'listingPrice.vatPercentage',
    label: 'VAT Percentage',
    enabled: (s) => s.listingPrice.applyVat,
    because: 'Apply Value Added Tax (VAT) is Enabled',
  },
  {
    field: 'listingPrice.defaultProductTaxCode',
    label: 'Default PTC',
    enabled: (s) => s.listingPrice.productTaxCode === 'set_default',
    because: 'Amazon PTC is Set Default PTC',
  },
  {
    field: 'businessPrice.tieredPricing',
    label: 'Enable Tiered Pricing',
    enabled: (s) => s.businessPrice.enabled,
    because: 'Enable Business Pricing is Enabled',
  },
  {
    field: 'businessPrice.tiers',
    label: 'Pricing levels',
    enabled: (s) => s.businessPrice.enabled && s.businessPrice.tieredPricing,
    because: 'Enable Tiered Pricing is Enabled',
  },
  {
    field: 'thirdPartyListings.sellerSkuAttribute',
    label: 'Attribute That Contains Amazon Seller SKU',
    enabled: (s) => s.thirdPartyListings.importListings === 'import',
    because: 'Import Third Party Listings is Import Listing',
  },
  {
    field: 'thirdPartyListings.asinAttribute',
    label: 'Attribute That Contains Amazon ASIN',
    enabled: (s) => s.thirdPartyListings.importListings === 'import',
    because: 'Import Third Party Listings is Import Listing',
  },
  {
    field: 'fulfilledBy.fulfilledByAttribute',
    label: 'Fulfilled By Attribute',
    enabled: (s) => s.fulfilledBy.productFulfilledBy === 'attribute',
    because: 'Product Fulfilled By is Assign Fulfilled By Using Magento Product Attribute',
  },
  {
    field: 'fulfilledBy.amazonAttributeValues',
    label: 'FBA attribute values',
    enabled: (s) => s.fulfilledBy.productFulfilledBy === 'attribute',
    because: 'Product Fulfilled By is Assign Fulfilled By Using Magento Product Attribute',
  },
  {
    field: 'productListingCondition.conditionAttribute',
    label: 'Condition Attribute',
    enabled: (s) => s.productListingCondition.listingCondition === 'attribute',
    because: 'Listing Product Condition is Assign Condition Using Product Attribute',
  },
  {
    field: 'productListingCondition.attributeMapping',
    label: 'Condition mapping',
    enabled: (s) => s.productListingCondition.listingCondition === 'attribute',
    because: 'Listing Product Condition is Assign Condition Using Product Attribute',
  },
];

const marketplaceOnlyFields: Array<{
  field: string;
  label: string;
  countries: readonly string[];
  active: (s: ListingSettings) => boolean;
}> = [
  {
    field: 'listingPrice.productTaxCode',
    label: 'Amazon Product Tax Code (PTC)',
    countries: PRODUCT_TAX_CODE_COUNTRIES,
    active: (s) => s.listingPrice.productTaxCode !== 'do_not_manage',
  },
  {
    field: 'businessPrice.enabled',
    label: '(B2B) Business Price',
    countries: BUSINESS_PRICING_COUNTRIES,
    active: (s) => s.businessPrice.enabled,
  },
];

const inPatch = (patch: ListingSettingsPatch, field: string): boolean => {
  const [section, key] = field.split('.') as [ListingSettingsSection, string];
  const values = patch[section] as Record<string, unknown> | undefined;
  return values !== undefined && Object.hasOwn(values, key);
};

/**
 * Checks a merchant's patch (section → fields) against the current settings. Unknown fields, bad values,
 * fields whose switch is off (VAT Percentage with VAT disabled…), marketplace-only fields and cross-field
 * rules each come back as an error naming the field; nothing is applied unless everything is valid.
 */
export const validateSettingsUpdate = (
  current: ListingSettings,
  patch: unknown,
  context: SettingsContext = {},
): SettingsUpdateResult<ListingSettings> => {
  const patchSchema = z
    .object(
      Object.fromEntries(
        Object.entries(sectionShapes).map(([name, shape]) => [name, shape.partial().strict().optional()]),
      ) as Record<string, z.ZodType>,
    )
    .strict();
  const parsedPatch = patchSchema.safeParse(patch ?? {});
  if (!parsedPatch.success) return { ok: false, errors: zodErrors(parsedPatch.error) };
  // Re-read only the keys the merchant sent: zod fills defaults for absent keys of a partial object in v4.
  const sent = (patch ?? {}) as Record<string, Record<string, unknown>>;
  const typedPatch = parsedPatch.data as Record<string, Record<string, unknown> | undefined>;
  const merged: Record<string, unknown> = {};
  for (const section of LISTING_SETTINGS_SECTIONS) {
    const changes = Object.fromEntries(
      Object.keys(sent[section] ?? {}).map((key) => [key, typedPatch[section]?.[key]]),
    );
    merged[section] = { ...current[section], ...changes };
  }
  const full = listingSettingsObjectSchema.safeParse(merged);
  if (!full.success) return { ok: false, errors: zodErrors(full.error) };
  const next = full.data;
  const errors: SettingsFieldError[] = crossFieldErrors(next);
  const typed = sent as ListingSettingsPatch;
  for (const dep of dependentFields) {
    if (inPatch(typed, dep.field) && !dep.enabled(next))
      errors.push({ field: dep.field, code: 'requires', message: `${dep.label} can only be set when ${dep.because}` });
  }
  const country = context.country?.toUpperCase() === 'UK' ? 'GB' : context.country?.toUpperCase();
  for (const only of marketplaceOnlyFields) {
    if (country && !only.countries.includes(country) && only.active(next) && inPatch(typed, only.field))
      errors.push({
        field: only.field,
        code: 'not_available',
        message: `${only.label} is only available in ${only.countries.join(', ')} marketplaces, not ${country}`,
      });
  }
  return errors.length ? { ok: false, errors } : { ok: true, settings: next };
};

/** The condition labels in the order the settings show them; the UI renders its dropdowns from this. */
export const CONDITION_OPTIONS: Array<{ value: ConditionCode | 'attribute'; label: string }> = [
  ...CONDITION_CODES.map((code) => ({ value: code, label: CONDITION_LABELS[code] })),
  { value: 'attribute', label: 'Assign Condition Using Product Attribute' },
];
