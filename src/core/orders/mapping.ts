/**
 * Amazon order + order settings + matched products → the plan the Commerce adapter executes, on one of two paths
 * (peers-and-commerce-api.md B3):
 * - cart: admin cart, lines at `custom_price`, carrier `amazon`, payment `amazon`, place → MSI reservation. Used when
 *   stock must be reserved and the instance accepts custom_price (SaaS; PaaS with the custom-price/totals module).
 * - direct: `PUT V1/orders/create` with every figure given (tax and discount lines too), `ext_order_id` = Amazon id,
 *   no reservation. Used for FBA, for "Do Not Reserve", and when the cart cannot carry the order exactly.
 * The cart cannot take a discount or a tax amount through REST, so Amazon's tax and promotions are carried by the
 * `amazon` carrier's rate (the rest of the order total after the lines) and spelt out in the order comment.
 */
import {
  type CommerceAddress,
  buyerEmail,
  placeholderEmail,
  splitName,
  toCommerceAddress,
  withDirectoryRegion,
} from './address';
import type { DirectoryRegion } from './regions';
import type { AmazonOrder } from './amazon-order';
import type { ProductMatches } from './blockers';
import type { CreationDecision } from './creation-rules';
import { type CommerceFigures, orderFigures } from './figures';
import { big, type Decimal, floorMinor, fmt, sum } from './money';
import type { OrderSettings } from '../settings/order-settings';

/** Deterministic marker written into every imported order's comment; the last-resort lookup key. */
export const orderMarker = (amazonOrderId: string): string => `[amazon-order:${amazonOrderId}]`;

export interface CommerceCapabilities {
  /** The instance honours cart item `extension_attributes.custom_price` (SaaS; PaaS needs a module). */
  cartCustomPrice: boolean;
  /** Commerce's street line count (customer/address/street_lines). */
  streetLines?: number;
}

export type CustomerPlan =
  | { mode: 'guest'; email: string; firstname: string; lastname: string }
  | { mode: 'account'; email: string; firstname: string; lastname: string; websiteId?: number; storeId?: number };

export type FollowUp = { kind: 'invoice'; reason: string } | { kind: 'comment'; comment: string; status?: string };

interface PlanBase {
  amazonOrderId: string;
  storeViewId?: number;
  customer: CustomerPlan;
  shippingAddress: CommerceAddress;
  billingAddress: CommerceAddress;
  figures: CommerceFigures;
  /** What Commerce must show once the order exists (checked by totalsCheck). */
  expected: { subtotal: Decimal; shipping: Decimal; discount: Decimal; tax: Decimal; grandTotal: Decimal };
  reserved: boolean;
  comment: string;
  followUps: FollowUp[];
  notes: string[];
}

export interface CartPlan extends PlanBase {
  path: 'cart';
  items: Array<{ sku: string; qty: number; customPrice: Decimal }>;
  customAttributes: Record<string, string>;
  carrierCode: 'amazon';
  methodCode: 'mfn' | 'afn';
  paymentMethod: string;
}

export interface DirectPlan extends PlanBase {
  path: 'direct';
  /** Body for `PUT V1/orders/create` (gateway OrderDraft; money as decimal strings). */
  entity: Record<string, unknown> & {
    customer_email: string;
    grand_total: Decimal;
    base_grand_total: Decimal;
    ext_order_id: string;
    items: Array<{ sku: string; qty_ordered: number; price: Decimal } & Record<string, unknown>>;
  };
}

export type CreationPlan = CartPlan | DirectPlan;

export interface PlanInput {
  order: AmazonOrder;
  settings: OrderSettings;
  matches: ProductMatches;
  decision: Extract<CreationDecision, { kind: 'create' }>;
  capabilities: CommerceCapabilities;
  websiteId?: number;
  /** Numeric id of the store view named by the setting importIntoStoreView (resolved by the adapter). */
  storeViewId?: number;
  paymentMethod?: string;
  /** The delivery country's regions from Commerce's directory (the adapter reads them once per run and country). */
  directoryRegions?: readonly DirectoryRegion[];
}

/**
 * Prices the cart lines so lines + carrier rate = the Amazon total: lines at Amazon's unit price, the rest on the
 * carrier. When promotions exceed shipping + tax the discount moves into the unit prices (rounded down to the
 * minor unit, as Commerce rounds unit prices); undefined when even that leaves a negative rate.
 */
