/**
 * Credit memo → POST_PAYMENT_ADJUSTMENT_DATA (OrderAdjustment feed): one AdjustedItem per refunded Amazon line with
 * Principal, Shipping, Tax and ShippingTax components. Limits (docs/orders.md): Amazon refunds only what it
 * charged per line, so amounts are capped by what is left; Commerce's free "adjustment refund/fee" has no
 * Amazon line to go on and is reported as not sent; unshipped orders are canceled instead of refunded.
 */
import { create } from '../xml';
import type { AmazonOrder } from './amazon-order';
import { big, type Decimal, floorMinor, fmt, sum } from './money';

/** AdjustmentReason of OrderAdjustment.xsd. */
export const ADJUSTMENT_REASONS = [
  'NoInventory',
  'CustomerReturn',
  'GeneralAdjustment',
  'CouldNotShip',
  'DifferentItem',
  'Abandoned',
  'CustomerCancel',
  'PriceError',
  'ProductOutofStock',
  'CustomerAddressIncorrect',
  'Exchange',
  'Other',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'TransactionRecord',
  'Undeliverable',
  'RefusedDelivery',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export interface CreditMemoInput {
  /** Refunded quantity per Amazon order item id (mapped from Commerce items by the caller with itemIdMap). */
  items: Array<{ orderItemId: string; qty: number }>;
  /** Credit memo shipping refund (before tax). */
  shippingAmount?: Decimal;
  adjustmentPositive?: Decimal;
  adjustmentNegative?: Decimal;
  reason: AdjustmentReason;
}

export interface AdjustmentComponent {
  type: 'Principal' | 'Shipping' | 'Tax' | 'ShippingTax';
  amount: Decimal;
}

export interface AdjustmentPlan {
  items: Array<{ orderItemId: string; reason: AdjustmentReason; components: AdjustmentComponent[] }>;
  total: Decimal;
  /** Amounts that cannot travel to Amazon; the merchant refunds them in Seller Central. */
  notSent: string[];
}

/**
 * Pro-rata refund per line: principal = unit × qty, item tax by the same share of the line, shipping spread over
 * the refunded lines by their shipping, each capped by what the line still has left (alreadyRefunded).
 */
export function planAdjustment(
  order: AmazonOrder,
  memo: CreditMemoInput,
  alreadyRefunded: Record<string, Decimal> = {},
): AdjustmentPlan {
  const c = order.currency;
  const notSent: string[] = [];
  if (order.status !== 'SHIPPED' && order.status !== 'PARTIALLY_SHIPPED')
    throw new Error(
      `Order ${order.orderId} is ${order.status ?? 'unknown'}: cancel unshipped orders instead of refunding.`,
    );
  const lines = memo.items
    .filter((m) => m.qty > 0)
    .map((m) => {
      const item = order.items.find((i) => i.orderItemId === m.orderItemId);
      if (!item?.charges)
        throw new Error(`Amazon item ${m.orderItemId} is not on order ${order.orderId} or has no pricing.`);
      return {
        m,
        item,
        charges: item.charges,
        share: big(Math.min(m.qty, item.quantityOrdered)).div(item.quantityOrdered),
      };
    });
  const shipPool = sum(lines.map((l) => l.charges.shipping));
  let shipLeft = big(memo.shippingAmount ?? 0);
  if (shipLeft.gt(shipPool)) {
    notSent.push(`Shipping refund above Amazon's shipping charge (${fmt(shipLeft.minus(shipPool), c)}).`);
    shipLeft = shipPool;
  }
  const shipTotal = shipLeft;
  const items = lines.map((l, k) => {
    const ch = l.charges;
    const shipping =
      k === lines.length - 1
        ? shipLeft
        : shipPool.eq(0)
          ? big(0)
          : floorMinor(shipTotal.times(ch.shipping).div(shipPool), c);
    shipLeft = shipLeft.minus(shipping);
    const shippingTax = big(ch.shipping).eq(0) ? big(0) : big(ch.shippingTax).times(shipping).div(ch.shipping);
    const wanted: AdjustmentComponent[] = [
      { type: 'Principal', amount: fmt(big(ch.principal).times(l.share), c) },
      { type: 'Tax', amount: fmt(big(ch.itemTax).times(l.share), c) },
      { type: 'Shipping', amount: fmt(shipping, c) },
      { type: 'ShippingTax', amount: fmt(shippingTax, c) },
    ];
    // Cap the line at what Amazon charged minus what was refunded already.
    let room = big(ch.principal)
      .plus(ch.itemTax)
      .plus(ch.shipping)
      .plus(ch.shippingTax)
      .minus(alreadyRefunded[l.m.orderItemId] ?? 0);
    const components = wanted
      .map((w) => {
        const amount = big(w.amount).gt(room) ? (room.lt(0) ? big(0) : room) : big(w.amount);
        if (amount.lt(w.amount)) notSent.push(`${w.type} of ${l.m.orderItemId} capped: already refunded on Amazon.`);
        room = room.minus(amount);
        return { type: w.type, amount: fmt(amount, c) };
      })
      .filter((x) => big(x.amount).gt(0));
    return { orderItemId: l.m.orderItemId, reason: memo.reason, components };
  });
  if (memo.adjustmentPositive && big(memo.adjustmentPositive).gt(0))
    notSent.push(
      `Adjustment refund ${fmt(memo.adjustmentPositive, c)} has no Amazon line: refund it in Seller Central.`,
    );
  if (memo.adjustmentNegative && big(memo.adjustmentNegative).gt(0))
    notSent.push(`Adjustment fee ${fmt(memo.adjustmentNegative, c)} cannot be charged through Amazon.`);
  const kept = items.filter((i) => i.components.length > 0);
  return { items: kept, total: fmt(sum(kept.flatMap((i) => i.components.map((x) => x.amount))), c), notSent };
}

export function buildAdjustmentFeed(merchantIdentifier: string, order: AmazonOrder, plan: AdjustmentPlan): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('AmazonEnvelope', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
  });
  root.ele('Header').ele('DocumentVersion').txt('1.01').up().ele('MerchantIdentifier').txt(merchantIdentifier);
  root.ele('MessageType').txt('OrderAdjustment');
  const adj = root.ele('Message').ele('MessageID').txt('1').up().ele('OrderAdjustment');
  adj.ele('AmazonOrderID').txt(order.orderId);
  for (const item of plan.items) {
    const el = adj.ele('AdjustedItem');
    el.ele('AmazonOrderItemCode').txt(item.orderItemId);
    el.ele('AdjustmentReason').txt(item.reason);
    const comps = el.ele('ItemPriceAdjustments');
    for (const c of item.components)
      comps
        .ele('Component')
        .ele('Type')
        .txt(c.type)
        .up()
        .ele('Amount', { currency: order.currency ?? '' })
        .txt(c.amount);
  }
  return root.end({ prettyPrint: true });
}
