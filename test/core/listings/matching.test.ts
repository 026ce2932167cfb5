import {
  type CatalogLookupResults,
  matchingQueries,
  matchOutcomeEvent,
  matchProduct,
} from '../../../src/core/listings/matching';
import { product, settings } from './fixtures';

const s = settings({
  thirdPartyListings: { sellerSkuAttribute: 'amazon_seller_sku' },
  catalogSearch: {
    asinAttribute: 'amazon_asin',
    eanAttribute: 'ean',
    upcAttribute: 'upc',
    generalSearchAttribute: 'name',
    productIdType: 'UPC',
    productIdAttribute: 'upc',
  },
});
const mug = product({
  attributes: { amazon_seller_sku: 'MUG-AMZ', amazon_asin: 'b000000001', ean: '4006381333931', upc: '0-12345-67890-5' },
});

describe('matchingQueries', () => {
  it('lists lookups in decision #3 order, the store Product ID before other identifiers, without duplicates', () => {
    expect(matchingQueries(mug, s).map((q) => [q.rule, q.identifiersType, q.value])).toEqual([
      ['seller_sku', 'SKU', 'MUG-AMZ'],
      ['asin', 'ASIN', 'B000000001'],
      ['identifier', 'UPC', '012345678905'],
      ['identifier', 'EAN', '4006381333931'],
      ['keyword', undefined, 'Blue Mug'],
    ]);
  });

  it('skips empty attributes, malformed ASINs and unconfigured rules', () => {
    const bare = product({ attributes: { amazon_asin: 'not-an-asin' } });
    expect(matchingQueries(bare, settings({ thirdPartyListings: { sellerSkuAttribute: null } }))).toEqual([]);
  });
});

describe('matchProduct', () => {
  const keys = matchingQueries(mug, s).map((q) => q.key);

  it('asks for the next lookup it lacks, in order', () => {
    const first = matchProduct(mug, s, {});
    expect(first).toMatchObject({ kind: 'lookup', query: { rule: 'seller_sku' } });
    const second = matchProduct(mug, s, { [keys[0]]: [] });
    expect(second).toMatchObject({ kind: 'lookup', query: { rule: 'asin' }, steps: [{ found: 0 }] });
  });

  it('the first rule with exactly one ASIN wins', () => {
    const results: CatalogLookupResults = {
      [keys[0]]: [],
      [keys[1]]: [{ asin: 'B000000001', classification: 'BASE_PRODUCT' }],
    };
    expect(matchProduct(mug, s, results)).toMatchObject({ kind: 'matched', asin: 'B000000001', rule: 'asin' });
    const bySku = matchProduct(mug, s, { [keys[0]]: [{ asin: 'B000000007' }] });
    expect(bySku).toMatchObject({ kind: 'matched', asin: 'B000000007', rule: 'seller_sku' });
  });

  it('several ASINs or a variation parent mean Multiple Matches Found', () => {
    const several = matchProduct(mug, s, {
      [keys[0]]: [],
      [keys[1]]: [],
      [keys[2]]: [{ asin: 'B000000002' }, { asin: 'B000000003' }, { asin: 'B000000002' }],
    });
    expect(several).toMatchObject({
      kind: 'multiple_matches',
      rule: 'identifier',
      candidates: [{ asin: 'B000000002' }, { asin: 'B000000003' }],
    });
    const parent = matchProduct(mug, s, { [keys[0]]: [{ asin: 'B0000000P1', classification: 'VARIATION_PARENT' }] });
    expect(parent).toMatchObject({ kind: 'multiple_matches', candidates: [{ asin: 'B0000000P1' }] });
    expect(matchOutcomeEvent(parent)).toEqual({
      type: 'multiple_matches',
      candidates: [expect.objectContaining({ asin: 'B0000000P1' })],
    });
  });

  it('keyword searches are the last resort; nothing at all is no match', () => {
    const allEmpty = Object.fromEntries(keys.map((k) => [k, []]));
    expect(matchProduct(mug, s, allEmpty)).toMatchObject({
      kind: 'no_match',
      steps: expect.arrayContaining([expect.objectContaining({ found: 0 })]),
    });
    expect(matchOutcomeEvent(matchProduct(mug, s, allEmpty))).toEqual({ type: 'no_match' });
    const keyword = matchProduct(mug, s, { ...allEmpty, [keys[4]]: [{ asin: 'B000000004' }] });
    expect(keyword).toMatchObject({ kind: 'matched', rule: 'keyword' });
    expect(matchOutcomeEvent(matchProduct(mug, s, {}))).toBeUndefined();
  });

  it('configurable products need a child picked by hand (Has Variants)', () => {
    const shirt = product({ typeId: 'configurable', attributes: { amazon_asin: 'B0000000P1' } });
    const [q] = matchingQueries(shirt, s);
    expect(
      matchProduct(shirt, s, { [q.key]: [{ asin: 'B0000000P1', classification: 'VARIATION_PARENT' }] }),
    ).toMatchObject({
      kind: 'has_variants',
    });
  });
});
