import {
  DEFAULT_LISTING_SETTINGS,
  type ListingSettings,
  validateSettingsUpdate,
} from '../../../src/core/settings/listing-settings';
import { DEFAULT_ORDER_SETTINGS, validateOrderSettingsUpdate } from '../../../src/core/settings/order-settings';

/** The remaining field rules of SPEC 3.1–3.8 and 6.1, one by one, as the settings actions apply them. */
const update = (patch: unknown, current: ListingSettings = DEFAULT_LISTING_SETTINGS, country = 'US') =>
  validateSettingsUpdate(current, patch, { country });
// A value can break two rules of one field (e.g. "ten" is neither a decimal nor within 0..100): count the field once.
const fieldsOf = (result: ReturnType<typeof update>) =>
  result.ok ? [] : [...new Set(result.errors.map((error) => error.field))];

describe('SPEC 2.7 defaults not covered elsewhere', () => {
  it('third-party import on, FBM, New, no currency conversion, no MAP/MSRP, PTC not managed', () => {
    expect(DEFAULT_LISTING_SETTINGS.thirdPartyListings.importListings).toBe('import');
    expect(DEFAULT_LISTING_SETTINGS.fulfilledBy.productFulfilledBy).toBe('merchant');
    expect(DEFAULT_LISTING_SETTINGS.productListingCondition.listingCondition).toBe('new_new');
    expect(DEFAULT_LISTING_SETTINGS.listingPrice).toMatchObject({
      priceSource: 'price',
      mapAttribute: null,
      msrpAttribute: null,
      currencyConversion: null,
      productTaxCode: 'do_not_manage',
      applyVat: false,
      vatPercentage: '0.00',
    });
    expect(DEFAULT_LISTING_SETTINGS.businessPrice).toEqual({ enabled: false, tieredPricing: false, tiers: [] });
    expect(DEFAULT_LISTING_SETTINGS.stockQuantity.outOfStockThreshold).toBe(0);
    expect(DEFAULT_ORDER_SETTINGS).toMatchObject({
      importOrders: 'enabled',
      customerCreation: 'guest',
      orderNumberSource: 'magento',
      orderStatus: 'default',
    });
  });
});

describe('Product Listing Actions (3.1)', () => {
  it.each([[0], [2], [30]])('accepts a handling time of %i days', (days) => {
    expect(update({ productListingActions: { defaultHandlingTimeDays: days } }).ok).toBe(true);
  });
  it.each([[-1], [31], [1.5], ['2']])('refuses a handling time of %p', (days) => {
    expect(fieldsOf(update({ productListingActions: { defaultHandlingTimeDays: days } }))).toEqual([
      'productListingActions.defaultHandlingTimeDays',
    ]);
  });
  it('refuses an unknown list action', () => {
    expect(fieldsOf(update({ productListingActions: { automaticListAction: 'sometimes' } }))).toEqual([
      'productListingActions.automaticListAction',
    ]);
  });
});

describe('Third Party Listings (3.2)', () => {
  it('maps the Seller SKU and ASIN attributes only while import is on', () => {
    const off = update({ thirdPartyListings: { importListings: 'do_not_import' } });
    expect(off.ok).toBe(true);
    if (!off.ok) return;
    expect(fieldsOf(update({ thirdPartyListings: { sellerSkuAttribute: 'sku' } }, off.settings))).toEqual([
      'thirdPartyListings.sellerSkuAttribute',
    ]);
    expect(update({ thirdPartyListings: { importListings: 'import', asinAttribute: 'asin' } }, off.settings).ok).toBe(
      true,
    );
  });
  it('refuses an attribute code that is not one', () => {
    expect(fieldsOf(update({ thirdPartyListings: { asinAttribute: 'Amazon ASIN' } }))).toEqual([
      'thirdPartyListings.asinAttribute',
    ]);
  });
});

