/**
 * After creation: Commerce shipments → Amazon confirmShipment (one package per shipment, partial shipments too)
 * and the completion invoice; the merchant's Cancel Order → POST_ORDER_ACKNOWLEDGEMENT_DATA feed and the Commerce
 * order Canceled (decision #11); Commerce cancels recorded in the ledger; credit memos → POST_PAYMENT_ADJUSTMENT_DATA.
 */
import type { Order } from '../../adapters/commerce';
import { criteria } from '../../adapters/commerce';
import { type OrderEntry, ordersRepository } from '../../adapters/state/orders/ledger-repository';
import {
  type AdjustmentReason,
  type AmazonOrder,
  buildAdjustmentFeed,
  buildCancellationFeed,
  type CancelReason,
  type CommerceOrderItemRef,
  canCancelOnAmazon,
  completionInvoice,
  confirmShipmentBodies,
  IMPORT_INCLUDED_DATA,
  itemIdMap,
  next,
  type ProductMatches,
  parseGetOrderResponse,
  planAdjustment,
  trackingCorrection,
} from '../../core/orders';
import { fmt, sum } from '../../core/orders/money';
import type { StoreRecord } from '../../core/store';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { uploadDocument } from '../listings/documents';
import type { Services } from '../services';
import { amazonOrderIdOf } from './commerce-orders';

const iso = (services: Services) => new Date(services.clock.now()).toISOString();

export interface LocatedOrder {
  store: StoreRecord;
  entry: OrderEntry;
  commerceOrder: Order;
  amazonOrderId: string;
}

/** The store and ledger entry of a Commerce order, or undefined when it did not come from Amazon. */
export const locateCommerceOrder = async (
  services: Services,
  commerceOrderId: number,
): Promise<LocatedOrder | undefined> => {
  const commerceOrder = await services.commerce().getOrder(commerceOrderId);
  const amazonOrderId = amazonOrderIdOf(commerceOrder);
  if (!amazonOrderId) return undefined;
  for (const store of await services.storage.stores.list()) {
    const entry = await ordersRepository(services.storage, store.id).get(amazonOrderId);
    if (entry) return { store, entry, commerceOrder, amazonOrderId };
  }
  return undefined;
};

export const fetchAmazonOrder = async (services: Services, store: StoreRecord, id: string): Promise<AmazonOrder> =>
  parseGetOrderResponse(
    await (await services.amazonFor(store)).call('getOrder', {
      path: { orderId: id },
      query: { includedData: [...IMPORT_INCLUDED_DATA] },
    }),
  );

const itemRefs = (order: Order): CommerceOrderItemRef[] =>
  order.items.map((i) => ({
    item_id: Number(i.item_id),
    sku: i.sku,
    qty_ordered: Number(i.qty_ordered ?? 0),
    qty_shipped: Number(i.qty_shipped ?? 0),
    qty_canceled: Number(i.qty_canceled ?? 0),
    qty_invoiced: Number(i.qty_invoiced ?? 0),
    parent_item_id: i.parent_item_id === undefined || i.parent_item_id === null ? null : Number(i.parent_item_id),
  }));

/** The matches used at creation, as the shipment pairing needs them (Amazon SKU → Commerce SKU). */
const matchesOf = (entry: OrderEntry): ProductMatches =>
  Object.fromEntries(
    Object.entries(entry.skuMap ?? {}).map(([amazonSku, sku]) => [
      amazonSku,
      { sku, enabled: true, inWebsite: true, manageStock: false, salableQty: 0 },
    ]),
  );

export interface ShipmentSyncResult {
  confirmed: number[];
  skipped: string[];
  warnings: string[];
  completed: boolean;
}

/**
 * Confirms every Commerce shipment of the order not yet confirmed (each one is a package), then invoices the
 * order once everything shipped so Commerce moves it to Complete (SPEC 6.3 step 6).
 */
