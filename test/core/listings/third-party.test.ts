import {
  buildProductIndex,
  mapReportHeader,
  matchThirdPartyListing,
  parseMerchantListingRow,
  parseReportPrice,
  type ReportColumnMap,
} from '../../../src/core/listings/third-party';
import { product, settings } from './fixtures';

const HEADER = [
  'item-name',
  'listing-id',
  'seller-sku',
  'price',
  'quantity',
  'open-date',
  'item-note',
  'item-condition',
  'asin1',
  'product-id-type',
  'product-id',
  'fulfillment-channel',
  'status',
];
const columns = (() => {
  const mapped = mapReportHeader(['\uFEFFitem-name', ...HEADER.slice(1)]);
  if (!mapped.ok) throw new Error(mapped.error.message);
  return mapped.columns as ReportColumnMap;
})();
const row = (values: Record<string, string>) => HEADER.map((h) => values[h] ?? '');

describe('merchant listings report rows', () => {
  it('maps the header (BOM and case tolerant) and refuses a report without seller-sku', () => {
    expect(columns).toMatchObject({ itemName: 0, sellerSku: 2, asin: 8 });
    expect(mapReportHeader(['sku', 'asin1'])).toEqual({
      ok: false,
      error: expect.objectContaining({ column: 'seller-sku' }),
    });
  });

  it('turns a row into a typed third-party listing', () => {
    const parsed = parseMerchantListingRow(
      row({
        'seller-sku': 'MUG-1',
        'item-name': 'Blue Mug',
        price: '19.99',
        quantity: '7',
        'open-date': '2025-03-01 10:11:12 UTC',
        'item-condition': '3',
        'item-note': 'Small chip',
        asin1: 'B000000001',
        'product-id-type': '4',
        'product-id': '4006381333931',
        'fulfillment-channel': 'DEFAULT',
        status: 'Active',
      }),
      columns,
      1,
    );
    expect(parsed).toEqual({
      ok: true,
      listing: expect.objectContaining({
        sellerSku: 'MUG-1',
        asin: 'B000000001',
        price: '19.99',
        quantity: 7,
        fulfillment: 'FBM',
        condition: 'used_good',
        sellerNotes: 'Small chip',
        openedAt: '2025-03-01T10:11:12.000Z',
        productIdType: 'EAN',
        status: 'Active',
      }),
    });
  });

  it('FBA rows carry no quantity; EU and thousands prices are read exactly', () => {
    const fba = parseMerchantListingRow(
      row({ 'seller-sku': 'X', 'fulfillment-channel': 'AMAZON_EU', quantity: '' }),
      columns,
    );
    expect(fba.ok && fba.listing).toMatchObject({
      fulfillment: 'FBA',
      quantity: undefined,
      fulfillmentChannel: 'AMAZON_EU',
    });
    expect(parseReportPrice('19,99')).toBe('19.99');
    expect(parseReportPrice('1.234,50')).toBe('1234.50');
    expect(parseReportPrice('1,234.50')).toBe('1234.50');
    expect(parseReportPrice('')).toBeUndefined();
    expect(parseReportPrice('abc')).toBeNull();
  });

  it('names the column of a bad cell', () => {
    expect(parseMerchantListingRow(row({ 'seller-sku': '' }), columns, 4)).toEqual({
      ok: false,
      error: { row: 4, column: 'seller-sku', message: 'seller-sku is empty' },
    });
    expect(parseMerchantListingRow(row({ 'seller-sku': 'A', quantity: '2.5' }), columns)).toMatchObject({
      ok: false,
      error: { column: 'quantity' },
    });
    expect(parseMerchantListingRow(row({ 'seller-sku': 'A', price: 'x' }), columns)).toMatchObject({
      ok: false,
      error: { column: 'price' },
    });
    expect(parseMerchantListingRow(row({ 'seller-sku': 'A', asin1: 'B0' }), columns)).toMatchObject({
      ok: false,
      error: { column: 'asin1' },
    });
  });
});

describe('third-party matching', () => {
  const s = settings({
    thirdPartyListings: { sellerSkuAttribute: 'sku', asinAttribute: 'amazon_asin' },
    catalogSearch: { eanAttribute: 'ean', upcAttribute: 'upc' },
  });
  const index = buildProductIndex(
    [
      product({ sku: 'MUG-1', attributes: { amazon_asin: 'B000000001' } }),
      product({ sku: 'CUP', attributes: { ean: '0012345678905' } }),
      product({ sku: 'BOOK', attributes: { amazon_asin: 'B000000009' } }),
      product({ sku: 'BOOK-2', attributes: { amazon_asin: 'B000000009' } }),
    ],
    s,
  );
  const base = { status: 'Active', fulfillment: 'FBM' as const, fulfillmentChannel: 'DEFAULT' };

  it('Seller SKU first, then ASIN, then the report product id (UPC ↔ EAN by digits)', () => {
    expect(matchThirdPartyListing({ ...base, sellerSku: 'MUG-1', asin: 'B000000009' }, index)).toEqual({
      kind: 'matched',
      productSku: 'MUG-1',
      rule: 'seller_sku',
    });
    expect(matchThirdPartyListing({ ...base, sellerSku: 'OTHER', asin: 'B000000001' }, index)).toEqual({
      kind: 'matched',
      productSku: 'MUG-1',
      rule: 'asin',
    });
    expect(
      matchThirdPartyListing({ ...base, sellerSku: 'OTHER', productId: '012345678905', productIdType: 'UPC' }, index),
    ).toEqual({ kind: 'matched', productSku: 'CUP', rule: 'product_id' });
  });

  it('ambiguous or unknown listings stay unmatched (New Third Party)', () => {
    expect(matchThirdPartyListing({ ...base, sellerSku: 'OTHER', asin: 'B000000009' }, index)).toEqual({
      kind: 'ambiguous',
      productSkus: ['BOOK', 'BOOK-2'],
      rule: 'asin',
    });
    expect(matchThirdPartyListing({ ...base, sellerSku: 'NOPE' }, index)).toEqual({ kind: 'unmatched' });
  });
});
