/**
 * Amazon order (Orders API v2026-01-01 getOrder / searchOrders with includedData) parsed with zod and normalised
 * into the shape the rest of the orders domain uses. Money stays decimal strings; amounts Amazon does not send
 * (pricing while Pending, PII on FBA) stay undefined instead of being invented here.
 */
import type Big from 'big.js';
import { z } from 'zod';
import { big, type Decimal, decimalString, fmt, sum } from './money';

export const FULFILLMENT_STATUSES = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
] as const;
export type AmazonOrderStatus = (typeof FULFILLMENT_STATUSES)[number];

/** Merchant-facing status words of SPEC 6.5 (the old v0 names the All Orders grid shows). */
export const STATUS_LABEL: Record<AmazonOrderStatus, string> = {
  PENDING_AVAILABILITY: 'PendingAvailability',
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'PartiallyShipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Canceled',
  UNFULFILLABLE: 'Error',
};

const money = z.looseObject({ amount: decimalString, currencyCode: z.string().length(3) });
const window = z.looseObject({ earliestDateTime: z.string().optional(), latestDateTime: z.string().optional() });
const breakdown = z.looseObject({
  type: z.string(),
  subtotal: money,
  detailedBreakdowns: z.array(z.looseObject({ subtype: z.string().optional(), value: money.optional() })).optional(),
});
const address = z.looseObject({
  name: z.string().optional(),
  companyName: z.string().optional(),
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  city: z.string().optional(),
  districtOrCounty: z.string().optional(),
  stateOrRegion: z.string().optional(),
  municipality: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
  phone: z.string().optional(),
  addressType: z.string().optional(),
});

export const rawOrderItemSchema = z.looseObject({
  orderItemId: z.string().min(1),
  quantityOrdered: z.number().int().nonnegative(),
  product: z.looseObject({
    asin: z.string().optional(),
    title: z.string().optional(),
    sellerSku: z.string().optional(),
    condition: z
      .looseObject({ conditionType: z.string().optional(), conditionSubtype: z.string().optional() })
      .optional(),
    price: z.looseObject({ unitPrice: money.optional() }).optional(),
  }),
  proceeds: z.looseObject({ proceedsTotal: money.optional(), breakdowns: z.array(breakdown).optional() }).optional(),
  promotion: z
    .looseObject({ breakdowns: z.array(z.looseObject({ promotionId: z.string().optional() })).optional() })
    .optional(),
  cancellation: z
    .looseObject({
      cancellationRequest: z
        .looseObject({ requester: z.string().optional(), cancelReason: z.string().optional() })
        .optional(),
      cancellationExecution: z
        .looseObject({ cancelledBy: z.string().optional(), cancelReason: z.string().optional() })
        .optional(),
    })
    .optional(),
  fulfillment: z
    .looseObject({
      quantityFulfilled: z.number().int().nonnegative().optional(),
      quantityUnfulfilled: z.number().int().nonnegative().optional(),
      packing: z
        .looseObject({ giftOption: z.looseObject({ giftMessage: z.string().optional() }).optional() })
        .optional(),
    })
    .optional(),
  tax: z
    .looseObject({ taxCollections: z.array(z.looseObject({ model: z.string().optional() })).optional() })
    .optional(),
});

