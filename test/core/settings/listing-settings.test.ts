import {
  DEFAULT_LISTING_SETTINGS,
  listingSettingsSchema,
  validateSettingsUpdate,
  type ListingSettings,
} from '../../../src/core/settings/listing-settings';
import { describeSettingsForm } from '../../../src/core/listings/settings-form';

const ok = (result: ReturnType<typeof validateSettingsUpdate>): ListingSettings => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
};
const errorsOf = (result: ReturnType<typeof validateSettingsUpdate>) => {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};

describe('listing settings defaults (SPEC 2.7)', () => {
  it('match the documented defaults of a new store', () => {
    const d = DEFAULT_LISTING_SETTINGS;
    expect(d.productListingActions).toEqual({ automaticListAction: 'automatic', defaultHandlingTimeDays: 2 });
    expect(d.thirdPartyListings.importListings).toBe('import');
    expect(d.listingPrice).toMatchObject({
      priceSource: 'price',
      mapAttribute: null,
      msrpAttribute: null,
      applyVat: false,
      vatPercentage: '0.00',
      productTaxCode: 'do_not_manage',
      currencyConversion: null,
    });
    expect(d.businessPrice).toEqual({ enabled: false, tieredPricing: false, tiers: [] });
    expect(d.stockQuantity).toEqual({
      outOfStockThreshold: 0,
      maximumListedQuantity: 10000,
      doNotManageStockQuantity: 100,
    });
    expect(d.fulfilledBy.productFulfilledBy).toBe('merchant');
    expect(d.productListingCondition.listingCondition).toBe('new_new');
  });

  it('fills missing sections of stored data with defaults', () => {
    const parsed = listingSettingsSchema.parse({ stockQuantity: { outOfStockThreshold: 3 } });
    expect(parsed.stockQuantity).toEqual({
      outOfStockThreshold: 3,
      maximumListedQuantity: 10000,
      doNotManageStockQuantity: 100,
    });
    expect(parsed.listingPrice.priceSource).toBe('price');
  });
});

