import type { ConditionCode } from './condition';

/**
 * The listings domain's records. A Listing is one Seller SKU of one store (one marketplace). Catalog products
 * are what the Commerce adapter hands in: attribute values already resolved to option labels.
 */

/** Our own status enum (decision #10): one value per tab state and per in-flight operation. */
export const LISTING_STATUSES = [
  // Incomplete tab: the four documented reasons.
  'missing_condition',
  'unable_to_assign',
  'multiple_matches',
  'has_variants',
  'new_third_party',
  'ready_to_list',
  'list_in_progress',
  'relist_in_progress',
  'end_in_progress',
  'active',
  'inactive',
  'ineligible',
  'manually_ended',
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const STATUS_LABELS: Record<ListingStatus, string> = {
  missing_condition: 'Missing Condition',
  unable_to_assign: 'Unable to Assign to Amazon Listing',
  multiple_matches: 'Multiple Matches Found',
  has_variants: 'Has Variants',
  new_third_party: 'New Third Party',
  ready_to_list: 'Ready to List',
  list_in_progress: 'List in Progress',
  relist_in_progress: 'Relist in Progress',
  end_in_progress: 'End in Progress',
  active: 'Active',
  inactive: 'Inactive',
  ineligible: 'Ineligible',
  manually_ended: 'Manually Ended',
};

export const INCOMPLETE_STATUSES = [
  'missing_condition',
  'unable_to_assign',
  'multiple_matches',
  'has_variants',
] as const;
export const IN_PROGRESS_STATUSES = ['list_in_progress', 'relist_in_progress', 'end_in_progress'] as const;
/** Statuses whose listing exists on Amazon and is managed by us. */
export const LISTED_STATUSES = ['active', 'inactive', 'ineligible'] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];

export type FulfillmentMode = 'FBM' | 'FBA';
/** Listings Items `fulfillment_channel_code`: DEFAULT = merchant; AMAZON_<region> = FBA. */
export type FulfillmentChannelCode = 'DEFAULT' | 'AMAZON_NA' | 'AMAZON_EU' | 'AMAZON_FE';

export interface ListingIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames?: string[];
}

export interface MatchCandidate {
  asin: string;
  title?: string;
  classification?: 'BASE_PRODUCT' | 'VARIATION_PARENT' | 'VARIATION_CHILD' | string;
}

/** The four per-listing override types (SPEC 3.11); absent = no override. */
export interface ListingOverrides {
  /** Decimal string in the marketplace currency. */
  price?: string;
  handlingTimeDays?: number;
  condition?: ConditionCode;
  sellerNotes?: string;
}

/** The offer values Amazon holds for the listing: what we last saw accepted. */
export interface OfferValues {
  asin?: string;
  /** Decimal string. */
  price?: string;
  currency?: string;
  /** Absent for FBA (Amazon owns the stock). */
  quantity?: number;
  fulfillmentChannel?: FulfillmentChannelCode;
  handlingTimeDays?: number;
  condition?: ConditionCode;
  sellerNotes?: string;
  /** B2B price (decimal string) and quantity tiers. */
  businessPrice?: string;
  quantityDiscounts?: Array<{ minQuantity: number; discountPercent: string }>;
  /** MSRP shown struck through (list_price), decimal string. */
  listPrice?: string;
  productTaxCode?: string;
}

export interface Listing {
  storeId: string;
  sellerSku: string;
  /** Commerce product this listing is tied to; absent for unmatched third-party listings. */
  productSku?: string;
  asin?: string;
  name?: string;
  productType?: string;
  /** Created by this app from the catalog, or imported from Seller Central. */
  origin: 'catalog' | 'third_party';
  status: ListingStatus;
  /** For in-flight and Ineligible statuses: the status to return to (or show the tab of). */
  previousStatus?: ListingStatus;
  fulfillment: FulfillmentMode;
  condition?: ConditionCode;
  eligible: boolean;
  ineligibleReason?: string;
  candidates?: MatchCandidate[];
  overrides: ListingOverrides;
  /** What Amazon last accepted for this SKU; absent until first published. */
  lastAccepted?: OfferValues;
  /** Amazon-side state as last reported. */
  amazonStatus?: Array<'BUYABLE' | 'DISCOVERABLE'>;
  inactiveReason?: string;
  issues: ListingIssue[];
  /** Alias SKUs created from this listing, and the listing an alias came from. */
  aliasOf?: string;
  /** Replaced by this listing (Edit Assigned ASIN / alias with removal). */
  replacedBy?: string;
  updatedAt: string;
}

/** A Commerce product as the listings core sees it. */
export interface CatalogProduct {
  sku: string;
  name: string;
  typeId: string;
  /** Commerce product status. */
  enabled: boolean;
  /** Attribute code → value; dropdowns resolved to option labels. Prices as decimal strings. */
  attributes: Record<string, string | number | boolean | null | undefined>;
  stock: ProductStock;
  /** For configurable products: the children's SKUs (their variants). */
  childSkus?: string[];
}

export interface ProductStock {
  manageStock: boolean;
  /** MSI salable quantity for the store's website stock; undefined when MSI is off. */
  salableQuantity?: number;
  /** Legacy stock item quantity (MSI off). */
  legacyQuantity?: number;
  isInStock?: boolean;
}

/** Product types Amazon Sales Channel cannot list (SPEC 9.1). */
export const UNLISTABLE_PRODUCT_TYPES = ['bundle', 'grouped', 'giftcard'] as const;

/** A marketplace-scoped context every pure function needs: which store, where, in which currency. */
export interface StoreContext {
  storeId: string;
  sellerId: string;
  marketplaceId: string;
  currency: string;
  region: 'na' | 'eu' | 'fe';
  country: string;
  createdAt: string;
}
