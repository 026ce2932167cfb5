/**
 * Order creation blockers (SPEC 6.4): an Amazon line whose SKU has no Commerce product, whose product is disabled
 * or not in the store's website, or whose stock cannot cover it. Reasons are written for the merchant and name
 * the fix; they go to the order's Order Notes and the global notice.
 */
import type { AmazonOrder } from './amazon-order';

/** What the adapter found in Commerce for one Amazon seller SKU. */
export interface MatchedProduct {
  /** Commerce SKU (may differ from the Amazon seller SKU when matched by identifier). */
  sku: string;
  productId?: number;
  name?: string;
  typeId?: string;
  /** Product status 1 (enabled) in the target store view. */
  enabled: boolean;
  /** Assigned to the store's website. */
  inWebsite: boolean;
  /** false = "Manage Stock: No" (Do Not Manage): always salable. */
  manageStock: boolean;
  /** MSI salable quantity for the website's stock (SPEC decision #8). */
  salableQty: number;
}

/** Amazon seller SKU → Commerce product, undefined when nothing matched. */
export type ProductMatches = Record<string, MatchedProduct | undefined>;

export type BlockerCode =
  | 'missing_sku'
  | 'unmatched_sku'
  | 'disabled'
  | 'not_in_website'
  | 'not_salable'
  | 'not_configurable';

export interface Blocker {
  code: BlockerCode;
  amazonSku: string;
  orderItemId: string;
  message: string;
}

export type StockState = 'in_stock' | 'out_of_stock' | 'not_managed';

/**
 * Stock of one line: FBM needs the full quantity salable (it is reserved, SPEC 6.2 note 2); FBA only needs the
 * product in stock (Amazon shipped it from its own warehouse; the MSI limitation of SPEC 6.2).
 */
export function stockState(product: MatchedProduct, quantity: number, fba: boolean): StockState {
  if (!product.manageStock) return 'not_managed';
  const needed = fba ? 1 : quantity;
  return product.salableQty >= needed ? 'in_stock' : 'out_of_stock';
}

/** Every blocker of the order's open lines (canceled lines never block). Empty = nothing stands in the way. */
export function findBlockers(order: AmazonOrder, matches: ProductMatches): Blocker[] {
  const fba = order.fulfilledBy === 'AMAZON';
  const out: Blocker[] = [];
  for (const item of order.items) {
    if (item.canceled || item.quantityOrdered === 0) continue;
    const base = { amazonSku: item.sku, orderItemId: item.orderItemId };
    if (!item.sku) {
      out.push({
        ...base,
        code: 'missing_sku',
        message: `Amazon sent order item ${item.orderItemId} without a seller SKU.`,
      });
      continue;
    }
    const p = matches[item.sku];
    if (!p) {
      out.push({
        ...base,
        code: 'unmatched_sku',
        message: `Cannot create sales order: Product "${item.sku}" is not in the Commerce catalog. Create the product and match it (New Third Party listings).`,
      });
      continue;
    }
    if (p.typeId === 'configurable') {
      out.push({
        ...base,
        code: 'not_configurable',
        message: `Cannot create sales order: Product "${p.sku}" is a configurable parent. Match "${item.sku}" to the simple variant instead.`,
      });
      continue;
    }
    if (!p.enabled) {
      out.push({
        ...base,
        code: 'disabled',
        message: `Cannot create sales order: Product "${p.sku}" is disabled. Enable it in the catalog.`,
      });
      continue;
    }
    if (!p.inWebsite) {
      out.push({
        ...base,
        code: 'not_in_website',
        message: `Cannot create sales order: Product "${p.sku}" is not assigned to the store's website. Assign it.`,
      });
      continue;
    }
    if (stockState(p, item.quantityOrdered, fba) === 'out_of_stock') {
      out.push({
        ...base,
        code: 'not_salable',
        message: `Cannot create sales order: Product "${p.sku}" in order is not salable (salable quantity ${p.salableQty}, ordered ${item.quantityOrdered}). Fix the quantity or source.`,
      });
    }
  }
  return out;
}

/** One line for Order Notes / the admin notice. */
export const blockerSummary = (blockers: Blocker[]): string => blockers.map((b) => b.message).join(' ');