export const syncShipments = async (services: Services, commerceOrderId: number): Promise<ShipmentSyncResult> => {
  const result: ShipmentSyncResult = { confirmed: [], skipped: [], warnings: [], completed: false };
  const located = await locateCommerceOrder(services, commerceOrderId);
  if (!located) return { ...result, skipped: ['not an Amazon order'] };
  const { store, amazonOrderId } = located;
  const commerce = services.commerce();
  const amazon = await services.amazonFor(store);
  let amazonOrder = await fetchAmazonOrder(services, store, amazonOrderId);
  const shipments = await commerce.searchShipments(criteria().where('order_id', 'eq', commerceOrderId));
  const repo = ordersRepository(services.storage, store.id);
  for (const shipment of shipments.items) {
    const shipmentId = Number(shipment.entity_id);
    const entry = (await repo.get(amazonOrderId)) ?? located.entry;
    const tracks = shipment.tracks.map((t) => ({
      track_number: String(t.track_number ?? ''),
      carrier_code: String(t.carrier_code ?? ''),
      ...(t.title ? { title: String(t.title) } : {}),
    }));
    if (entry.confirmedShipments?.includes(shipmentId)) {
      // Confirmed before: only a changed tracking number is sent again, as a correction of the same package.
      const sent = entry.confirmedPackages?.[String(shipmentId)];
      const correction = sent ? trackingCorrection(sent, tracks) : undefined;
      if (!correction) continue;
      await amazon.call('confirmShipment', { path: { orderId: amazonOrderId }, body: correction });
      result.confirmed.push(shipmentId);
      await repo.update(
        amazonOrderId,
        (e) => ({ ...e, confirmedPackages: { ...e.confirmedPackages, [String(shipmentId)]: correction } }),
        iso(services),
      );
      continue;
    }
    const decision = confirmShipmentBodies(
      amazonOrder,
      {
        shipmentId,
        createdAt: shipment.created_at
          ? `${shipment.created_at.replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(shipment.created_at) ? '' : 'Z'}`
          : iso(services),
        items: shipment.items.map((i) => ({ order_item_id: Number(i.order_item_id), qty: Number(i.qty) })),
        tracks,
      },
      itemRefs(located.commerceOrder),
      matchesOf(entry),
    );
    if (decision.kind === 'skip') {
      result.skipped.push(`${shipmentId}: ${decision.reason}`);
      continue;
    }
    for (const body of decision.bodies)
      await amazon.call('confirmShipment', { path: { orderId: amazonOrderId }, body });
    result.confirmed.push(shipmentId);
    result.warnings.push(...decision.warnings);
    const [sent] = decision.bodies;
    await repo.update(
      amazonOrderId,
      (e) => ({
        ...e,
        confirmedShipments: [...(e.confirmedShipments ?? []), shipmentId],
        ...(sent ? { confirmedPackages: { ...e.confirmedPackages, [String(shipmentId)]: sent } } : {}),
      }),
      iso(services),
    );
  }
  if (result.confirmed.length) amazonOrder = await fetchAmazonOrder(services, store, amazonOrderId);
  const latest = await commerce.getOrder(commerceOrderId);
  const lines = completionInvoice(itemRefs(latest));
  if (lines) {
    await commerce.createInvoice(commerceOrderId, {
      items: lines,
      capture: false,
      comment: { comment: 'Paid on Amazon: invoiced once every item shipped.' },
    });
    result.completed = true;
  }
  const note = result.confirmed.length
    ? `Status updated to ${amazonOrder.status === 'SHIPPED' ? 'Shipped' : 'PartiallyShipped'}.${result.warnings.length ? ` ${result.warnings.join(' ')}` : ''}`
    : result.skipped[0];
  const saved = await repo.update(
    amazonOrderId,
    (e) => ({ ...e, order: amazonOrder, record: { ...e.record, ...(note ? { note } : {}) } }),
    iso(services),
  );
  await repo.refreshGrid([saved]);
  return result;
};

/** Uploads an XML order feed through the gateway (and the emulator agent locally); returns the feed id. */
export const submitOrderFeed = async (
  services: Services,
  store: StoreRecord,
  feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA' | 'POST_PAYMENT_ADJUSTMENT_DATA',
  xml: string,
): Promise<string> => {
  const amazon = await services.amazonFor(store);
  const contentType = 'text/xml; charset=UTF-8';
  const doc = await amazon.call<{ feedDocumentId: string; url: string }>('createFeedDocument', {
    body: { contentType },
  });
  await uploadDocument(services.inputs, doc.url, Buffer.from(xml, 'utf8'), contentType);
  const { feedId } = await amazon.call<{ feedId: string }>('createFeed', {
    body: { feedType, marketplaceIds: [store.marketplaceId], inputFeedDocumentId: doc.feedDocumentId },
  });
  return feedId;
};

/**
 * The merchant's Cancel Order (SPEC 6.7): only Unshipped merchant-fulfilled orders; the cancellation goes to Amazon
 * as an order acknowledgement feed with the reason, and the linked Commerce order becomes Canceled (decision #11),
 * which releases its reservation.
 */