export const rawOrderSchema = z.looseObject({
  orderId: z.string().min(1),
  orderAliases: z.array(z.looseObject({ aliasId: z.string(), aliasType: z.string() })).optional(),
  createdTime: z.string().min(1),
  lastUpdatedTime: z.string().min(1),
  programs: z.array(z.string()).optional(),
  salesChannel: z.looseObject({ marketplaceId: z.string().optional(), marketplaceName: z.string().optional() }),
  buyer: z
    .looseObject({
      buyerName: z.string().optional(),
      buyerEmail: z.string().optional(),
      buyerCompanyName: z.string().optional(),
      buyerPurchaseOrderNumber: z.string().optional(),
    })
    .optional(),
  recipient: z.looseObject({ deliveryAddress: address.optional() }).optional(),
  proceeds: z.looseObject({ grandTotal: money.optional(), breakdowns: z.array(breakdown).optional() }).optional(),
  fulfillment: z
    .looseObject({
      fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
      fulfilledBy: z.enum(['AMAZON', 'MERCHANT']).optional(),
      fulfillmentServiceLevel: z.string().optional(),
      shipByWindow: window.optional(),
      deliverByWindow: window.optional(),
    })
    .optional(),
  orderItems: z.array(rawOrderItemSchema),
  packages: z
    .array(
      z.looseObject({
        packageReferenceId: z.string(),
        carrier: z.string().optional(),
        trackingNumber: z.string().optional(),
        shipTime: z.string().optional(),
        shippingService: z.string().optional(),
        packageItems: z.array(z.looseObject({ orderItemId: z.string(), quantity: z.number().int() })).optional(),
      }),
    )
    .optional(),
});
export type RawAmazonOrder = z.infer<typeof rawOrderSchema>;

export interface AmazonAddress {
  name?: string;
  companyName?: string;
  lines: string[];
  city?: string;
  county?: string;
  stateOrRegion?: string;
  postalCode?: string;
  countryCode?: string;
  phone?: string;
}

/** One line's money as Amazon charged it (all non-negative; the discount is the amount taken off). */
export interface AmazonItemCharges {
  /** Unit price × quantity (ITEM). */
  principal: Decimal;
  itemTax: Decimal;
  shipping: Decimal;
  shippingTax: Decimal;
  /** GIFT_WRAP + COD_FEE charged to the buyer (with their tax inside itemTax when Amazon gives no detail). */
  otherCharges: Decimal;
  /** Promotion discount (positive number). Amazon does not split item vs shipping promotions in v2026. */
  discount: Decimal;
}

export interface AmazonOrderItem {
  orderItemId: string;
  sku: string;
  asin?: string;
  title?: string;
  quantityOrdered: number;
  quantityShipped: number;
  quantityUnshipped: number;
  conditionType?: string;
  unitPrice?: Decimal;
  /** Undefined while Amazon withholds pricing (Pending orders). */
  charges?: AmazonItemCharges;
  promotionIds: string[];
  /** Set once Amazon (or the seller) canceled this line; it then counts for nothing. */
  canceled?: { by?: string; reason?: string };
  buyerCancelRequest?: { reason?: string };
  giftMessage?: string;
  marketplaceFacilitatorTax: boolean;
}

export interface AmazonPackage {
  packageReferenceId: string;
  carrier?: string;
  trackingNumber?: string;
  shipTime?: string;
  items: Array<{ orderItemId: string; quantity: number }>;
}

export interface AmazonOrder {
  orderId: string;
  sellerOrderId?: string;
  marketplaceId?: string;
  marketplaceName?: string;
  createdTime: string;
  lastUpdatedTime: string;
  /** Undefined when FULFILLMENT was not included; treat as unknown, never as Pending. */
  status?: AmazonOrderStatus;
  fulfilledBy?: 'AMAZON' | 'MERCHANT';
  serviceLevel?: string;
  isPrime: boolean;
  isBusiness: boolean;
  currency?: string;
  /** What the buyer paid for the lines still open: Σ principal + shipping + other − discount + tax. */
  orderTotal?: Decimal;
  /** Amazon's proceeds grand total as sent (may include later adjustments such as refunds). */
  proceedsTotal?: Decimal;
  buyer: { name?: string; email?: string; companyName?: string; purchaseOrderNumber?: string };
  deliveryAddress?: AmazonAddress;
  latestShipDate?: string;
  items: AmazonOrderItem[];
  packages: AmazonPackage[];
}

