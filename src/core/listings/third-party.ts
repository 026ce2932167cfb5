import type { ListingSettings } from '../settings/listing-settings';
import { type ConditionCode, REPORT_CONDITION_CODES } from './condition';
import { ASIN_PATTERN, normaliseIdentifier, type SearchIdentifierType } from './matching';
import { attributeText } from './product-rules';
import type { CatalogProduct, FulfillmentChannelCode, FulfillmentMode } from './types';

/**
 * Third-party listings (SPEC 3.2, 4.2 "New Third Party"): rows of GET_MERCHANT_LISTINGS_ALL_DATA turned into
 * typed records, and matched to catalog products. The adapter streams and decodes the report (csv-parse with
 * tab delimiter, iconv-lite cp1252 in EU); this module maps the header once and each row on its own.
 */

export interface ThirdPartyListing {
  sellerSku: string;
  asin?: string;
  itemName?: string;
  /** Decimal string. */
  price?: string;
  /** Absent for FBA (the report leaves it blank). */
  quantity?: number;
  /** Report status: Active, Inactive, Incomplete. */
  status: string;
  fulfillmentChannel: FulfillmentChannelCode | string;
  fulfillment: FulfillmentMode;
  /** ISO time when the report's open-date could be read. */
  openedAt?: string;
  listingId?: string;
  productId?: string;
  productIdType?: 'ASIN' | 'ISBN' | 'UPC' | 'EAN';
  condition?: ConditionCode;
  sellerNotes?: string;
}

export const MERCHANT_LISTINGS_COLUMNS = {
  sellerSku: 'seller-sku',
  asin: 'asin1',
  itemName: 'item-name',
  price: 'price',
  quantity: 'quantity',
  status: 'status',
  fulfillmentChannel: 'fulfillment-channel',
  openDate: 'open-date',
  listingId: 'listing-id',
  productId: 'product-id',
  productIdType: 'product-id-type',
  itemCondition: 'item-condition',
  itemNote: 'item-note',
} as const;
type ColumnName = keyof typeof MERCHANT_LISTINGS_COLUMNS;
export type ReportColumnMap = Partial<Record<ColumnName, number>>;

const REQUIRED_COLUMNS: ColumnName[] = ['sellerSku', 'asin'];
const PRODUCT_ID_TYPES: Record<string, ThirdPartyListing['productIdType']> = {
  '1': 'ASIN',
  '2': 'ISBN',
  '3': 'UPC',
  '4': 'EAN',
};

export interface ReportRowError {
  /** 1-based data row number when known. */
  row?: number;
  column: string;
  message: string;
}

/** Maps the header line to column positions; names are matched case-insensitively, a BOM is ignored. */
export const mapReportHeader = (
  header: readonly string[],
): { ok: true; columns: ReportColumnMap } | { ok: false; error: ReportRowError } => {
  const positions = new Map(
    header.map((name, i) => [
      name
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
      i,
    ]),
  );
  const columns: ReportColumnMap = {};
  for (const [key, name] of Object.entries(MERCHANT_LISTINGS_COLUMNS) as Array<[ColumnName, string]>) {
    const position = positions.get(name);
    if (position !== undefined) columns[key] = position;
  }
  for (const key of REQUIRED_COLUMNS)
    if (columns[key] === undefined)
      return {
        ok: false,
        error: {
          column: MERCHANT_LISTINGS_COLUMNS[key],
          message: `the report has no "${MERCHANT_LISTINGS_COLUMNS[key]}" column`,
        },
      };
  return { ok: true, columns };
};

/** "19.99", "19,99" (EU reports) or "1,234.50" → decimal string; undefined when blank. */
export const parseReportPrice = (raw: string | undefined): string | undefined | null => {
  const v = raw?.trim();
  if (!v) return undefined;
  let normalised = v;
  if (/^\d{1,3}(\.\d{3})*,\d{1,2}$/.test(v)) normalised = v.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(v)) normalised = v.replace(/,/g, '');
  return /^\d+(\.\d{1,4})?$/.test(normalised) ? normalised : null;
};

/** "2026-01-01 10:00:00 UTC" or "2026-01-01T10:00:00Z" → ISO; other zone names are not guessed. */
const parseOpenDate = (raw: string | undefined): string | undefined => {
  const m = raw?.trim().match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\s*(UTC|GMT|Z))?$/);
  return m ? `${m[1]}T${m[2]}.000Z` : undefined;
};

