import {
  CONDITION_CODES,
  type ConditionCode,
  type Listing,
  type ListingEvent,
  type ListingOverrides,
  newAliasListing,
  transition,
} from '../../core/listings';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { findCatalogProduct } from './catalog';
import type { ListingsContext } from './context';
import { publishListings } from './publish';

/** The row and mass actions of the Product Listings grid (SPEC 4.4), each a listing event then a publish. */
export const LISTING_ACTIONS = [
  'publish',
  'end',
  'switch_fulfillment',
  'alias_sku',
  'assign_asin',
  'set_condition',
  'set_override',
  'remove_override',
  'assign_catalog_product',
] as const;
export type ListingActionName = (typeof LISTING_ACTIONS)[number];

export interface ListingActionInput {
  action: ListingActionName;
  skus: string[];
  asin?: string;
  condition?: ConditionCode;
  overrides?: ListingOverrides;
  removeOverrides?: Array<keyof ListingOverrides>;
  aliasSku?: string;
  removeExisting?: boolean;
  productSku?: string;
}

export interface ListingActionResult {
  updated: Array<{ sellerSku: string; status: string }>;
  errors: Array<{ sellerSku: string; message: string }>;
  published?: Awaited<ReturnType<typeof publishListings>>;
}

const ASIN = /^[A-Z0-9]{10}$/;

const eventFor = (listing: Listing, input: ListingActionInput): ListingEvent => {
  switch (input.action) {
    case 'publish':
      return { type: 'publish_requested' };
    case 'end':
      return { type: 'end_requested' };
    case 'switch_fulfillment':
      return { type: 'fulfillment_switched', to: listing.fulfillment === 'FBA' ? 'FBM' : 'FBA' };
    case 'assign_asin':
      if (!input.asin || !ASIN.test(input.asin))
        throw new ValidationError('asin must be 10 letters or digits', { asin: 'invalid' });
      // Incomplete listings get their match; listed ones move to the new ASIN (Edit Assigned ASIN).
      return ['active', 'inactive', 'ineligible'].includes(listing.status)
        ? { type: 'asin_reassigned', asin: input.asin }
        : { type: 'match_found', asin: input.asin };
    case 'set_condition':
      if (!input.condition || !(CONDITION_CODES as readonly string[]).includes(input.condition))
        throw new ValidationError('condition must be one of the Amazon conditions', { condition: 'invalid' });
      return { type: 'condition_set', condition: input.condition };
    case 'set_override':
      if (!input.overrides) throw new ValidationError('overrides are required', { overrides: 'missing' });
      return { type: 'override_set', overrides: input.overrides };
    case 'remove_override':
      return {
        type: 'override_removed',
        fields: input.removeOverrides ?? ['price', 'handlingTimeDays', 'condition', 'sellerNotes'],
      };
    case 'alias_sku':
      if (!input.aliasSku) throw new ValidationError('aliasSku is required', { aliasSku: 'missing' });
      return { type: 'alias_sku_created', aliasSku: input.aliasSku, removeExisting: Boolean(input.removeExisting) };
    case 'assign_catalog_product':
      if (!input.productSku) throw new ValidationError('productSku is required', { productSku: 'missing' });
      return { type: 'catalog_product_assigned', productSku: input.productSku, eligible: true };
  }
};

export const runListingAction = async (
  lc: ListingsContext,
  input: ListingActionInput,
  jobId: string,
): Promise<ListingActionResult> => {
  // Assign Catalog Product ties the listing to a product for good: it must exist in Commerce.
  if (
    input.action === 'assign_catalog_product' &&
    input.productSku &&
    !(await findCatalogProduct(lc, input.productSku))
  )
    throw new ValidationError(`no Commerce product with SKU ${input.productSku}`, { productSku: 'not found' });
  const listings = await lc.repo.getMany(input.skus);
  const tctx = { automaticListAction: lc.settings.productListingActions.automaticListAction, at: lc.at() };
  const result: ListingActionResult = { updated: [], errors: [] };
  const saved: Listing[] = [];
  for (const sku of input.skus) {
    const listing = listings.get(sku);
    if (!listing) {
      result.errors.push({ sellerSku: sku, message: `no listing with Seller SKU ${sku}` });
      continue;
    }
    if (input.action === 'alias_sku' && input.aliasSku && (await lc.repo.get(input.aliasSku)))
      throw new ConflictError(`Seller SKU ${input.aliasSku} is already used by another listing`);
    const moved = transition(listing, eventFor(listing, input), tctx);
    if (!moved.ok) {
      result.errors.push({ sellerSku: sku, message: moved.error.message });
      continue;
    }
    let next = moved.listing;
    if (input.action === 'assign_catalog_product') next = { ...next, productSku: input.productSku };
    saved.push(next);
    result.updated.push({ sellerSku: sku, status: next.status });
    if (input.action === 'alias_sku' && input.aliasSku) {
      const alias = newAliasListing(listing, {
        aliasSku: input.aliasSku,
        asin: input.asin ?? listing.asin ?? '',
        at: lc.at(),
      });
      saved.push(alias);
      result.updated.push({ sellerSku: alias.sellerSku, status: alias.status });
    }
  }
  if (saved.length === 0 && result.errors.length) return result;
  await lc.repo.save(saved);
  // Merchant actions go out at once (urgent path); bulk ones beyond the API limit wait for the feed.
  result.published = await publishListings(lc, {
    sellerSkus: saved.map((l) => l.sellerSku),
    merchantAction: true,
    reason: `merchant action: ${input.action}`,
    jobId,
  });
  const after = await lc.repo.getMany(saved.map((l) => l.sellerSku));
  result.updated = result.updated.map((u) => ({ ...u, status: after.get(u.sellerSku)?.status ?? u.status }));
  return result;
};

export const requireListing = async (lc: ListingsContext, sku: string): Promise<Listing> => {
  const listing = await lc.repo.get(sku);
  if (!listing) throw new NotFoundError(`no listing with Seller SKU ${sku} in store ${lc.store.id}`);
  return listing;
};
