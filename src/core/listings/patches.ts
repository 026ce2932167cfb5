import type { DesiredOffer } from './offer';
import type { OfferValues } from './types';

/**
 * Publishing plan for one listing: compare the desired offer with what Amazon last accepted and produce the
 * minimal Listings Items change in the exact SP-API shapes (sp-api.md §3.3). Only changed attributes are sent;
 * sending the same values again is harmless (a replace is idempotent), so a retried plan never does damage.
 */
export type JsonPatch = { op: 'replace' | 'delete'; path: string; value: Array<Record<string, unknown>> };

export type ChangeKind = 'create' | 'patch' | 'delete' | 'replace_asin' | 'none';

export interface PlannedChange {
  sku: string;
  marketplaceId: string;
  productType: string;
  kind: ChangeKind;
  /** Full offer attributes for create / replace_asin (a LISTING_OFFER_ONLY put). */
  attributes?: Record<string, Array<Record<string, unknown>>>;
  patches?: JsonPatch[];
  /** Offer fields that differ from the last accepted values. */
  changedFields: Array<keyof OfferValues>;
  /** What becomes "last accepted" once Amazon accepts this change. */
  sent: OfferValues;
  /** Previous accepted values, for the changes log. */
  before?: OfferValues;
  /** Merchant action or oversell risk: worth a direct API call (see routePlannedChanges). */
  urgent: boolean;
}

const LANGUAGE_TAGS: Record<string, string> = {
  ATVPDKIKX0DER: 'en_US',
  A2EUQ1WTGCTBG2: 'en_CA',
  A1AM78C64UM0Y8: 'es_MX',
  A1F83G8C2ARO7P: 'en_GB',
  A1PA6795UKMFR9: 'de_DE',
  A13V1IB3VIYZZH: 'fr_FR',
  APJ6JRA9NG5V4: 'it_IT',
  A1RKKUPIHCS9HS: 'es_ES',
  A1VC38T7YXB528: 'ja_JP',
};
export const languageTagFor = (marketplaceId: string): string => LANGUAGE_TAGS[marketplaceId] ?? 'en_US';

