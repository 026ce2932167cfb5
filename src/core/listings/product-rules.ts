import type { ProductPredicate } from '../conditions';
import type { ListingSettings } from '../settings/listing-settings';
import type { ConditionCode } from './condition';
import { type CatalogProduct, type FulfillmentMode, UNLISTABLE_PRODUCT_TYPES } from './types';

/**
 * What the store's settings and listing rules say about one catalog product: whether it may be listed,
 * in which condition, and who fulfils it.
 */

export interface Eligibility {
  eligible: boolean;
  /** Merchant-facing reason when not eligible. */
  reason?: string;
}

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
};

export const attributeText = (product: CatalogProduct, code: string | null | undefined): string | undefined =>
  code ? text(code === 'sku' ? product.sku : code === 'name' ? product.name : product.attributes[code]) : undefined;

/** The quantity Commerce has before any listing rule: MSI salable quantity, else the legacy stock item. */
export const commerceQuantity = (product: CatalogProduct): number => {
  const { stock } = product;
  if (stock.isInStock === false) return 0;
  return stock.salableQuantity ?? stock.legacyQuantity ?? 0;
};

/**
 * Eligibility (SPEC 3.10, 3.5, 9.1), first failing check wins:
 * unlistable product type → disabled product → listing rules (no rules = everything) → stock below the
 * out-of-stock threshold (managed stock only).
 */
export const evaluateEligibility = (
  product: CatalogProduct,
  settings: ListingSettings,
  listingRule?: ProductPredicate,
  facts?: Parameters<ProductPredicate>[0],
): Eligibility => {
  if ((UNLISTABLE_PRODUCT_TYPES as readonly string[]).includes(product.typeId))
    return { eligible: false, reason: `${product.typeId} products cannot be listed on Amazon` };
  if (!product.enabled) return { eligible: false, reason: 'The product is disabled in Commerce' };
  if (listingRule && facts && !listingRule(facts)) return { eligible: false, reason: 'Excluded by the listing rules' };
  const threshold = settings.stockQuantity.outOfStockThreshold;
  if (product.stock.manageStock && commerceQuantity(product) < threshold)
    return { eligible: false, reason: `Stock is below the out-of-stock threshold (${threshold})` };
  return { eligible: true };
};

/**
 * The listing condition from Product Listing Condition (SPEC 3.8): a fixed condition, or the product's
 * condition attribute mapped through the per-condition option labels (case-insensitive).
 * Undefined means Missing Condition.
 */
export const resolveCondition = (product: CatalogProduct, settings: ListingSettings): ConditionCode | undefined => {
  const c = settings.productListingCondition;
  if (c.listingCondition !== 'attribute') return c.listingCondition;
  const value = attributeText(product, c.conditionAttribute)?.toLowerCase();
  if (!value) return undefined;
  for (const [code, labels] of Object.entries(c.attributeMapping))
    if (labels?.some((label) => label.toLowerCase() === value)) return code as ConditionCode;
  return undefined;
};

/** Default seller notes of a condition (none for New). */
export const defaultSellerNotes = (
  condition: ConditionCode | undefined,
  settings: ListingSettings,
): string | undefined => {
  if (!condition || condition === 'new_new') return undefined;
  return text(settings.productListingCondition.sellerNotes[condition]);
};

/** Who fulfils the product (SPEC 3.6): a store-wide choice, or the product's Fulfilled By attribute. */
export const resolveFulfillment = (product: CatalogProduct, settings: ListingSettings): FulfillmentMode => {
  const f = settings.fulfilledBy;
  if (f.productFulfilledBy === 'amazon') return 'FBA';
  if (f.productFulfilledBy === 'merchant') return 'FBM';
  const value = attributeText(product, f.fulfilledByAttribute)?.toLowerCase();
  return value && f.amazonAttributeValues.some((v) => v.toLowerCase() === value) ? 'FBA' : 'FBM';
};