const amountOf = (list: z.infer<typeof breakdown>[] | undefined, type: string): Decimal | undefined => {
  const hit = list?.filter((b) => b.type === type);
  return hit?.length ? sum(hit.map((b) => b.subtotal.amount)).toString() : undefined;
};

const itemCharges = (item: z.infer<typeof rawOrderItemSchema>, currency: string | undefined) => {
  const list = item.proceeds?.breakdowns;
  const unit = item.product.price?.unitPrice?.amount;
  if (!list && unit === undefined) return undefined;
  const principal = amountOf(list, 'ITEM') ?? big(unit).times(item.quantityOrdered).toString();
  const taxEntry = list?.find((b) => b.type === 'TAX');
  const detail = (subtype: string) => taxEntry?.detailedBreakdowns?.find((d) => d.subtype === subtype)?.value?.amount;
  const tax = amountOf(list, 'TAX') ?? '0';
  const shippingTax = detail('SHIPPING') ?? '0';
  // Item tax is what is left once shipping tax is taken out, so the two always add up to Amazon's TAX.
  const itemTax = big(tax).minus(shippingTax);
  return {
    principal: fmt(principal, currency),
    itemTax: fmt(itemTax, currency),
    shipping: fmt(amountOf(list, 'SHIPPING') ?? '0', currency),
    shippingTax: fmt(shippingTax, currency),
    otherCharges: fmt(sum([amountOf(list, 'GIFT_WRAP') ?? '0', amountOf(list, 'COD_FEE') ?? '0']), currency),
    discount: fmt(big(amountOf(list, 'DISCOUNT') ?? '0').abs(), currency),
  };
};

const nonEmpty = (s: string | undefined): string | undefined => (s?.trim() ? s.trim() : undefined);

/** Σ principal + shipping + other − discount + tax of one line. */
export const lineTotal = (c: AmazonItemCharges): Big =>
  big(c.principal).plus(c.shipping).plus(c.otherCharges).minus(c.discount).plus(c.itemTax).plus(c.shippingTax);