export const parseMerchantListingRow = (
  cells: readonly string[],
  columns: ReportColumnMap,
  rowNumber?: number,
): { ok: true; listing: ThirdPartyListing } | { ok: false; error: ReportRowError } => {
  const cell = (key: ColumnName): string | undefined => {
    const i = columns[key];
    const v = i === undefined ? undefined : cells[i]?.trim();
    return v === '' ? undefined : v;
  };
  const fail = (key: ColumnName, message: string) => ({
    ok: false as const,
    error: { row: rowNumber, column: MERCHANT_LISTINGS_COLUMNS[key], message },
  });
  const sellerSku = cell('sellerSku');
  if (!sellerSku) return fail('sellerSku', 'seller-sku is empty');
  const asin = cell('asin')?.toUpperCase();
  if (asin && !ASIN_PATTERN.test(asin)) return fail('asin', `asin1 "${asin}" is not an ASIN`);
  const price = parseReportPrice(cell('price'));
  if (price === null) return fail('price', `price "${cell('price')}" is not an amount`);
  const rawQuantity = cell('quantity');
  const quantity = rawQuantity === undefined ? undefined : Number(rawQuantity);
  if (quantity !== undefined && !(Number.isInteger(quantity) && quantity >= 0))
    return fail('quantity', `quantity "${rawQuantity}" is not a whole number`);
  const channel = cell('fulfillmentChannel') ?? 'DEFAULT';
  const fulfillment: FulfillmentMode = /^AMAZON/i.test(channel) ? 'FBA' : 'FBM';
  return {
    ok: true,
    listing: {
      sellerSku,
      asin,
      itemName: cell('itemName'),
      price,
      quantity: fulfillment === 'FBA' ? undefined : quantity,
      status: cell('status') ?? 'Active',
      fulfillmentChannel: channel.toUpperCase(),
      fulfillment,
      openedAt: parseOpenDate(cell('openDate')),
      listingId: cell('listingId'),
      productId: cell('productId'),
      productIdType: PRODUCT_ID_TYPES[cell('productIdType') ?? ''],
      condition: REPORT_CONDITION_CODES[cell('itemCondition') ?? ''],
      sellerNotes: cell('itemNote'),
    },
  };
};

/** Catalog lookups for third-party matching, built once per import. */
export interface ProductIndex {
  bySellerSku: Map<string, string[]>;
  byAsin: Map<string, string[]>;
  byIdentifier: Map<string, string[]>;
}

const add = (map: Map<string, string[]>, key: string | undefined, sku: string): void => {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [sku]);
  else if (!list.includes(sku)) list.push(sku);
};

export const buildProductIndex = (products: Iterable<CatalogProduct>, settings: ListingSettings): ProductIndex => {
  const index: ProductIndex = { bySellerSku: new Map(), byAsin: new Map(), byIdentifier: new Map() };
  const cs = settings.catalogSearch;
  const identifierAttributes: Array<[SearchIdentifierType, string | null]> = [
    ['EAN', cs.eanAttribute],
    ['UPC', cs.upcAttribute],
    ['ISBN', cs.isbnAttribute],
    ['GTIN', cs.gtinAttribute],
    ['JAN', cs.janAttribute],
  ];
  if (cs.productIdType && cs.productIdType !== 'GCID')
    identifierAttributes.unshift([cs.productIdType, cs.productIdAttribute]);
  for (const p of products) {
    add(index.bySellerSku, attributeText(p, settings.thirdPartyListings.sellerSkuAttribute), p.sku);
    for (const code of new Set([settings.thirdPartyListings.asinAttribute, cs.asinAttribute]))
      add(index.byAsin, attributeText(p, code)?.toUpperCase(), p.sku);
    for (const [type, attribute] of identifierAttributes) {
      const value = attributeText(p, attribute);
      // Report product-ids are UPC/EAN/ISBN; GTIN-family codes compare on their digits.
      if (value) add(index.byIdentifier, `${type === 'ISBN' ? 'ISBN' : 'GTIN'}:${gtinKey(type, value)}`, p.sku);
    }
  }
  return index;
};

const gtinKey = (type: SearchIdentifierType, value: string): string => {
  const v = normaliseIdentifier(type, value);
  return type === 'ISBN' ? v : v.replace(/^0+/, '');
};

export type ThirdPartyMatch =
  | { kind: 'matched'; productSku: string; rule: 'seller_sku' | 'asin' | 'product_id' }
  | { kind: 'ambiguous'; productSkus: string[]; rule: 'seller_sku' | 'asin' | 'product_id' }
  | { kind: 'unmatched' };

/** Seller SKU attribute → ASIN attribute → report product-id by its type (decision #3: Seller SKU wins). */
export const matchThirdPartyListing = (listing: ThirdPartyListing, index: ProductIndex): ThirdPartyMatch => {
  const attempts: Array<['seller_sku' | 'asin' | 'product_id', string[] | undefined]> = [
    ['seller_sku', index.bySellerSku.get(listing.sellerSku)],
    ['asin', listing.asin ? index.byAsin.get(listing.asin) : undefined],
  ];
  if (listing.productId && listing.productIdType) {
    const found =
      listing.productIdType === 'ASIN'
        ? index.byAsin.get(listing.productId.toUpperCase())
        : index.byIdentifier.get(
            `${listing.productIdType === 'ISBN' ? 'ISBN' : 'GTIN'}:${gtinKey(listing.productIdType, listing.productId)}`,
          );
    attempts.push(['product_id', found]);
  }
  for (const [rule, skus] of attempts) {
    if (!skus || skus.length === 0) continue;
    if (skus.length === 1) return { kind: 'matched', productSku: skus[0], rule };
    return { kind: 'ambiguous', productSkus: [...skus], rule };
  }
  return { kind: 'unmatched' };
};