const OFFER_FIELDS: Array<keyof OfferValues> = [
  'price',
  'currency',
  'businessPrice',
  'quantityDiscounts',
  'quantity',
  'fulfillmentChannel',
  'handlingTimeDays',
  'condition',
  'sellerNotes',
  'listPrice',
];
const PURCHASABLE_OFFER_FIELDS = new Set<keyof OfferValues>([
  'price',
  'currency',
  'businessPrice',
  'quantityDiscounts',
]);
const FULFILLMENT_FIELDS = new Set<keyof OfferValues>(['quantity', 'fulfillmentChannel', 'handlingTimeDays']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A decimal string as the JSON number the API expects (prices have at most 2 decimals, so it is exact). */
const amount = (decimal: string): number => Number(decimal);

export const purchasableOfferValue = (o: DesiredOffer): Array<Record<string, unknown>> => {
  const offers: Array<Record<string, unknown>> = [];
  if (o.price)
    offers.push({
      marketplace_id: o.marketplaceId,
      currency: o.currency,
      audience: 'ALL',
      our_price: [{ schedule: [{ value_with_tax: amount(o.price) }] }],
    });
  if (o.businessPrice) {
    const b2b: Record<string, unknown> = {
      marketplace_id: o.marketplaceId,
      currency: o.currency,
      audience: 'B2B',
      our_price: [{ schedule: [{ value_with_tax: amount(o.businessPrice) }] }],
    };
    if (o.quantityDiscounts?.length)
      b2b.quantity_discount_plan = [
        {
          schedule: [
            {
              discount_type: 'percent',
              levels: o.quantityDiscounts.map((t) => ({
                lower_bound: t.minQuantity,
                value: amount(t.discountPercent),
              })),
            },
          ],
        },
      ];
    offers.push(b2b);
  }
  return offers;
};

export const fulfillmentAvailabilityValue = (o: DesiredOffer): Array<Record<string, unknown>> => {
  const entry: Record<string, unknown> = { fulfillment_channel_code: o.fulfillmentChannel ?? 'DEFAULT' };
  if (o.fulfillmentChannel === 'DEFAULT' || o.fulfillmentChannel === undefined) {
    if (o.quantity !== undefined) entry.quantity = o.quantity;
    if (o.handlingTimeDays !== undefined) entry.lead_time_to_ship_max_days = o.handlingTimeDays;
  }
  return [entry];
};

/** The attributes of a new offer on an existing ASIN (LISTING_OFFER_ONLY). */
export const offerAttributes = (o: DesiredOffer): Record<string, Array<Record<string, unknown>>> => {
  const mp = o.marketplaceId;
  const attributes: Record<string, Array<Record<string, unknown>>> = {
    merchant_suggested_asin: [{ value: o.asin, marketplace_id: mp }],
    condition_type: [{ value: o.condition, marketplace_id: mp }],
    purchasable_offer: purchasableOfferValue(o),
    fulfillment_availability: fulfillmentAvailabilityValue(o),
  };
  if (o.sellerNotes)
    attributes.condition_note = [{ value: o.sellerNotes, language_tag: languageTagFor(mp), marketplace_id: mp }];
  if (o.listPrice)
    attributes.list_price = [{ value_with_tax: amount(o.listPrice), currency: o.currency, marketplace_id: mp }];
  if (o.productTaxCode) attributes.product_tax_code = [{ value: o.productTaxCode, marketplace_id: mp }];
  return attributes;
};

const sentValues = (o: DesiredOffer): OfferValues => {
  const { sku: _sku, marketplaceId: _mp, productType: _pt, isNew: _new, ...values } = o;
  return values;
};

/**
 * The minimal change that brings Amazon from `lastAccepted` to `desired`. `urgent` marks merchant actions;
 * a quantity decrease is always urgent (an oversell costs more than an API call).
 */
export const planListingChange = (
  desired: DesiredOffer,
  lastAccepted: OfferValues | undefined,
  options: { merchantAction?: boolean } = {},
): PlannedChange => {
  const base = {
    sku: desired.sku,
    marketplaceId: desired.marketplaceId,
    productType: desired.productType,
    before: lastAccepted,
  };
  const sent = sentValues(desired);
  if (!lastAccepted)
    return {
      ...base,
      kind: 'create',
      attributes: offerAttributes(desired),
      changedFields: OFFER_FIELDS.filter((f) => sent[f] !== undefined),
      sent,
      urgent: Boolean(options.merchantAction),
    };
  if (lastAccepted.asin !== undefined && desired.asin !== lastAccepted.asin)
    return {
      ...base,
      kind: 'replace_asin',
      attributes: offerAttributes(desired),
      changedFields: ['asin', ...OFFER_FIELDS.filter((f) => !same(sent[f], lastAccepted[f]))],
      sent,
      urgent: true,
    };
  const changed = OFFER_FIELDS.filter((f) => !same(sent[f], lastAccepted[f]));
  if (changed.length === 0) return { ...base, kind: 'none', changedFields: [], sent, urgent: false };
  const mp = desired.marketplaceId;
  const patches: JsonPatch[] = [];
  if (changed.some((f) => PURCHASABLE_OFFER_FIELDS.has(f)) && desired.price)
    patches.push({ op: 'replace', path: '/attributes/purchasable_offer', value: purchasableOfferValue(desired) });
  if (changed.some((f) => FULFILLMENT_FIELDS.has(f)))
    patches.push({
      op: 'replace',
      path: '/attributes/fulfillment_availability',
      value: fulfillmentAvailabilityValue(desired),
    });
  if (changed.includes('condition') && desired.condition)
    patches.push({
      op: 'replace',
      path: '/attributes/condition_type',
      value: [{ value: desired.condition, marketplace_id: mp }],
    });
  if (changed.includes('sellerNotes'))
    patches.push(
      desired.sellerNotes
        ? {
            op: 'replace',
            path: '/attributes/condition_note',
            value: [{ value: desired.sellerNotes, language_tag: languageTagFor(mp), marketplace_id: mp }],
          }
        : { op: 'delete', path: '/attributes/condition_note', value: [{ marketplace_id: mp }] },
    );
  if (changed.includes('listPrice'))
    patches.push(
      desired.listPrice
        ? {
            op: 'replace',
            path: '/attributes/list_price',
            value: [{ value_with_tax: amount(desired.listPrice), currency: desired.currency, marketplace_id: mp }],
          }
        : { op: 'delete', path: '/attributes/list_price', value: [{ marketplace_id: mp }] },
    );
  const quantityDropped =
    desired.quantity !== undefined && lastAccepted.quantity !== undefined && desired.quantity < lastAccepted.quantity;
  if (patches.length === 0) return { ...base, kind: 'none', changedFields: [], sent, urgent: false };
  return {
    ...base,
    kind: 'patch',
    patches,
    changedFields: changed,
    sent,
    urgent: Boolean(options.merchantAction) || quantityDropped,
  };
};

/** Ending a listing: delete the SKU in the store's marketplace. */
export const planListingEnd = (
  listing: { sellerSku: string; productType?: string },
  marketplaceId: string,
  before?: OfferValues,
): PlannedChange => ({
  sku: listing.sellerSku,
  marketplaceId,
  productType: listing.productType ?? 'PRODUCT',
  kind: 'delete',
  changedFields: [],
  sent: {},
  before,
  urgent: true,
});

/** The patchListingsItem / putListingsItem request body of a planned change (single API route). */
export const listingsItemRequestBody = (change: PlannedChange) => {
  if (change.kind === 'patch') return { productType: change.productType, patches: change.patches ?? [] };
  if (change.kind === 'create' || change.kind === 'replace_asin')
    return {
      productType: change.productType,
      requirements: 'LISTING_OFFER_ONLY' as const,
      attributes: change.attributes ?? {},
    };
  return undefined;
};

/**
 * Which changes go straight to the Listings Items API and which wait for a JSON_LISTINGS_FEED.
 * A feed is cheap per message but createFeed allows about one call every two minutes and Amazon takes
 * minutes to process it; the API answers in a second but allows ~5 calls per second per seller.
 * Rule: ASIN replacements (delete then put, in order) always use the API; a batch of at most `apiLimit`
 * changes uses the API entirely; a bigger batch sends its urgent changes (merchant actions, quantity drops)
 * through the API up to `apiLimit` and everything else through the feed.
 */
export const routePlannedChanges = (
  changes: readonly PlannedChange[],
  apiLimit = 10,
): { api: PlannedChange[]; feed: PlannedChange[] } => {
  const work = changes.filter((c) => c.kind !== 'none');
  if (work.length <= apiLimit) return { api: work, feed: [] };
  const api: PlannedChange[] = work.filter((c) => c.kind === 'replace_asin');
  const feed: PlannedChange[] = [];
  for (const c of work) {
    if (c.kind === 'replace_asin') continue;
    if (c.urgent && api.length < apiLimit) api.push(c);
    else feed.push(c);
  }
  return { api, feed };
};

/** Offer fields whose change can move Amazon's BUYABLE status (stock or who ships it). */
const STATUS_FIELDS = new Set<keyof OfferValues>(['quantity', 'fulfillmentChannel']);

/**
 * Whether Amazon's status must be read back after an accepted change. A new offer, a relist, a replaced ASIN, or a
 * change of quantity or fulfilment channel can move the listing between Active and Inactive; a price, note or
 * handling-time change on a listing that is already listed cannot, so no read is spent on it (at 10 000 price
 * changes that read costs 500 searchListingsItems calls, ~100 s of the usage plan).
 */
export const needsStatusCheck = (status: string, change: PlannedChange): boolean =>
  change.kind === 'create' ||
  change.kind === 'replace_asin' ||
  status === 'list_in_progress' ||
  status === 'relist_in_progress' ||
  change.changedFields.some((field) => STATUS_FIELDS.has(field));

/** What reading a processing report back needs of a change (its request body is not needed once sent). */
export const withoutRequestBody = (change: PlannedChange): PlannedChange => {
  const { attributes: _attributes, patches: _patches, ...rest } = change;
  return rest;
};
