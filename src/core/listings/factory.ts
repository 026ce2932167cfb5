import type { ListingSettings } from '../settings/listing-settings';
import type { MatchOutcome } from './matching';
import { channelCode } from './offer';
import { type Eligibility, resolveCondition, resolveFulfillment } from './product-rules';
import type { ThirdPartyListing, ThirdPartyMatch } from './third-party';
import type { CatalogProduct, Listing, ListingStatus, StoreContext } from './types';

/** Builders of new listing records: from a catalog product, from a Seller Central listing, as an alias. */

export const newCatalogListing = (input: {
  product: CatalogProduct;
  store: StoreContext;
  settings: ListingSettings;
  match: Exclude<MatchOutcome, { kind: 'lookup' }>;
  eligibility: Eligibility;
  at: string;
}): Listing => {
  const { product, store, settings, match, eligibility, at } = input;
  const condition = resolveCondition(product, settings);
  const asin = match.kind === 'matched' ? match.asin : undefined;
  let status: ListingStatus;
  if (!eligibility.eligible) status = 'ineligible';
  else if (match.kind === 'multiple_matches') status = 'multiple_matches';
  else if (match.kind === 'has_variants') status = 'has_variants';
  else if (!asin) status = 'unable_to_assign';
  else if (!condition) status = 'missing_condition';
  else
    status = settings.productListingActions.automaticListAction === 'automatic' ? 'list_in_progress' : 'ready_to_list';
  return {
    storeId: store.storeId,
    sellerSku: product.sku,
    productSku: product.sku,
    asin,
    name: product.name,
    origin: 'catalog',
    status,
    fulfillment: resolveFulfillment(product, settings),
    condition,
    eligible: eligibility.eligible,
    ineligibleReason: eligibility.reason,
    candidates: match.kind === 'multiple_matches' || match.kind === 'has_variants' ? match.candidates : undefined,
    overrides: {},
    issues: [],
    updatedAt: at,
  };
};

/**
 * A Seller Central listing found by the import. Matched ones are managed right away (Active, Inactive or
 * Ineligible by Amazon's status and the rules); unmatched ones wait on New Third Party. What Amazon holds
 * becomes "last accepted", so the first sync only sends what our settings change.
 */
export const newThirdPartyListing = (input: {
  row: ThirdPartyListing;
  store: StoreContext;
  match: ThirdPartyMatch;
  eligibility?: Eligibility;
  at: string;
}): Listing => {
  const { row, store, match, at } = input;
  const matched = match.kind === 'matched';
  const eligible = input.eligibility?.eligible ?? true;
  const amazonStatus: Listing['amazonStatus'] =
    row.status.toLowerCase() === 'active' ? ['BUYABLE', 'DISCOVERABLE'] : row.asin ? ['DISCOVERABLE'] : [];
  let status: ListingStatus = 'new_third_party';
  if (matched) status = !eligible ? 'ineligible' : row.status.toLowerCase() === 'active' ? 'active' : 'inactive';
  return {
    storeId: store.storeId,
    sellerSku: row.sellerSku,
    productSku: matched ? match.productSku : undefined,
    asin: row.asin,
    name: row.itemName,
    origin: 'third_party',
    status,
    previousStatus:
      status === 'ineligible' ? (row.status.toLowerCase() === 'active' ? 'active' : 'inactive') : undefined,
    fulfillment: row.fulfillment,
    condition: row.condition,
    eligible,
    ineligibleReason: eligible ? undefined : input.eligibility?.reason,
    overrides: {},
    lastAccepted: {
      asin: row.asin,
      price: row.price,
      currency: store.currency,
      quantity: row.quantity,
      fulfillmentChannel: channelCode(row.fulfillment, store.region),
      condition: row.condition,
      sellerNotes: row.sellerNotes,
    },
    amazonStatus,
    inactiveReason: status === 'inactive' ? `Amazon reports the listing as ${row.status}` : undefined,
    issues: [],
    updatedAt: at,
  };
};

/**
 * Create Alias Seller SKU (SPEC 4.4): a second listing for the same catalog product, with its own regional
 * data. It starts as a new listing (List in Progress) on the given ASIN, without the source's overrides.
 */
export const newAliasListing = (source: Listing, input: { aliasSku: string; asin: string; at: string }): Listing => ({
  storeId: source.storeId,
  sellerSku: input.aliasSku,
  productSku: source.productSku,
  asin: input.asin,
  name: source.name,
  productType: source.productType,
  origin: 'catalog',
  status: 'list_in_progress',
  fulfillment: source.fulfillment,
  condition: source.condition,
  eligible: source.eligible,
  overrides: {},
  issues: [],
  aliasOf: source.sellerSku,
  updatedAt: input.at,
});