/** Parses one Amazon order (throws a ZodError naming the field on bad input) and normalises it. */
export function parseAmazonOrder(input: unknown): AmazonOrder {
  const raw = rawOrderSchema.parse(input);
  const currency =
    raw.proceeds?.grandTotal?.currencyCode ??
    raw.orderItems
      .map((i) => i.product.price?.unitPrice?.currencyCode ?? i.proceeds?.proceedsTotal?.currencyCode)
      .find(Boolean);
  const items: AmazonOrderItem[] = raw.orderItems.map((i) => {
    const exec = i.cancellation?.cancellationExecution;
    const req = i.cancellation?.cancellationRequest;
    const shipped = i.fulfillment?.quantityFulfilled ?? 0;
    return {
      orderItemId: i.orderItemId,
      sku: i.product.sellerSku ?? '',
      asin: i.product.asin,
      title: i.product.title,
      quantityOrdered: i.quantityOrdered,
      quantityShipped: shipped,
      quantityUnshipped: i.fulfillment?.quantityUnfulfilled ?? (exec ? 0 : Math.max(0, i.quantityOrdered - shipped)),
      conditionType: i.product.condition?.conditionType,
      unitPrice: i.product.price?.unitPrice ? fmt(i.product.price.unitPrice.amount, currency) : undefined,
      charges: itemCharges(i, currency),
      promotionIds: (i.promotion?.breakdowns ?? []).map((b) => b.promotionId).filter((x): x is string => !!x),
      ...(exec ? { canceled: { by: exec.cancelledBy, reason: exec.cancelReason } } : {}),
      ...(req && req.requester === 'BUYER' ? { buyerCancelRequest: { reason: req.cancelReason } } : {}),
      ...(i.fulfillment?.packing?.giftOption?.giftMessage
        ? { giftMessage: i.fulfillment.packing.giftOption.giftMessage }
        : {}),
      marketplaceFacilitatorTax: (i.tax?.taxCollections ?? []).some((t) =>
        (t.model ?? '').replace(/_/g, '').toUpperCase().includes('MARKETPLACEFACILITATOR'),
      ),
    };
  });
  const open = items.filter((i) => !i.canceled);
  const priced = open.length > 0 && open.every((i) => i.charges);
  const a = raw.recipient?.deliveryAddress;
  return {
    orderId: raw.orderId,
    sellerOrderId: raw.orderAliases?.find((x) => x.aliasType === 'SELLER_ORDER_ID')?.aliasId,
    marketplaceId: raw.salesChannel.marketplaceId,
    marketplaceName: raw.salesChannel.marketplaceName,
    createdTime: raw.createdTime,
    lastUpdatedTime: raw.lastUpdatedTime,
    status: raw.fulfillment?.fulfillmentStatus,
    fulfilledBy: raw.fulfillment?.fulfilledBy,
    serviceLevel: raw.fulfillment?.fulfillmentServiceLevel,
    isPrime: (raw.programs ?? []).includes('PRIME'),
    isBusiness: (raw.programs ?? []).includes('AMAZON_BUSINESS') || !!raw.buyer?.buyerCompanyName,
    currency,
    orderTotal: priced ? fmt(sum(open.map((i) => lineTotal(i.charges!))), currency) : undefined,
    proceedsTotal: raw.proceeds?.grandTotal ? fmt(raw.proceeds.grandTotal.amount, currency) : undefined,
    buyer: {
      name: nonEmpty(raw.buyer?.buyerName),
      email: nonEmpty(raw.buyer?.buyerEmail),
      companyName: nonEmpty(raw.buyer?.buyerCompanyName),
      purchaseOrderNumber: nonEmpty(raw.buyer?.buyerPurchaseOrderNumber),
    },
    deliveryAddress: a
      ? {
          name: nonEmpty(a.name),
          companyName: nonEmpty(a.companyName),
          lines: [a.addressLine1, a.addressLine2, a.addressLine3].map(nonEmpty).filter((x): x is string => !!x),
          city: nonEmpty(a.city),
          county: nonEmpty(a.districtOrCounty),
          stateOrRegion: nonEmpty(a.stateOrRegion),
          postalCode: nonEmpty(a.postalCode),
          countryCode: nonEmpty(a.countryCode),
          phone: nonEmpty(a.phone),
        }
      : undefined,
    latestShipDate: raw.fulfillment?.shipByWindow?.latestDateTime,
    items,
    packages: (raw.packages ?? []).map((p) => ({
      packageReferenceId: p.packageReferenceId,
      carrier: p.carrier,
      trackingNumber: p.trackingNumber,
      shipTime: p.shipTime,
      items: (p.packageItems ?? []).map((x) => ({ orderItemId: x.orderItemId, quantity: x.quantity })),
    })),
  };
}

/** searchOrders response → normalised orders, plus the next page token. */
export const searchOrdersResponseSchema = z.looseObject({
  orders: z.array(z.unknown()),
  pagination: z.looseObject({ nextToken: z.string().optional() }).optional(),
  lastUpdatedBefore: z.string().optional(),
  createdBefore: z.string().optional(),
});

export function parseSearchOrdersResponse(input: unknown): { orders: AmazonOrder[]; nextToken?: string } {
  const res = searchOrdersResponseSchema.parse(input);
  return { orders: res.orders.map(parseAmazonOrder), nextToken: res.pagination?.nextToken };
}

export function parseGetOrderResponse(input: unknown): AmazonOrder {
  return parseAmazonOrder(z.looseObject({ order: z.unknown() }).parse(input).order);
}

/** The includedData every import call should ask for. */
export const IMPORT_INCLUDED_DATA = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'PROMOTION',
  'CANCELLATION',
  'FULFILLMENT',
  'PACKAGES',
  'TAX',
] as const;

export const isFba = (o: AmazonOrder): boolean => o.fulfilledBy === 'AMAZON';
