/**
 * Cancellation both ways (SPEC 6.7, decision #11):
 * - seller cancel from our UI: only Unshipped merchant-fulfilled orders; the whole order (Amazon does not take
 *   partial cancellations this way) → POST_ORDER_ACKNOWLEDGEMENT_DATA with StatusCode Failure and a CancelReason
 *   per item; the Commerce order becomes Canceled (not Complete), releasing its MSI reservation;
 * - Amazon-side cancel (buyer, Amazon): the linked Commerce order is canceled the same way.
 */
import { create } from '../xml';
import type { AmazonOrder } from './amazon-order';
import type { LedgerRecord } from './ledger';

/** CancelReason of OrderAcknowledgement.xsd (the values every current XSD copy has). */
export const CANCEL_REASONS = [
  'NoInventory',
  'ShippingAddressUndeliverable',
  'CustomerExchange',
  'BuyerCanceled',
  'GeneralAdjustment',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'CustomerReturn',
  'MerchandiseNotReceived',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const isCancelReason = (v: string): v is CancelReason => (CANCEL_REASONS as readonly string[]).includes(v);

export type CancelEligibility = { ok: true } | { ok: false; reason: string };

/** Whether the Cancel Order button applies: Unshipped, merchant-fulfilled, nothing shipped yet. */
export function canCancelOnAmazon(order: AmazonOrder): CancelEligibility {
  if (order.fulfilledBy === 'AMAZON') return { ok: false, reason: 'Fulfilled by Amazon: cancel it in Seller Central.' };
  if (order.status !== 'UNSHIPPED')
    return {
      ok: false,
      reason:
        order.status === 'SHIPPED'
          ? 'Shipped orders cannot be canceled: handle returns in Seller Central.'
          : `Only Unshipped orders can be canceled here (this one is ${order.status ?? 'unknown'}); use Seller Central.`,
    };
  if (order.items.some((i) => i.quantityShipped > 0)) return { ok: false, reason: 'Part of the order has shipped.' };
  return { ok: true };
}

export interface CancellationRequest {
  /** Seller id (merchant token) for the envelope header. */
  merchantIdentifier: string;
  orders: Array<{ order: AmazonOrder; reason: CancelReason; merchantOrderId?: string }>;
}

/** The feed document; throws when an order is not cancelable or the reason is not Amazon's. */
export function buildCancellationFeed(req: CancellationRequest): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('AmazonEnvelope', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
  });
  root.ele('Header').ele('DocumentVersion').txt('1.01').up().ele('MerchantIdentifier').txt(req.merchantIdentifier);
  root.ele('MessageType').txt('OrderAcknowledgement');
  req.orders.forEach(({ order, reason, merchantOrderId }, k) => {
    const ok = canCancelOnAmazon(order);
    if (!ok.ok) throw new Error(`Order ${order.orderId} cannot be canceled: ${ok.reason}`);
    if (!isCancelReason(reason)) throw new Error(`"${reason}" is not an Amazon CancelReason.`);
    const ack = root
      .ele('Message')
      .ele('MessageID')
      .txt(String(k + 1))
      .up()
      .ele('OrderAcknowledgement');
    ack.ele('AmazonOrderID').txt(order.orderId);
    if (merchantOrderId) ack.ele('MerchantOrderID').txt(merchantOrderId);
    ack.ele('StatusCode').txt('Failure');
    for (const item of order.items.filter((i) => !i.canceled))
      ack.ele('Item').ele('AmazonOrderItemCode').txt(item.orderItemId).up().ele('CancelReason').txt(reason);
  });
  return root.end({ prettyPrint: true });
}

export type CommerceCancelAction =
  | { kind: 'none'; reason: string }
  | { kind: 'cancel'; commerceOrderId: number; releasesReservation: boolean; comment: string }
  | { kind: 'manual'; reason: string };

/**
 * What to do in Commerce once Amazon shows the order (or some lines) canceled. Commerce's cancel releases the MSI
 * reservation itself (it compensates the placed quantity), so no separate stock step is needed.
 */
export function commerceCancelAction(order: AmazonOrder, record: LedgerRecord | undefined): CommerceCancelAction {
  if (!record?.commerceOrderId) return { kind: 'none', reason: 'No Commerce order was created for it.' };
  if (record.commerceCancel === 'done' || record.status === 'canceled')
    return { kind: 'none', reason: 'The Commerce order is already canceled.' };
  const open = order.items.filter((i) => !i.canceled && i.quantityOrdered > 0);
  if (order.status === 'CANCELLED' || open.length === 0)
    return {
      kind: 'cancel',
      commerceOrderId: record.commerceOrderId,
      releasesReservation: record.reserved === true,
      comment: `Canceled on Amazon (${order.items.find((i) => i.canceled?.reason)?.canceled?.reason ?? 'no reason given'}).`,
    };
  const canceledLines = order.items.filter((i) => i.canceled);
  if (canceledLines.length)
    return {
      kind: 'manual',
      reason: `Amazon canceled ${canceledLines.map((i) => i.sku).join(', ')} of this order: adjust the Commerce order (Commerce cannot cancel single lines).`,
    };
  return { kind: 'none', reason: 'Not canceled on Amazon.' };
}
