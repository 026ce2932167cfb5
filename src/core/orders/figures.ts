/**
 * The money of a Commerce order for an Amazon order, line by line, derived only from Amazon's figures so that
 * subtotal + shipping − discount + tax = Amazon's order total exactly (big.js, never floats).
 * Canceled lines are left out; gift wrap and COD fees travel with shipping (Commerce has no field for them).
 */
import type { AmazonOrder } from './amazon-order';
import type { ProductMatches } from './blockers';
import { big, type Decimal, fmt, sum } from './money';

export interface CommerceLine {
  orderItemId: string;
  amazonSku: string;
  /** Commerce SKU of the matched product. */
  sku: string;
  productId?: number;
  name: string;
  qty: number;
  unitPrice: Decimal;
  rowTotal: Decimal;
  /** Amazon promotion discount of the line (positive amount taken off). */
  discount: Decimal;
  /** Item tax only (shipping tax is in CommerceFigures.shippingTax). */
  tax: Decimal;
  shipping: Decimal;
  shippingTax: Decimal;
}

export interface CommerceFigures {
  currency: string;
  lines: CommerceLine[];
  subtotal: Decimal;
  /** Shipping + gift wrap + COD fee, before tax. */
  shipping: Decimal;
  shippingTax: Decimal;
  /** Positive amount taken off (Commerce stores it negated in discount_amount). */
  discount: Decimal;
  /** Item tax + shipping tax. */
  tax: Decimal;
  grandTotal: Decimal;
}

export class OrderNotMappableError extends Error {}

/** Builds the figures; throws OrderNotMappableError when pricing or a product match is missing (decide first). */
export function orderFigures(order: AmazonOrder, matches: ProductMatches): CommerceFigures {
  const currency = order.currency;
  if (!currency || !order.orderTotal) throw new OrderNotMappableError(`Order ${order.orderId} has no pricing yet.`);
  const lines: CommerceLine[] = order.items
    .filter((i) => !i.canceled && i.quantityOrdered > 0)
    .map((i) => {
      const p = matches[i.sku];
      if (!p) throw new OrderNotMappableError(`Order ${order.orderId}: SKU "${i.sku}" is not matched.`);
      if (!i.charges) throw new OrderNotMappableError(`Order ${order.orderId}: item ${i.orderItemId} has no pricing.`);
      const c = i.charges;
      const unit = i.unitPrice ?? big(c.principal).div(i.quantityOrdered).toString();
      return {
        orderItemId: i.orderItemId,
        amazonSku: i.sku,
        sku: p.sku,
        ...(p.productId !== undefined ? { productId: p.productId } : {}),
        name: p.name ?? i.title ?? p.sku,
        qty: i.quantityOrdered,
        unitPrice: fmt(unit, currency),
        rowTotal: fmt(c.principal, currency),
        discount: fmt(c.discount, currency),
        tax: fmt(c.itemTax, currency),
        shipping: fmt(big(c.shipping).plus(c.otherCharges), currency),
        shippingTax: fmt(c.shippingTax, currency),
      };
    });
  const subtotal = sum(lines.map((l) => l.rowTotal));
  const shipping = sum(lines.map((l) => l.shipping));
  const shippingTax = sum(lines.map((l) => l.shippingTax));
  const discount = sum(lines.map((l) => l.discount));
  const tax = sum(lines.map((l) => big(l.tax).plus(l.shippingTax)));
  return {
    currency,
    lines,
    subtotal: fmt(subtotal, currency),
    shipping: fmt(shipping, currency),
    shippingTax: fmt(shippingTax, currency),
    discount: fmt(discount, currency),
    tax: fmt(tax, currency),
    grandTotal: fmt(subtotal.plus(shipping).minus(discount).plus(tax), currency),
  };
}
