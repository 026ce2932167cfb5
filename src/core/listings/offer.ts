import Big from 'big.js';
import { BUSINESS_PRICING_COUNTRIES, type ListingSettings } from '../settings/listing-settings';
import { defaultSellerNotes } from './product-rules';
import { computeListedQuantity, type QuantityStep } from './quantity';
import type {
  CatalogProduct,
  FulfillmentChannelCode,
  Listing,
  ListingOverrides,
  OfferValues,
  StoreContext,
} from './types';

/**
 * The offer we want Amazon to hold for one listing. Overrides (SPEC 3.11) beat every setting and rule,
 * field by field. The price comes from the pricing engine (already converted, ruled, MAP/VAT applied and
 * rounded); this module only decides which value wins and fills in the non-price fields.
 */
export interface PriceInput {
  /** Final listing price in the marketplace currency, decimal string. */
  price?: string;
  /** B2B price when the pricing engine computed one; defaults to the list price. */
  businessPrice?: string;
  /** MSRP in the marketplace currency; when absent, the MSRP attribute is used only without currency conversion. */
  msrp?: string;
}

export interface DesiredOffer extends OfferValues {
  sku: string;
  asin?: string;
  marketplaceId: string;
  currency: string;
  productType: string;
  /** True while Amazon holds no offer for the SKU (first listing). */
  isNew: boolean;
}

export interface OfferResult {
  offer: DesiredOffer;
  /** Why a field was left out or changed, for the changes log. */
  notes: string[];
  quantitySteps: QuantityStep[];
  /** False when the offer cannot be published (e.g. no price). */
  publishable: boolean;
}

const BUSINESS_PRICE_MINIMUM = '1.00';

export const channelCode = (
  fulfillment: Listing['fulfillment'],
  region: StoreContext['region'],
): FulfillmentChannelCode =>
  fulfillment === 'FBA' ? (`AMAZON_${region.toUpperCase()}` as FulfillmentChannelCode) : 'DEFAULT';

const positiveAmount = (value: unknown): string | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  try {
    const amount = new Big(String(value));
    return amount.gt(0) ? amount.toFixed(2) : undefined;
  } catch {
    return undefined;
  }
};

export const computeOffer = (input: {
  listing: Listing;
  product: CatalogProduct;
  store: StoreContext;
  settings: ListingSettings;
  price: PriceInput;
  /** Defaults to the listing's own overrides. */
  overrides?: ListingOverrides;
  /** The regional winner's quantity (resolveRegionalQuantities), when another store decides it. */
  regionalQuantity?: number;
}): OfferResult => {
  const { listing, product, store, settings } = input;
  const overrides = input.overrides ?? listing.overrides;
  const notes: string[] = [];
  const fba = listing.fulfillment === 'FBA';

  const price = overrides.price ?? input.price.price;
  if (overrides.price !== undefined) notes.push(`price override ${overrides.price}`);
  const quantityDecision = computeListedQuantity({
    product,
    settings,
    eligible: listing.eligible,
    fulfillment: listing.fulfillment,
  });
  let quantity = quantityDecision.quantity;
  const quantitySteps = [...quantityDecision.steps];
  if (!fba && listing.eligible && input.regionalQuantity !== undefined && input.regionalQuantity !== quantity) {
    quantity = input.regionalQuantity;
    quantitySteps.push({ rule: 'regional', quantity, note: 'the oldest store in the region decides the quantity' });
  }

  // Default Handling Time applies only to listings this app created; Seller Central listings keep Amazon's.
  let handlingTimeDays: number | undefined;
  if (!fba) {
    handlingTimeDays =
      overrides.handlingTimeDays ??
      (listing.origin === 'catalog'
        ? settings.productListingActions.defaultHandlingTimeDays
        : listing.lastAccepted?.handlingTimeDays);
  }
  const condition = (!fba ? overrides.condition : undefined) ?? listing.condition;
  const sellerNotes = overrides.sellerNotes ?? defaultSellerNotes(condition, settings);

  const offer: DesiredOffer = {
    sku: listing.sellerSku,
    asin: listing.asin,
    marketplaceId: store.marketplaceId,
    currency: store.currency,
    productType: listing.productType ?? 'PRODUCT',
    isNew: listing.lastAccepted === undefined,
    price,
    quantity,
    fulfillmentChannel: channelCode(listing.fulfillment, store.region),
    handlingTimeDays,
    condition,
    sellerNotes,
  };

  const b = settings.businessPrice;
  if (b.enabled && (BUSINESS_PRICING_COUNTRIES as readonly string[]).includes(store.country) && price) {
    const business = input.price.businessPrice ?? price;
    if (new Big(business).lt(BUSINESS_PRICE_MINIMUM))
      notes.push(`business price ${business} is below 1.00 and is not sent`);
    else {
      offer.businessPrice = new Big(business).toFixed(2);
      if (b.tieredPricing && b.tiers.length) offer.quantityDiscounts = b.tiers.map((t) => ({ ...t }));
    }
  }

  const msrp =
    input.price.msrp ??
    (settings.listingPrice.currencyConversion
      ? undefined
      : positiveAmount(product.attributes[settings.listingPrice.msrpAttribute ?? '']));
  if (settings.listingPrice.msrpAttribute && msrp) offer.listPrice = msrp;

  const lp = settings.listingPrice;
  if (offer.isNew && store.country === 'GB' && lp.productTaxCode === 'set_default' && lp.defaultProductTaxCode)
    offer.productTaxCode = lp.defaultProductTaxCode;

  let publishable = true;
  if (!price) {
    publishable = false;
    notes.push('no price: the product has no value for the price source');
  }
  if (!listing.asin) {
    publishable = false;
    notes.push('no ASIN');
  }
  if (!condition) {
    publishable = false;
    notes.push('no condition');
  }
  return { offer, notes, quantitySteps, publishable };
};
