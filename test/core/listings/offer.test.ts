import { compileConditionTree } from '../../../src/core/conditions';
import { computeOffer } from '../../../src/core/listings/offer';
import { evaluateEligibility, resolveCondition, resolveFulfillment } from '../../../src/core/listings/product-rules';
import { listing, product, settings, store } from './fixtures';

describe('computeOffer', () => {
  it('builds the desired offer from settings and the price engine', () => {
    const result = computeOffer({
      listing: listing(),
      product: product(),
      store: store(),
      settings: settings(),
      price: { price: '19.99' },
    });
    expect(result.publishable).toBe(true);
    expect(result.offer).toEqual({
      sku: 'SKU-1',
      asin: 'B000000001',
      marketplaceId: 'ATVPDKIKX0DER',
      currency: 'USD',
      productType: 'PRODUCT',
      isNew: true,
      price: '19.99',
      quantity: 7,
      fulfillmentChannel: 'DEFAULT',
      handlingTimeDays: 2,
      condition: 'new_new',
      sellerNotes: undefined,
    });
  });

  it('overrides win field by field', () => {
    const l = listing({
      condition: 'used_good',
      overrides: { price: '15.00', handlingTimeDays: 5, condition: 'used_like_new', sellerNotes: 'Mint' },
    });
    const s = settings({
      productListingCondition: { sellerNotes: { used_good: 'Light wear', used_like_new: 'As new' } },
    });
    const { offer, notes } = computeOffer({
      listing: l,
      product: product(),
      store: store(),
      settings: s,
      price: { price: '19.99' },
    });
    expect(offer).toMatchObject({
      price: '15.00',
      handlingTimeDays: 5,
      condition: 'used_like_new',
      sellerNotes: 'Mint',
    });
    expect(notes).toContain('price override 15.00');
    const noNoteOverride = computeOffer({
      listing: { ...l, overrides: {} },
      product: product(),
      store: store(),
      settings: s,
      price: { price: '19.99' },
    });
    expect(noNoteOverride.offer).toMatchObject({
      condition: 'used_good',
      sellerNotes: 'Light wear',
      handlingTimeDays: 2,
    });
  });

  it('FBA sends no quantity, no handling time and ignores FBA-forbidden overrides', () => {
    const l = listing({ fulfillment: 'FBA', overrides: { handlingTimeDays: 5, condition: 'used_good' } });
    const { offer } = computeOffer({
      listing: l,
      product: product(),
      store: store({ region: 'eu', marketplaceId: 'A1PA6795UKMFR9', currency: 'EUR', country: 'DE' }),
      settings: settings(),
      price: { price: '9.00' },
    });
    expect(offer).toMatchObject({
      fulfillmentChannel: 'AMAZON_EU',
      quantity: undefined,
      handlingTimeDays: undefined,
      condition: 'new_new',
    });
  });

  it("third-party listings keep Amazon's handling time unless overridden", () => {
    const l = listing({ origin: 'third_party', lastAccepted: { handlingTimeDays: 7 } });
    expect(
      computeOffer({ listing: l, product: product(), store: store(), settings: settings(), price: { price: '1.00' } })
        .offer.handlingTimeDays,
    ).toBe(7);
  });

  it('ineligible listings offer quantity 0; the regional winner decides the quantity otherwise', () => {
    expect(
      computeOffer({
        listing: listing({ eligible: false }),
        product: product(),
        store: store(),
        settings: settings(),
        price: { price: '1.00' },
      }).offer.quantity,
    ).toBe(0);
    const regional = computeOffer({
      listing: listing(),
      product: product(),
      store: store(),
      settings: settings(),
      price: { price: '1.00' },
      regionalQuantity: 3,
    });
    expect(regional.offer.quantity).toBe(3);
    expect(regional.quantitySteps.at(-1)).toMatchObject({ rule: 'regional', quantity: 3 });
  });

  it('adds business price and tiers where Amazon Business exists, never below 1.00', () => {
    const s = settings({
      businessPrice: { enabled: true, tieredPricing: true, tiers: [{ minQuantity: 5, discountPercent: '5' }] },
    });
    const us = computeOffer({
      listing: listing(),
      product: product(),
      store: store(),
      settings: s,
      price: { price: '19.99' },
    });
    expect(us.offer).toMatchObject({
      businessPrice: '19.99',
      quantityDiscounts: [{ minQuantity: 5, discountPercent: '5' }],
    });
    const ca = computeOffer({
      listing: listing(),
      product: product(),
      store: store({ country: 'CA' }),
      settings: s,
      price: { price: '19.99' },
    });
    expect(ca.offer.businessPrice).toBeUndefined();
    const cheap = computeOffer({
      listing: listing(),
      product: product(),
      store: store(),
      settings: s,
      price: { price: '0.99' },
    });
    expect(cheap.offer.businessPrice).toBeUndefined();
    expect(cheap.notes.join()).toMatch(/below 1.00/);
  });

  it('sends MSRP from its attribute, and the UK default PTC on new listings only', () => {
    const s = settings({
      listingPrice: { msrpAttribute: 'msrp', productTaxCode: 'set_default', defaultProductTaxCode: 'A_GEN_STANDARD' },
    });
    const p = product({ attributes: { price: '19.99', msrp: '29.9' } });
    const uk = store({ country: 'GB', marketplaceId: 'A1F83G8C2ARO7P', currency: 'GBP', region: 'eu' });
    expect(
      computeOffer({ listing: listing(), product: p, store: uk, settings: s, price: { price: '19.99' } }).offer,
    ).toMatchObject({ listPrice: '29.90', productTaxCode: 'A_GEN_STANDARD' });
    expect(
      computeOffer({
        listing: listing({ lastAccepted: { price: '1' } }),
        product: p,
        store: uk,
        settings: s,
        price: { price: '19.99' },
      }).offer.productTaxCode,
    ).toBeUndefined();
    expect(
      computeOffer({ listing: listing(), product: p, store: store(), settings: s, price: { price: '19.99' } }).offer
        .productTaxCode,
    ).toBeUndefined();
  });

  it('is not publishable without a price, ASIN or condition', () => {
    const result = computeOffer({
      listing: listing({ asin: undefined, condition: undefined }),
      product: product(),
      store: store(),
      settings: settings(),
      price: {},
    });
    expect(result.publishable).toBe(false);
    expect(result.notes).toEqual(expect.arrayContaining(['no ASIN', 'no condition']));
  });
});