describe('Listing Price (3.3)', () => {
  it.each([
    ['10.2', '10.2'],
    [10.2, '10.2'],
    ['0', '0'],
    ['100', '100'],
  ])('stores VAT %p as the decimal string %s', (input, stored) => {
    const result = update({ listingPrice: { applyVat: true, vatPercentage: input } });
    expect(result.ok && result.settings.listingPrice.vatPercentage).toBe(stored);
  });
  it.each([['100.01'], ['-1'], ['1.23456'], ['ten']])('refuses VAT %p', (input) => {
    expect(fieldsOf(update({ listingPrice: { applyVat: true, vatPercentage: input } }))).toEqual([
      'listingPrice.vatPercentage',
    ]);
  });
  it('takes a currency conversion as ISO codes or Disabled (null)', () => {
    expect(
      update({ listingPrice: { currencyConversion: { from: 'USD', to: 'CAD' } } }, DEFAULT_LISTING_SETTINGS, 'CA').ok,
    ).toBe(true);
    expect(update({ listingPrice: { currencyConversion: null } }).ok).toBe(true);
    expect(fieldsOf(update({ listingPrice: { currencyConversion: { from: 'usd', to: 'CAD' } } }))[0]).toMatch(
      /^listingPrice\.currencyConversion/,
    );
  });
  it('sets a default PTC only with Set Default PTC, in the UK', () => {
    expect(
      fieldsOf(update({ listingPrice: { defaultProductTaxCode: 'A_GEN' } }, DEFAULT_LISTING_SETTINGS, 'GB')),
    ).toEqual(['listingPrice.defaultProductTaxCode']);
    expect(
      update(
        { listingPrice: { productTaxCode: 'set_default', defaultProductTaxCode: 'A_GEN' } },
        DEFAULT_LISTING_SETTINGS,
        'GB',
      ).ok,
    ).toBe(true);
    expect(
      fieldsOf(update({ listingPrice: { defaultProductTaxCode: 'x'.repeat(41) } }, DEFAULT_LISTING_SETTINGS, 'GB')),
    ).toContain('listingPrice.defaultProductTaxCode');
  });
});

describe('Stock / Quantity (3.5)', () => {
  it.each([
    [{ outOfStockThreshold: -1 }, 'stockQuantity.outOfStockThreshold'],
    [{ maximumListedQuantity: 0 }, 'stockQuantity.maximumListedQuantity'],
    [{ doNotManageStockQuantity: -5 }, 'stockQuantity.doNotManageStockQuantity'],
    [{ maximumListedQuantity: 2.5 }, 'stockQuantity.maximumListedQuantity'],
  ])('refuses %o', (values, field) => {
    expect(fieldsOf(update({ stockQuantity: values }))).toEqual([field]);
  });
  it('accepts a maximum of 1 ("scarcity") and a do-not-manage quantity of 0', () => {
    expect(update({ stockQuantity: { maximumListedQuantity: 1, doNotManageStockQuantity: 0 } }).ok).toBe(true);
  });
});

describe('Fulfilled By (3.6) and Product Listing Condition (3.8)', () => {
  it('takes the FBA attribute values only in attribute mode', () => {
    expect(fieldsOf(update({ fulfilledBy: { amazonAttributeValues: ['FBA'] } }))).toEqual([
      'fulfilledBy.amazonAttributeValues',
    ]);
    expect(
      update({
        fulfilledBy: {
          productFulfilledBy: 'attribute',
          fulfilledByAttribute: 'fulfilment',
          amazonAttributeValues: ['FBA'],
        },
      }).ok,
    ).toBe(true);
  });
  it('maps conditions only in attribute mode, and only known Amazon conditions', () => {
    expect(fieldsOf(update({ productListingCondition: { attributeMapping: { used_good: ['Used'] } } }))).toEqual([
      'productListingCondition.attributeMapping',
    ]);
    const mode = { listingCondition: 'attribute', conditionAttribute: 'amazon_condition' };
    expect(update({ productListingCondition: { ...mode, attributeMapping: { used_good: ['Used', 'Worn'] } } }).ok).toBe(
      true,
    );
    expect(fieldsOf(update({ productListingCondition: { ...mode, attributeMapping: { broken: ['x'] } } }))[0]).toMatch(
      /^productListingCondition\.attributeMapping/,
    );
  });
});

describe('Order Settings (6.1)', () => {
  it('takes a store view code or the website default (null), and refuses anything else', () => {
    expect(validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, { importIntoStoreView: 'eu_en' }).ok).toBe(true);
    expect(validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, { importIntoStoreView: null }).ok).toBe(true);
    const bad = validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, { importIntoStoreView: 'EU Store!' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['importIntoStoreView']);
  });
  it('refuses a processing status with the default order status', () => {
    const result = validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, { processingOrderStatus: 'fraud' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['processingOrderStatus']);
  });
});
