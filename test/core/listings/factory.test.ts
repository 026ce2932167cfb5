import { newAliasListing, newCatalogListing, newThirdPartyListing } from '../../../src/core/listings/factory';
import { planListingChange } from '../../../src/core/listings/patches';
import { computeOffer } from '../../../src/core/listings/offer';
import { AT, listing, product, settings, store } from './fixtures';

describe('new listings', () => {
  const matched = {
    kind: 'matched' as const,
    asin: 'B000000001',
    rule: 'asin' as const,
    query: { rule: 'asin' as const, value: 'B000000001', key: 'k' },
    steps: [],
  };

  it('a complete eligible product is published (auto) or waits (manual)', () => {
    const base = { product: product(), store: store(), match: matched, eligibility: { eligible: true }, at: AT };
    expect(newCatalogListing({ ...base, settings: settings() })).toMatchObject({
      status: 'list_in_progress',
      asin: 'B000000001',
      condition: 'new_new',
      fulfillment: 'FBM',
      origin: 'catalog',
    });
    expect(
      newCatalogListing({ ...base, settings: settings({ productListingActions: { automaticListAction: 'manual' } }) })
        .status,
    ).toBe('ready_to_list');
  });

  it('incomplete and ineligible products get the right status', () => {
    const base = { product: product(), store: store(), settings: settings(), eligibility: { eligible: true }, at: AT };
    expect(newCatalogListing({ ...base, match: { kind: 'no_match', steps: [] } }).status).toBe('unable_to_assign');
    expect(
      newCatalogListing({
        ...base,
        match: { kind: 'multiple_matches', candidates: [{ asin: 'B000000002' }], rule: 'keyword', steps: [] },
      }),
    ).toMatchObject({ status: 'multiple_matches', candidates: [{ asin: 'B000000002' }] });
    expect(
      newCatalogListing({
        ...base,
        match: { kind: 'has_variants', candidates: [{ asin: 'B000000002' }], rule: 'asin', steps: [] },
      }).status,
    ).toBe('has_variants');
    const noCondition = settings({
      productListingCondition: {
        listingCondition: 'attribute',
        conditionAttribute: 'amazon_condition',
        attributeMapping: { new_new: ['New'] },
      },
    });
    expect(newCatalogListing({ ...base, settings: noCondition, match: matched }).status).toBe('missing_condition');
    expect(
      newCatalogListing({
        ...base,
        match: matched,
        eligibility: { eligible: false, reason: 'Excluded by the listing rules' },
      }),
    ).toMatchObject({ status: 'ineligible', ineligibleReason: 'Excluded by the listing rules' });
  });

  it('imported Seller Central listings: matched ones are managed, unmatched wait on New Third Party, Amazon values become last accepted', () => {
    const row = {
      sellerSku: 'MUG-1',
      asin: 'B000000001',
      price: '19.99',
      quantity: 7,
      status: 'Active',
      fulfillment: 'FBM' as const,
      fulfillmentChannel: 'DEFAULT',
      condition: 'new_new' as const,
    };
    const managed = newThirdPartyListing({
      row,
      store: store(),
      match: { kind: 'matched', productSku: 'SKU-1', rule: 'seller_sku' },
      at: AT,
    });
    expect(managed).toMatchObject({
      status: 'active',
      productSku: 'SKU-1',
      origin: 'third_party',
      lastAccepted: { price: '19.99', quantity: 7, fulfillmentChannel: 'DEFAULT' },
    });
    expect(newThirdPartyListing({ row, store: store(), match: { kind: 'unmatched' }, at: AT }).status).toBe(
      'new_third_party',
    );
    expect(
      newThirdPartyListing({
        row: { ...row, status: 'Inactive' },
        store: store(),
        match: { kind: 'matched', productSku: 'SKU-1', rule: 'asin' },
        at: AT,
      }).status,
    ).toBe('inactive');
    expect(
      newThirdPartyListing({
        row,
        store: store(),
        match: { kind: 'matched', productSku: 'SKU-1', rule: 'asin' },
        eligibility: { eligible: false, reason: 'r' },
        at: AT,
      }),
    ).toMatchObject({ status: 'ineligible', previousStatus: 'active' });
    // The first sync sends only what our settings change: here, the handling time Amazon did not report is kept.
    const offer = computeOffer({
      listing: managed,
      product: product(),
      store: store(),
      settings: settings(),
      price: { price: '19.99' },
    }).offer;
    expect(planListingChange(offer, managed.lastAccepted)).toMatchObject({ kind: 'none' });
  });

  it('an alias SKU is a new listing tied to the same product', () => {
    expect(
      newAliasListing(listing({ overrides: { price: '1.00' } }), { aliasSku: 'SKU-1-CA', asin: 'B000000001', at: AT }),
    ).toMatchObject({
      sellerSku: 'SKU-1-CA',
      productSku: 'SKU-1',
      aliasOf: 'SKU-1',
      status: 'list_in_progress',
      overrides: {},
    });
  });
});