describe('validateSettingsUpdate', () => {
  const d = DEFAULT_LISTING_SETTINGS;

  it('applies a valid patch and leaves other fields alone', () => {
    const next = ok(validateSettingsUpdate(d, { listingPrice: { applyVat: true, vatPercentage: '10.2' } }));
    expect(next.listingPrice.applyVat).toBe(true);
    expect(next.listingPrice.vatPercentage).toBe('10.2');
    expect(next.listingPrice.priceSource).toBe('price');
    expect(next.stockQuantity).toEqual(d.stockQuantity);
  });

  it('refuses VAT Percentage while VAT is disabled, naming the field', () => {
    const errors = errorsOf(validateSettingsUpdate(d, { listingPrice: { vatPercentage: '5' } }));
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'listingPrice.vatPercentage',
        code: 'requires',
        message: expect.stringMatching(/VAT Percentage.*Apply Value Added Tax/),
      }),
    ]);
  });

  it('refuses bad values with the field path', () => {
    const errors = errorsOf(
      validateSettingsUpdate(d, { stockQuantity: { maximumListedQuantity: 2.5, outOfStockThreshold: -1 } }),
    );
    expect(errors.map((e) => e.field).sort()).toEqual([
      'stockQuantity.maximumListedQuantity',
      'stockQuantity.outOfStockThreshold',
    ]);
    expect(
      errorsOf(validateSettingsUpdate(d, { listingPrice: { applyVat: true, vatPercentage: '120' } }))[0].field,
    ).toBe('listingPrice.vatPercentage');
    expect(
      errorsOf(validateSettingsUpdate(d, { productListingActions: { defaultHandlingTimeDays: 31 } }))[0].field,
    ).toBe('productListingActions.defaultHandlingTimeDays');
  });

  it('names unknown sections and fields', () => {
    const errors = errorsOf(validateSettingsUpdate(d, { listingPrice: { vatPercent: '1' }, nope: {} }));
    expect(errors.map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['listingPrice.vatPercent', 'unknown_field'],
        ['nope', 'unknown_field'],
      ]),
    );
  });

  it('accepts up to five ascending business tiers only with tiered pricing on', () => {
    const tiers = [
      { minQuantity: 5, discountPercent: '5' },
      { minQuantity: 10, discountPercent: '7.5' },
    ];
    expect(errorsOf(validateSettingsUpdate(d, { businessPrice: { tiers } }))[0]).toMatchObject({
      field: 'businessPrice.tiers',
      code: 'requires',
    });
    const next = ok(
      validateSettingsUpdate(d, { businessPrice: { enabled: true, tieredPricing: true, tiers } }, { country: 'US' }),
    );
    expect(next.businessPrice.tiers).toEqual(tiers);
    const six = Array.from({ length: 6 }, (_, i) => ({ minQuantity: 2 + i, discountPercent: String(i + 1) }));
    expect(
      errorsOf(validateSettingsUpdate(d, { businessPrice: { enabled: true, tieredPricing: true, tiers: six } }))[0]
        .field,
    ).toBe('businessPrice.tiers');
    const descending = [
      { minQuantity: 10, discountPercent: '5' },
      { minQuantity: 5, discountPercent: '7' },
    ];
    expect(
      errorsOf(
        validateSettingsUpdate(d, { businessPrice: { enabled: true, tieredPricing: true, tiers: descending } }),
      )[0].field,
    ).toBe('businessPrice.tiers.1.minQuantity');
    expect(
      errorsOf(validateSettingsUpdate(d, { businessPrice: { enabled: true, tieredPricing: true, tiers: [] } }))[0]
        .field,
    ).toBe('businessPrice.tiers');
  });

  it('keeps business pricing to US, FR, DE and UK and PTC to the UK', () => {
    expect(
      errorsOf(validateSettingsUpdate(d, { businessPrice: { enabled: true } }, { country: 'CA' }))[0],
    ).toMatchObject({
      field: 'businessPrice.enabled',
      code: 'not_available',
    });
    expect(
      ok(validateSettingsUpdate(d, { businessPrice: { enabled: true } }, { country: 'UK' })).businessPrice.enabled,
    ).toBe(true);
    expect(
      errorsOf(validateSettingsUpdate(d, { listingPrice: { productTaxCode: 'set_default' } }, { country: 'US' }))[0]
        .field,
    ).toBe('listingPrice.productTaxCode');
    const uk = ok(
      validateSettingsUpdate(
        d,
        { listingPrice: { productTaxCode: 'set_default', defaultProductTaxCode: 'A_GEN_STANDARD' } },
        { country: 'GB' },
      ),
    );
    expect(uk.listingPrice.defaultProductTaxCode).toBe('A_GEN_STANDARD');
  });

  it('requires the attributes each mode needs', () => {
    expect(errorsOf(validateSettingsUpdate(d, { fulfilledBy: { productFulfilledBy: 'attribute' } }))[0]).toMatchObject({
      field: 'fulfilledBy.fulfilledByAttribute',
      code: 'required',
    });
    expect(
      ok(
        validateSettingsUpdate(d, {
          fulfilledBy: { productFulfilledBy: 'attribute', fulfilledByAttribute: 'amazon_fba' },
        }),
      ).fulfilledBy.fulfilledByAttribute,
    ).toBe('amazon_fba');
    const fields = errorsOf(
      validateSettingsUpdate(d, { productListingCondition: { listingCondition: 'attribute' } }),
    ).map((e) => e.field);
    expect(fields).toEqual(['productListingCondition.conditionAttribute', 'productListingCondition.attributeMapping']);
    expect(errorsOf(validateSettingsUpdate(d, { thirdPartyListings: { sellerSkuAttribute: null } }))[0].field).toBe(
      'thirdPartyListings.sellerSkuAttribute',
    );
    expect(errorsOf(validateSettingsUpdate(d, { catalogSearch: { productIdType: 'EAN' } }))[0].field).toBe(
      'catalogSearch.productIdAttribute',
    );
  });

  it('limits seller notes to 1,000 characters and refuses notes for New', () => {
    const notes = ok(
      validateSettingsUpdate(d, { productListingCondition: { sellerNotes: { used_good: 'x'.repeat(1000) } } }),
    );
    expect(notes.productListingCondition.sellerNotes.used_good).toHaveLength(1000);
    expect(
      errorsOf(
        validateSettingsUpdate(d, { productListingCondition: { sellerNotes: { used_good: 'x'.repeat(1001) } } }),
      )[0].field,
    ).toBe('productListingCondition.sellerNotes.used_good');
    expect(
      errorsOf(validateSettingsUpdate(d, { productListingCondition: { sellerNotes: { new_new: 'mint' } } }))[0],
    ).toMatchObject({
      field: 'productListingCondition.sellerNotes.new_new',
      code: 'not_available',
    });
  });
});

describe('describeSettingsForm', () => {
  it('lists the eight sections in SPEC order with serialisable fields', () => {
    const form = describeSettingsForm();
    expect(form.sections.map((s) => s.title)).toEqual([
      'Product Listing Actions',
      'Third Party Listings',
      'Listing Price',
      '(B2B) Business Price',
      'Stock / Quantity',
      'Fulfilled By',
      'Catalog Search',
      'Product Listing Condition',
    ]);
    expect(JSON.parse(JSON.stringify(form))).toEqual(form);
  });

  it('describes every settings field, with defaults equal to the schema defaults', () => {
    const form = describeSettingsForm();
    const ids = form.sections.flatMap((s) => s.fields.map((f) => f.id));
    for (const [section, values] of Object.entries(DEFAULT_LISTING_SETTINGS))
      for (const key of Object.keys(values)) {
        if (key === 'sellerNotes') continue;
        expect(ids).toContain(`${section}.${key}`);
      }
    const vat = form.sections[2].fields.find((f) => f.id === 'listingPrice.vatPercentage');
    expect(vat).toMatchObject({ default: '0.00', enabledWhen: { field: 'listingPrice.applyVat', equals: true } });
    const condition = form.sections[7].fields[0];
    expect(condition.options).toHaveLength(11);
    expect(condition.options?.[3]).toEqual({ value: 'used_very_good', label: 'Used; Very Good' });
  });
});
