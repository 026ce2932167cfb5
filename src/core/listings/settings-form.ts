import {
  BUSINESS_PRICING_COUNTRIES,
  CONDITION_OPTIONS,
  DEFAULT_LISTING_SETTINGS,
  IDENTIFIER_TYPES,
  MAX_BUSINESS_TIERS,
  MAX_HANDLING_TIME_DAYS,
  PRODUCT_TAX_CODE_COUNTRIES,
} from '../settings/listing-settings';
import { ORDER_SETTINGS_FORM } from '../settings/order-settings';
import { CONDITION_CODES, CONDITION_LABELS, SELLER_NOTES_MAX_LENGTH } from './condition';

/**
 * A serialisable description of the Listing Settings page (SPEC 3, eight sections in SPEC order) that the
 * Stores settings UI renders from: labels, option lists, defaults, requirements and dependencies. The values
 * and checks live in src/core/settings/listing-settings.ts; this is only their presentation.
 */
export type FormFieldType =
  | 'select'
  | 'integer'
  | 'decimal'
  | 'text'
  | 'textarea'
  | 'attribute'
  | 'currencyRate'
  | 'tiers'
  | 'conditionMapping'
  | 'stringList'
  | 'storeView'
  | 'orderStatus';

export interface FormField {
  /** Dotted path into the settings, e.g. "listingPrice.vatPercentage". */
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  default: unknown;
  options?: Array<{ value: string; label: string }>;
  /** For attribute pickers: which Commerce attributes qualify. */
  attributeFilter?: 'any' | 'price' | 'dropdown' | 'text';
  min?: number;
  max?: number;
  maxLength?: number;
  /** Shown and editable only when another field has this value. */
  enabledWhen?: { field: string; equals: unknown };
  /** Shown only for stores in these marketplace countries. */
  countries?: readonly string[];
  help?: string;
}

export interface FormSection {
  id: string;
  title: string;
  fields: FormField[];
}

export interface SettingsFormDescription {
  title: string;
  saveLabel: string;
  sections: FormSection[];
}

const d = DEFAULT_LISTING_SETTINGS;
const attr = (
  id: string,
  label: string,
  fallback: unknown,
  extra: Partial<FormField> = {},
  filter: FormField['attributeFilter'] = 'any',
): FormField => ({
  id,
  label,
  type: 'attribute',
  required: false,
  default: fallback,
  attributeFilter: filter,
  ...extra,
});

const importOn = { field: 'thirdPartyListings.importListings', equals: 'import' };
const attributeCondition = { field: 'productListingCondition.listingCondition', equals: 'attribute' };