export const cancelOrderOnAmazon = async (
  services: Services,
  storeId: string,
  amazonOrderId: string,
  reason: CancelReason,
): Promise<OrderEntry> => {
  const store = await services.storage.stores.get(storeId);
  if (!store) throw new NotFoundError(`Store ${storeId} does not exist`);
  const repo = ordersRepository(services.storage, storeId);
  const stored = await repo.get(amazonOrderId);
  if (!stored) throw new NotFoundError(`Amazon order ${amazonOrderId} is not known in store ${storeId}`);
  const order = await fetchAmazonOrder(services, store, amazonOrderId);
  const eligible = canCancelOnAmazon(order);
  if (!eligible.ok) throw new ValidationError(eligible.reason, { amazonOrderId: eligible.reason });
  const feedId = await submitOrderFeed(
    services,
    store,
    'POST_ORDER_ACKNOWLEDGEMENT_DATA',
    buildCancellationFeed({
      merchantIdentifier: store.sellerId,
      orders: [
        {
          order,
          reason,
          ...(stored.record.commerceIncrementId ? { merchantOrderId: stored.record.commerceIncrementId } : {}),
        },
      ],
    }),
  );
  const at = iso(services);
  let entry = await repo.update(
    amazonOrderId,
    (e) => ({
      ...e,
      order,
      cancelRequested: { reason, at, feedId },
      feeds: [...(e.feeds ?? []), { kind: 'cancellation', feedId, at, detail: reason }],
      record: { ...e.record, note: `Cancellation sent to Amazon (${reason}).` },
    }),
    at,
  );
  const commerceOrderId = entry.record.commerceOrderId;
  if (commerceOrderId !== undefined && entry.record.status === 'created') {
    const commerce = services.commerce();
    await commerce.cancelOrder(commerceOrderId);
    await commerce
      .addOrderComment(commerceOrderId, { comment: `Canceled on Amazon by the merchant: ${reason}.` })
      .catch(() => undefined);
    entry = await repo.update(
      amazonOrderId,
      (e) => {
        const record = e.record.status === 'created' ? next(e.record, { type: 'commerce_canceled', at }) : e.record;
        return { ...e, record: { ...record, note: `Canceled: cancellation sent to Amazon (${reason}).` } };
      },
      at,
    );
  }
  await repo.refreshGrid([entry]);
  return entry;
};

/** order_cancel_after: a Commerce order of ours was canceled (by us or the merchant); the reservation is released. */
export const recordCommerceCancel = async (services: Services, commerceOrderId: number): Promise<boolean> => {
  const located = await locateCommerceOrder(services, commerceOrderId);
  if (!located || located.entry.record.status !== 'created') return false;
  const repo = ordersRepository(services.storage, located.store.id);
  const at = iso(services);
  const entry = await repo.update(
    located.amazonOrderId,
    (e) =>
      e.record.status === 'created'
        ? {
            ...e,
            record: {
              ...next(e.record, { type: 'commerce_canceled', at }),
              note: 'Canceled in Commerce (reservation released). Cancel it on Amazon too if it is still Unshipped.',
            },
          }
        : undefined,
    at,
  );
  await repo.refreshGrid([entry]);
  return true;
};

/**
 * sales_order_creditmemo_save_after → POST_PAYMENT_ADJUSTMENT_DATA (docs/orders.md "Refunds"): refunded quantities
 * per Amazon line, shipping spread pro rata, capped by what was already refunded.
 */
export const sendRefund = async (
  services: Services,
  memo: {
    entityId: number;
    orderId: number;
    items: Array<{ order_item_id: number; qty: number }>;
    shippingAmount?: string;
  },
  reason: AdjustmentReason = 'CustomerReturn',
): Promise<{ feedId?: string; skipped?: string; notSent: string[] }> => {
  const located = await locateCommerceOrder(services, memo.orderId);
  if (!located) return { skipped: 'not an Amazon order', notSent: [] };
  if (located.entry.sentCreditMemos?.includes(memo.entityId)) return { skipped: 'already sent', notSent: [] };
  const order = await fetchAmazonOrder(services, located.store, located.amazonOrderId);
  const ids = itemIdMap(order, itemRefs(located.commerceOrder), matchesOf(located.entry));
  const items = memo.items
    .filter((i) => i.qty > 0 && ids.has(i.order_item_id))
    .map((i) => ({ orderItemId: ids.get(i.order_item_id)!, qty: i.qty }));
  const plan = planAdjustment(
    order,
    { items, reason, ...(memo.shippingAmount ? { shippingAmount: memo.shippingAmount } : {}) },
    located.entry.refunded ?? {},
  );
  if (plan.items.length === 0) return { skipped: 'nothing refundable on Amazon', notSent: plan.notSent };
  const feedId = await submitOrderFeed(
    services,
    located.store,
    'POST_PAYMENT_ADJUSTMENT_DATA',
    buildAdjustmentFeed(located.store.sellerId, order, plan),
  );
  const at = iso(services);
  const repo = ordersRepository(services.storage, located.store.id);
  await repo.update(
    located.amazonOrderId,
    (e) => {
      const refunded = { ...(e.refunded ?? {}) };
      for (const item of plan.items)
        refunded[item.orderItemId] = fmt(
          sum([refunded[item.orderItemId] ?? '0', ...item.components.map((c) => c.amount)]),
          order.currency,
        );
      return {
        ...e,
        refunded,
        sentCreditMemos: [...(e.sentCreditMemos ?? []), memo.entityId],
        feeds: [...(e.feeds ?? []), { kind: 'adjustment', feedId, at, detail: plan.total }],
        record: {
          ...e.record,
          note: `Refund of ${plan.total} sent to Amazon.${plan.notSent.length ? ` Not sent: ${plan.notSent.join(' ')}` : ''}`,
        },
      };
    },
    at,
  );
  return { feedId, notSent: plan.notSent };
};
