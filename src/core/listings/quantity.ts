import type { ListingSettings } from '../settings/listing-settings';
import { commerceQuantity } from './product-rules';
import type { CatalogProduct, FulfillmentMode, StoreContext } from './types';

/**
 * The quantity sent to Amazon (decision #8, #9, #2), step by step so the UI and the changes log can explain it:
 * salable quantity (MSI, else legacy) → minus the out-of-stock threshold → decimals rounded down → capped by
 * Maximum Listed Quantity (a cap, never a fill-up) → the "Do Not Manage Stock" quantity when the product does
 * not manage stock → 0 when ineligible → nothing at all for FBA (Amazon owns that stock).
 */
export interface QuantityStep {
  rule: 'salable' | 'threshold' | 'round_down' | 'cap' | 'do_not_manage_stock' | 'ineligible' | 'fba' | 'regional';
  quantity: number | undefined;
  note: string;
}

export interface QuantityDecision {
  /** Undefined = send no quantity (FBA). */
  quantity: number | undefined;
  steps: QuantityStep[];
}

export const computeListedQuantity = (input: {
  product: CatalogProduct;
  settings: ListingSettings;
  eligible: boolean;
  fulfillment: FulfillmentMode;
}): QuantityDecision => {
  const { product, settings, eligible, fulfillment } = input;
  const steps: QuantityStep[] = [];
  if (fulfillment === 'FBA') {
    steps.push({ rule: 'fba', quantity: undefined, note: 'Fulfilled by Amazon: no quantity is sent' });
    return { quantity: undefined, steps };
  }
  const s = settings.stockQuantity;
  let quantity: number;
  if (product.stock.manageStock) {
    const salable = commerceQuantity(product);
    steps.push({ rule: 'salable', quantity: salable, note: `Commerce salable quantity ${salable}` });
    quantity = salable - s.outOfStockThreshold;
    if (s.outOfStockThreshold > 0)
      steps.push({ rule: 'threshold', quantity, note: `minus out-of-stock threshold ${s.outOfStockThreshold}` });
    const rounded = Math.max(0, Math.floor(quantity));
    if (rounded !== quantity)
      steps.push({ rule: 'round_down', quantity: rounded, note: 'rounded down to a whole, non-negative number' });
    quantity = rounded;
    if (quantity > s.maximumListedQuantity) {
      quantity = s.maximumListedQuantity;
      steps.push({ rule: 'cap', quantity, note: `capped at Maximum Listed Quantity ${s.maximumListedQuantity}` });
    }
  } else {
    quantity = s.doNotManageStockQuantity;
    steps.push({
      rule: 'do_not_manage_stock',
      quantity,
      note: `stock not managed: "Do Not Manage Stock" quantity ${quantity}`,
    });
  }
  if (!eligible) {
    quantity = 0;
    steps.push({ rule: 'ineligible', quantity, note: 'ineligible: quantity 0, the listing is kept' });
  }
  return { quantity, steps };
};

/** One store's wish for a SKU's quantity, for the regional rule. */
export interface RegionalQuantityInput {
  store: Pick<StoreContext, 'storeId' | 'sellerId' | 'region' | 'createdAt'>;
  sellerSku: string;
  fulfillment: FulfillmentMode;
  quantity: number | undefined;
}

/**
 * Decision #2: merchant-fulfilled quantity is shared by a seller's marketplaces of one region, so when two of
 * our stores sell the same Seller SKU there, the oldest store (creation date, then id) decides for all of them.
 * FBA SKUs send no quantity and are left alone. Returns the quantity per `${storeId}|${sellerSku}`.
 */
export const resolveRegionalQuantities = (
  inputs: readonly RegionalQuantityInput[],
): Map<string, number | undefined> => {
  const winners = new Map<string, RegionalQuantityInput>();
  const groupOf = (i: RegionalQuantityInput) => `${i.store.sellerId}|${i.store.region}|${i.sellerSku}`;
  const older = (a: RegionalQuantityInput, b: RegionalQuantityInput): boolean =>
    a.store.createdAt < b.store.createdAt ||
    (a.store.createdAt === b.store.createdAt && a.store.storeId < b.store.storeId);
  for (const input of inputs) {
    if (input.fulfillment === 'FBA') continue;
    const current = winners.get(groupOf(input));
    if (!current || older(input, current)) winners.set(groupOf(input), input);
  }
  const result = new Map<string, number | undefined>();
  for (const input of inputs) {
    const key = `${input.store.storeId}|${input.sellerSku}`;
    result.set(key, input.fulfillment === 'FBA' ? undefined : winners.get(groupOf(input))?.quantity);
  }
  return result;
};