export const describeSettingsForm = (): SettingsFormDescription => ({
  title: 'Listing Settings',
  saveLabel: 'Save listing settings',
  sections: [
    {
      id: 'productListingActions',
      title: 'Product Listing Actions',
      fields: [
        {
          id: 'productListingActions.automaticListAction',
          label: 'Automatic List Action',
          type: 'select',
          required: true,
          default: d.productListingActions.automaticListAction,
          options: [
            { value: 'automatic', label: 'Automatically List Eligible Products' },
            { value: 'manual', label: 'Do Not Automatically List Eligible Products' },
          ],
          help: 'Manual: eligible products wait on Ready to List for a manual publish.',
        },
        {
          id: 'productListingActions.defaultHandlingTimeDays',
          label: 'Default Handling Time',
          type: 'integer',
          required: true,
          default: d.productListingActions.defaultHandlingTimeDays,
          min: 0,
          max: MAX_HANDLING_TIME_DAYS,
          help: 'Days to process and ship an order; applies only to listings created by this app.',
        },
      ],
    },
    {
      id: 'thirdPartyListings',
      title: 'Third Party Listings',
      fields: [
        {
          id: 'thirdPartyListings.importListings',
          label: 'Import Third Party Listings',
          type: 'select',
          required: true,
          default: d.thirdPartyListings.importListings,
          options: [
            { value: 'import', label: 'Import Listing' },
            { value: 'do_not_import', label: 'Do Not Import Listing' },
          ],
        },
        attr('thirdPartyListings.sellerSkuAttribute', 'Attribute That Contains Amazon Seller SKU', 'sku', {
          required: true,
          enabledWhen: importOn,
        }),
        attr('thirdPartyListings.asinAttribute', 'Attribute That Contains Amazon ASIN', 'amazon_asin', {
          required: true,
          enabledWhen: importOn,
        }),
      ],
    },
    {
      id: 'listingPrice',
      title: 'Listing Price',
      fields: [
        attr('listingPrice.priceSource', 'Magento Price Source', 'price', { required: true }, 'price'),
        attr('listingPrice.mapAttribute', 'Minimum Advertised Price (MAP)', null, {}, 'price'),
        attr('listingPrice.msrpAttribute', 'Strike Through Price (MSRP)', null, {}, 'price'),
        {
          id: 'listingPrice.applyVat',
          label: 'Apply Value Added Tax (VAT)',
          type: 'select',
          required: false,
          default: false,
          options: [
            { value: 'false', label: 'Disabled' },
            { value: 'true', label: 'Enabled' },
          ],
        },
        {
          id: 'listingPrice.vatPercentage',
          label: 'VAT Percentage',
          type: 'decimal',
          required: true,
          default: d.listingPrice.vatPercentage,
          min: 0,
          max: 100,
          enabledWhen: { field: 'listingPrice.applyVat', equals: true },
        },
        {
          id: 'listingPrice.productTaxCode',
          label: 'Amazon Product Tax Code (PTC)',
          type: 'select',
          required: false,
          default: d.listingPrice.productTaxCode,
          options: [
            { value: 'do_not_manage', label: 'Do Not Manage PTC' },
            { value: 'set_default', label: 'Set Default PTC' },
          ],
          countries: PRODUCT_TAX_CODE_COUNTRIES,
        },
        {
          id: 'listingPrice.defaultProductTaxCode',
          label: 'Default PTC',
          type: 'text',
          required: false,
          default: '',
          maxLength: 40,
          enabledWhen: { field: 'listingPrice.productTaxCode', equals: 'set_default' },
          countries: PRODUCT_TAX_CODE_COUNTRIES,
          help: 'Applies to new listings only; leave blank if the default is already set in Seller Central.',
        },
        {
          id: 'listingPrice.currencyConversion',
          label: 'Currency Conversion',
          type: 'currencyRate',
          required: false,
          default: null,
          help: 'Converts from the Commerce default currency; with no rates configured, set them in Stores > Currency Rates.',
        },
      ],
    },
    {
      id: 'businessPrice',
      title: '(B2B) Business Price',
      fields: [
        {
          id: 'businessPrice.enabled',
          label: 'Enable Business Pricing',
          type: 'select',
          required: false,
          default: false,
          options: [
            { value: 'false', label: 'Disabled' },
            { value: 'true', label: 'Enabled' },
          ],
          countries: BUSINESS_PRICING_COUNTRIES,
          help: 'The business price is the list price after all pricing rules, never below 1.00.',
        },
        {
          id: 'businessPrice.tieredPricing',
          label: 'Enable Tiered Pricing',
          type: 'select',
          required: true,
          default: false,
          options: [
            { value: 'false', label: 'Disabled' },
            { value: 'true', label: 'Enabled' },
          ],
          enabledWhen: { field: 'businessPrice.enabled', equals: true },
        },
        {
          id: 'businessPrice.tiers',
          label: 'Pricing Level One … Five (at least qty / % off list price)',
          type: 'tiers',
          required: false,
          default: [],
          max: MAX_BUSINESS_TIERS,
          enabledWhen: { field: 'businessPrice.tieredPricing', equals: true },
        },
      ],
    },
    {
      id: 'stockQuantity',
      title: 'Stock / Quantity',
      fields: [
        {
          id: 'stockQuantity.outOfStockThreshold',
          label: 'Out-of-Stock Threshold',
          type: 'integer',
          required: true,
          default: d.stockQuantity.outOfStockThreshold,
          min: 0,
        },
        {
          id: 'stockQuantity.maximumListedQuantity',
          label: 'Maximum Listed Quantity',
          type: 'integer',
          required: true,
          default: d.stockQuantity.maximumListedQuantity,
          min: 1,
          help: 'A cap: stock 2 lists 2, stock 80 with a maximum of 10 lists 10.',
        },
        {
          id: 'stockQuantity.doNotManageStockQuantity',
          label: '"Do Not Manage Stock" Quantity',
          type: 'integer',
          required: true,
          default: d.stockQuantity.doNotManageStockQuantity,
          min: 0,
        },
      ],
    },
    {
      id: 'fulfilledBy',
      title: 'Fulfilled By',
      fields: [
        {
          id: 'fulfilledBy.productFulfilledBy',
          label: 'Product Fulfilled By',
          type: 'select',
          required: true,
          default: d.fulfilledBy.productFulfilledBy,
          options: [
            { value: 'merchant', label: 'Fulfilled by Merchant' },
            { value: 'amazon', label: 'Fulfilled by Amazon' },
            { value: 'attribute', label: 'Assign Fulfilled By Using Magento Product Attribute' },
          ],
        },
        attr(
          'fulfilledBy.fulfilledByAttribute',
          'Fulfilled By Attribute',
          null,
          { required: true, enabledWhen: { field: 'fulfilledBy.productFulfilledBy', equals: 'attribute' } },
          'dropdown',
        ),
        {
          id: 'fulfilledBy.amazonAttributeValues',
          label: 'Attribute values meaning Fulfilled By Amazon (FBA)',
          type: 'stringList',
          required: false,
          default: d.fulfilledBy.amazonAttributeValues,
          enabledWhen: { field: 'fulfilledBy.productFulfilledBy', equals: 'attribute' },
        },
      ],
    },
    {
      id: 'catalogSearch',
      title: 'Catalog Search',
      fields: [
        attr('catalogSearch.asinAttribute', 'ASIN', d.catalogSearch.asinAttribute),
        attr('catalogSearch.eanAttribute', 'EAN', null),
        attr('catalogSearch.gcidAttribute', 'GCID', null),
        attr('catalogSearch.isbnAttribute', 'ISBN', null),
        attr('catalogSearch.upcAttribute', 'UPC', null),
        attr('catalogSearch.gtinAttribute', 'GTIN', null),
        attr('catalogSearch.janAttribute', 'JAN', null),
        attr('catalogSearch.generalSearchAttribute', 'General Search', null, {}, 'text'),
        {
          id: 'catalogSearch.productIdType',
          label: 'Product ID on the Amazon market',
          type: 'select',
          required: false,
          default: null,
          options: IDENTIFIER_TYPES.map((t) => ({ value: t, label: t })),
        },
        attr('catalogSearch.productIdAttribute', 'Map a Magento attribute', null, {
          enabledWhen: { field: 'catalogSearch.productIdType', equals: '*' },
        }),
      ],
    },
    {
      id: 'productListingCondition',
      title: 'Product Listing Condition',
      fields: [
        {
          id: 'productListingCondition.listingCondition',
          label: 'Listing Product Condition',
          type: 'select',
          required: true,
          default: d.productListingCondition.listingCondition,
          options: CONDITION_OPTIONS,
        },
        attr(
          'productListingCondition.conditionAttribute',
          'Condition Attribute',
          null,
          { required: true, enabledWhen: attributeCondition },
          'dropdown',
        ),
        {
          id: 'productListingCondition.attributeMapping',
          label: 'Condition mapping (one dropdown per Amazon condition)',
          type: 'conditionMapping',
          required: false,
          default: {},
          options: CONDITION_CODES.map((code) => ({ value: code, label: `${CONDITION_LABELS[code]} Condition` })),
          enabledWhen: attributeCondition,
        },
        ...CONDITION_CODES.filter((code) => code !== 'new_new').map(
          (code): FormField => ({
            id: `productListingCondition.sellerNotes.${code}`,
            label: `${CONDITION_LABELS[code]} seller notes`,
            type: 'textarea',
            required: false,
            default: '',
            maxLength: SELLER_NOTES_MAX_LENGTH,
          }),
        ),
      ],
    },
  ],
});

/** The Order Settings page description in the same shape. */
export const describeOrderSettingsForm = (): SettingsFormDescription => ({
  title: ORDER_SETTINGS_FORM.title,
  saveLabel: ORDER_SETTINGS_FORM.saveLabel,
  sections: [
    {
      id: ORDER_SETTINGS_FORM.id,
      title: ORDER_SETTINGS_FORM.title,
      fields: ORDER_SETTINGS_FORM.fields.map((f) => ({
        ...f,
        options: 'options' in f ? f.options.map((o) => ({ ...o })) : undefined,
        enabledWhen: 'enabledWhen' in f ? { ...f.enabledWhen } : undefined,
      })) as FormField[],
    },
  ],
});