export function cartPricing(f: CommerceFigures): { items: CartPlan['items']; carrierAmount: Decimal } | undefined {
  const rate = (items: CartPlan['items']) =>
    big(f.grandTotal).minus(sum(items.map((i) => big(i.customPrice).times(i.qty))));
  let items = f.lines.map((l) => ({ sku: l.sku, qty: l.qty, customPrice: l.unitPrice }));
  if (rate(items).lt(0)) {
    items = f.lines.map((l) => ({
      sku: l.sku,
      qty: l.qty,
      customPrice: fmt(big(l.unitPrice).minus(floorMinor(big(l.discount).div(l.qty), f.currency)), f.currency),
    }));
  }
  const r = rate(items);
  if (r.lt(0) || items.some((i) => big(i.customPrice).lt(0))) return undefined;
  return { items, carrierAmount: fmt(r, f.currency) };
}

const serviceLabel = (o: AmazonOrder) =>
  `Amazon ${o.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN'}${o.serviceLevel ? ` - ${o.serviceLevel}` : ''}`;

function commentFor(o: AmazonOrder, f: CommerceFigures): string {
  return [
    `${orderMarker(o.orderId)} Amazon order ${o.orderId}${o.marketplaceName ? ` on ${o.marketplaceName}` : ''}.`,
    `Amazon totals (${f.currency}): items ${f.subtotal}, shipping ${f.shipping}, promotions -${f.discount}, tax ${f.tax}` +
      ` (shipping tax ${f.shippingTax}), total ${f.grandTotal}.`,
    o.items.some((i) => i.marketplaceFacilitatorTax)
      ? 'Tax collected and remitted by Amazon (marketplace facilitator).'
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function customerPlan(input: PlanInput, address: CommerceAddress): CustomerPlan {
  const email = buyerEmail(input.order);
  const name = input.order.buyer.name ? splitName(input.order.buyer.name) : address;
  const base = { email, firstname: name.firstname, lastname: name.lastname };
  // Accounts are never made for placeholder addresses: every FBA buyer would share nothing but a fake e-mail.
  if (input.settings.customerCreation === 'build_customer' && email !== placeholderEmail(input.order.orderId))
    return {
      mode: 'account',
      ...base,
      ...(input.websiteId !== undefined ? { websiteId: input.websiteId } : {}),
      ...(input.storeViewId !== undefined ? { storeId: input.storeViewId } : {}),
    };
  return { mode: 'guest', ...base };
}

/** Builds the creation plan; the decision must be `create` (call decideCreation first). */
export function buildCreationPlan(input: PlanInput): CreationPlan {
  const { order, settings, decision } = input;
  const figures = orderFigures(order, input.matches);
  const address = withDirectoryRegion(
    toCommerceAddress(order, { streetLines: input.capabilities.streetLines }),
    input.directoryRegions,
  );
  const customer = customerPlan(input, address);
  const notes: string[] = [];
  const comment = commentFor(order, figures);
  const customStatus = settings.orderStatus === 'custom' ? (settings.processingOrderStatus ?? undefined) : undefined;
  const base = {
    amazonOrderId: order.orderId,
    ...(input.storeViewId !== undefined ? { storeViewId: input.storeViewId } : {}),
    customer,
    shippingAddress: address,
    billingAddress: address,
    figures,
    comment,
    notes,
  };
  const pricing = decision.reserve && input.capabilities.cartCustomPrice ? cartPricing(figures) : undefined;
  if (decision.reserve && !input.capabilities.cartCustomPrice)
    notes.push(
      'Stock not reserved: this Commerce instance does not accept cart custom prices, so the order was created directly.',
    );
  if (decision.reserve && input.capabilities.cartCustomPrice && !pricing)
    notes.push(
      'Stock not reserved: the promotions exceed what a cart can carry exactly, so the order was created directly.',
    );
  if (pricing) {
    if (settings.orderNumberSource === 'amazon')
      notes.push('Commerce numbered this order itself: a cart order cannot take the Amazon order number.');
    return {
      ...base,
      path: 'cart',
      items: pricing.items,
      customAttributes: {
        amazon_order_id: order.orderId,
        amazon_marketplace_id: order.marketplaceId ?? '',
        amazon_fulfillment_channel: order.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN',
        amazon_shipping_amount: pricing.carrierAmount,
      },
      carrierCode: 'amazon',
      methodCode: order.fulfilledBy === 'AMAZON' ? 'afn' : 'mfn',
      paymentMethod: input.paymentMethod ?? 'amazon',
      expected: {
        subtotal: fmt(sum(pricing.items.map((i) => big(i.customPrice).times(i.qty))), figures.currency),
        shipping: pricing.carrierAmount,
        discount: fmt(0, figures.currency),
        tax: fmt(0, figures.currency),
        grandTotal: figures.grandTotal,
      },
      reserved: true,
      followUps: followUps(comment, customStatus),
    };
  }
  return {
    ...base,
    path: 'direct',
    entity: directEntity(input, figures, customer, address, comment, customStatus),
    expected: {
      subtotal: figures.subtotal,
      shipping: figures.shipping,
      discount: figures.discount,
      tax: figures.tax,
      grandTotal: figures.grandTotal,
    },
    reserved: false,
    // The entity carries the comment and the status itself.
    followUps: [],
  };
}

/**
 * Steps after placing a cart order. No invoice at creation: an uninvoiced order can still be canceled (and its
 * reservation released) by Commerce's cancel; the invoice comes once everything shipped (see shipment.ts).
 */
function followUps(comment: string, customStatus?: string): FollowUp[] {
  const steps: FollowUp[] = [{ kind: 'comment', comment }];
  if (customStatus)
    steps.push({ kind: 'comment', comment: 'Status set by Amazon order settings.', status: customStatus });
  return steps;
}

function directEntity(
  input: PlanInput,
  f: CommerceFigures,
  customer: CustomerPlan,
  address: CommerceAddress,
  comment: string,
  customStatus?: string,
): DirectPlan['entity'] {
  const { order, settings, decision } = input;
  const c = f.currency;
  const state = decision.complete ? 'complete' : 'new';
  const status = decision.complete ? 'complete' : (customStatus ?? 'pending');
  const totalQty = f.lines.reduce((n, l) => n + l.qty, 0);
  return {
    ...(settings.orderNumberSource === 'amazon' ? { increment_id: order.orderId } : {}),
    ext_order_id: order.orderId,
    ...(input.storeViewId !== undefined ? { store_id: input.storeViewId } : {}),
    customer_email: customer.email,
    customer_firstname: customer.firstname,
    customer_lastname: customer.lastname,
    customer_is_guest: customer.mode === 'guest' ? 1 : 0,
    base_currency_code: c,
    order_currency_code: c,
    state,
    status,
    subtotal: f.subtotal,
    base_subtotal: f.subtotal,
    shipping_amount: f.shipping,
    base_shipping_amount: f.shipping,
    shipping_tax_amount: f.shippingTax,
    base_shipping_tax_amount: f.shippingTax,
    shipping_description: serviceLabel(order),
    discount_amount: fmt(big(f.discount).times(-1), c),
    base_discount_amount: fmt(big(f.discount).times(-1), c),
    tax_amount: f.tax,
    base_tax_amount: f.tax,
    grand_total: f.grandTotal,
    base_grand_total: f.grandTotal,
    total_qty_ordered: totalQty,
    items: f.lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      ...(l.productId !== undefined ? { product_id: l.productId } : {}),
      product_type: 'simple',
      qty_ordered: l.qty,
      ...(decision.complete ? { qty_shipped: l.qty, qty_invoiced: l.qty } : {}),
      price: l.unitPrice,
      base_price: l.unitPrice,
      original_price: l.unitPrice,
      row_total: l.rowTotal,
      base_row_total: l.rowTotal,
      tax_amount: l.tax,
      base_tax_amount: l.tax,
      discount_amount: l.discount,
      base_discount_amount: l.discount,
    })),
    billing_address: { ...address, address_type: 'billing' },
    payment: {
      method: input.paymentMethod ?? 'amazon',
      account_status: '',
      additional_information: [`Amazon order ${order.orderId}`],
      cc_last4: '',
    },
    extension_attributes: {
      shipping_assignments: [
        {
          shipping: {
            address: { ...address, address_type: 'shipping' },
            method: `amazon_${order.fulfilledBy === 'AMAZON' ? 'afn' : 'mfn'}`,
            total: { shipping_amount: f.shipping, base_shipping_amount: f.shipping },
          },
          items: [],
        },
      ],
    },
    status_histories: [{ comment, status, is_customer_notified: 0, is_visible_on_front: 0 }],
  };
}
