/**
 * XML order feeds: POST_ORDER_ACKNOWLEDGEMENT_DATA (seller cancellation: StatusCode Failure + CancelReason),
 * POST_ORDER_FULFILLMENT_DATA (shipment), POST_PAYMENT_ADJUSTMENT_DATA (refunds recorded on the order).
 * Returns an XML ProcessingReport like Amazon's.
 */
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import type { OrdersEngine } from './orders-engine';
import type { AmazonState } from './state';

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
];

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
type X = Record<string, unknown>;

export function processOrderFeed(
  state: AmazonState,
  engine: OrdersEngine,
  opts: { feedType: string; sellerId: string; feedId: string; content: string; now: number },
): { xml: string; fatal: boolean } {
  const results: Array<{ id: string; code: 'Error' | 'Warning'; msgCode: string; text: string; orderId?: string }> = [];
  let processed = 0;
  let doc: X;
  try {
    doc = new XMLParser({ parseTagValue: false, trimValues: true }).parse(opts.content) as X;
  } catch (e) {
    doc = {};
    results.push({ id: '0', code: 'Error', msgCode: '5001', text: `XML parsing error: ${(e as Error).message}` });
  }
  const env = doc.AmazonEnvelope as X | undefined;
  const messages = list(env?.Message as X | X[] | undefined);
  if (!env || !messages.length)
    results.push({
      id: '0',
      code: 'Error',
      msgCode: '5001',
      text: 'AmazonEnvelope with at least one Message is required.',
    });
  for (const m of messages) {
    processed++;
    const id = String(m.MessageID ?? processed);
    const err = (msgCode: string, text: string, orderId?: string) =>
      results.push({ id, code: 'Error', msgCode, text, orderId });
    try {
      if (opts.feedType === 'POST_ORDER_ACKNOWLEDGEMENT_DATA') {
        const ack = m.OrderAcknowledgement as X | undefined;
        const orderId = String(ack?.AmazonOrderID ?? '');
        const order = state.orders.get(orderId);
        if (!order || order.sellerId !== opts.sellerId) {
          err('18028', `The order id ${orderId} was not found.`, orderId);
          continue;
        }
        if (ack?.StatusCode === 'Success') continue;
        if (ack?.StatusCode !== 'Failure') {
          err('5000', 'StatusCode must be Success or Failure.', orderId);
          continue;
        }
        if (order.status === 'SHIPPED' || order.status === 'CANCELLED') {
          err('18098', `Order ${orderId} is ${order.status} and cannot be cancelled.`, orderId);
          continue;
        }
        const items = list(ack.Item as X | X[] | undefined);
        const reasons = items.map((i) => String(i.CancelReason ?? 'GeneralAdjustment'));
        const bad = reasons.find((r) => !CANCEL_REASONS.includes(r));
        if (bad) {
          err('5000', `CancelReason '${bad}' is not a valid value.`, orderId);
          continue;
        }
        const ids = items.map((i) => String(i.AmazonOrderItemCode ?? '')).filter(Boolean);
        const unknown = ids.find((x) => !order.items.some((i) => i.orderItemId === x));
        if (unknown) {
          err('18030', `AmazonOrderItemCode ${unknown} is not in order ${orderId}.`, orderId);
          continue;
        }
        engine.cancelItems(order, ids, reasons[0] ?? 'GeneralAdjustment', opts.now);
      } else if (opts.feedType === 'POST_ORDER_FULFILLMENT_DATA') {
        const f = m.OrderFulfillment as X | undefined;
        const orderId = String(f?.AmazonOrderID ?? '');
        const order = state.orders.get(orderId);
        if (!order || order.sellerId !== opts.sellerId) {
          err('18028', `The order id ${orderId} was not found.`, orderId);
          continue;
        }
        const data = (f?.FulfillmentData ?? {}) as X;
        const items = list(f?.Item as X | X[] | undefined);
        engine.ship(
          order,
          {
            packageReferenceId: String(f?.MerchantFulfillmentID ?? `feed-${opts.feedId}-${id}`),
            carrier: String(data.CarrierCode ?? data.CarrierName ?? 'Other'),
            shippingService: data.ShippingMethod ? String(data.ShippingMethod) : undefined,
            trackingNumber: String(data.ShipperTrackingNumber ?? ''),
            shipTime: new Date(Date.parse(String(f?.FulfillmentDate ?? '')) || opts.now).toISOString(),
            items: (items.length
              ? items
              : order.items.map((i) => ({
                  AmazonOrderItemCode: i.orderItemId,
                  Quantity: i.quantity - i.quantityShipped,
                }))
            ).map((i) => ({
              orderItemId: String((i as X).AmazonOrderItemCode),
              quantity: Number((i as X).Quantity),
            })),
          },
          opts.now,
        );
      } else if (opts.feedType === 'POST_PAYMENT_ADJUSTMENT_DATA') {
        const adj = m.OrderAdjustment as X | undefined;
        const orderId = String(adj?.AmazonOrderID ?? '');
        const order = state.orders.get(orderId);
        if (!order || order.sellerId !== opts.sellerId) {
          err('18028', `The order id ${orderId} was not found.`, orderId);
          continue;
        }
        for (const it of list(adj?.AdjustedItem as X | X[] | undefined)) {
          const itemId = String(it.AmazonOrderItemCode ?? '');
          if (!order.items.some((i) => i.orderItemId === itemId)) {
            err('18030', `AmazonOrderItemCode ${itemId} is not in order ${orderId}.`, orderId);
            continue;
          }
          const comps = list((it.ItemPriceAdjustments as X | undefined)?.Component as X | X[] | undefined).map((c) => ({
            type: String(c.Type),
            amount: String(typeof c.Amount === 'object' ? (c.Amount as X)['#text'] : c.Amount),
          }));
          if (!comps.length || comps.some((c) => !/^\d+(\.\d+)?$/.test(c.amount))) {
            err('5000', 'ItemPriceAdjustments need Component Type and positive Amount.', orderId);
            continue;
          }
          order.adjustments.push({
            adjustedAt: new Date(opts.now).toISOString(),
            orderItemId: itemId,
            reason: String(it.AdjustmentReason ?? 'CustomerReturn'),
            components: comps,
            feedId: opts.feedId,
          });
          order.lastUpdatedTime = new Date(opts.now).toISOString();
        }
      }
    } catch (e) {
      err('5000', (e as Error).message);
    }
  }
  const withError = new Set(results.filter((r) => r.code === 'Error').map((r) => r.id)).size;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('AmazonEnvelope', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
  });
  root.ele('Header').ele('DocumentVersion').txt('1.02').up().ele('MerchantIdentifier').txt(opts.sellerId);
  root.ele('MessageType').txt('ProcessingReport');
  const report = root.ele('Message').ele('MessageID').txt('1').up().ele('ProcessingReport');
  report.ele('DocumentTransactionID').txt(opts.feedId);
  report.ele('StatusCode').txt('Complete');
  const s = report.ele('ProcessingSummary');
  s.ele('MessagesProcessed').txt(String(processed));
  s.ele('MessagesSuccessful').txt(String(processed - withError));
  s.ele('MessagesWithError').txt(String(withError));
  s.ele('MessagesWithWarning').txt('0');
  for (const r of results) {
    const res = report.ele('Result');
    res
      .ele('MessageID')
      .txt(r.id)
      .up()
      .ele('ResultCode')
      .txt(r.code)
      .up()
      .ele('ResultMessageCode')
      .txt(r.msgCode)
      .up()
      .ele('ResultDescription')
      .txt(r.text);
    if (r.orderId) res.ele('AdditionalInfo').ele('AmazonOrderID').txt(r.orderId);
  }
  return { xml: root.end({ prettyPrint: true }), fatal: !env };
}