describe('product rules', () => {
  const s = settings({ stockQuantity: { outOfStockThreshold: 3 } });

  it('eligibility: unlistable types, disabled products, listing rules, stock threshold', () => {
    expect(evaluateEligibility(product({ typeId: 'bundle' }), s)).toEqual({
      eligible: false,
      reason: 'bundle products cannot be listed on Amazon',
    });
    expect(evaluateEligibility(product({ enabled: false }), s).reason).toMatch(/disabled/);
    expect(evaluateEligibility(product({ stock: { manageStock: true, salableQuantity: 2 } }), s).reason).toMatch(
      /threshold \(3\)/,
    );
    expect(evaluateEligibility(product({ stock: { manageStock: false } }), s)).toEqual({ eligible: true });
    expect(evaluateEligibility(product(), s)).toEqual({ eligible: true });
  });

  it('evaluates the listing rule condition tree (PRICING-CORE conditions)', () => {
    const catalog = {
      amazon_fba: {
        code: 'amazon_fba',
        label: 'Amazon FBA',
        frontendInput: 'boolean' as const,
        usedForPromoRules: true,
      },
    };
    const rule = compileConditionTree(
      {
        type: 'combine',
        aggregator: 'all',
        value: true,
        conditions: [{ type: 'product_attribute', args: { attribute: 'amazon_fba', operator: 'is', value: '1' } }],
      } as never,
      catalog as never,
    );
    const facts = (fba: boolean) => ({
      sku: 'SKU-1',
      typeId: 'simple',
      attributeSetId: 4,
      categoryIds: [],
      price: '19.99',
      attributes: { amazon_fba: fba },
    });
    expect(evaluateEligibility(product(), s, rule, facts(true))).toEqual({ eligible: true });
    expect(evaluateEligibility(product(), s, rule, facts(false))).toEqual({
      eligible: false,
      reason: 'Excluded by the listing rules',
    });
  });

  it('condition: fixed, or mapped from the attribute (several values may map to one condition)', () => {
    expect(resolveCondition(product(), settings())).toBe('new_new');
    const byAttribute = settings({
      productListingCondition: {
        listingCondition: 'attribute',
        conditionAttribute: 'amazon_condition',
        attributeMapping: { used_very_good: ['Used', 'Pre-owned'], new_new: ['New'] },
      },
    });
    expect(resolveCondition(product({ attributes: { amazon_condition: 'pre-owned' } }), byAttribute)).toBe(
      'used_very_good',
    );
    expect(resolveCondition(product({ attributes: { amazon_condition: 'Broken' } }), byAttribute)).toBeUndefined();
    expect(resolveCondition(product({ attributes: {} }), byAttribute)).toBeUndefined();
  });

  it('fulfilment: store-wide or by attribute value', () => {
    expect(resolveFulfillment(product(), settings())).toBe('FBM');
    expect(resolveFulfillment(product(), settings({ fulfilledBy: { productFulfilledBy: 'amazon' } }))).toBe('FBA');
    const byAttribute = settings({
      fulfilledBy: { productFulfilledBy: 'attribute', fulfilledByAttribute: 'fulfilled_by' },
    });
    expect(
      resolveFulfillment(product({ attributes: { fulfilled_by: 'Fulfilled By Amazon (FBA)' } }), byAttribute),
    ).toBe('FBA');
    expect(resolveFulfillment(product({ attributes: { fulfilled_by: 'Fulfilled By Merchant' } }), byAttribute)).toBe(
      'FBM',
    );
  });
});
