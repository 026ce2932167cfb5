/**
 * Orders' Commerce event handlers: shipments and tracks added later → Amazon confirmShipment (+ completion
 * invoice), order cancels →
 * ledger (reservation released), credit memos → Amazon payment adjustment feed.
 */
import { registerEventHandler } from '../event-handlers';
import { recordCommerceCancel, sendRefund, syncShipments } from './fulfilment';

const id = (value: unknown): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

registerEventHandler('sales_order_shipment_save_after', async (event, services) => {
  const orderId = id(event.data.value.order_id);
  if (orderId === undefined) return { orders: 'shipment without order_id' };
  const result = await syncShipments(services, orderId);
  return { orders: result };
});

// A track added to an existing shipment (Commerce saves the track, not the shipment): confirm the shipment that
// was waiting for a number, or correct the number Amazon has.
registerEventHandler('sales_order_shipment_track_save_after', async (event, services) => {
  const orderId = id(event.data.value.order_id);
  if (orderId === undefined) return { orders: 'track without order_id' };
  return { orders: await syncShipments(services, orderId) };
});

registerEventHandler('order_cancel_after', async (event, services) => {
  const orderId = id(event.data.value.entity_id);
  if (orderId === undefined) return { orders: 'cancel without entity_id' };
  return { orders: { recorded: await recordCommerceCancel(services, orderId) } };
});

registerEventHandler('sales_order_creditmemo_save_after', async (event, services) => {
  const v = event.data.value;
  const orderId = id(v.order_id);
  const entityId = id(v.entity_id);
  if (orderId === undefined || entityId === undefined) return { orders: 'credit memo without ids' };
  const items = (Array.isArray(v.items) ? v.items : []).map((i: Record<string, unknown>) => ({
    order_item_id: Number(i.order_item_id),
    qty: Number(i.qty),
  }));
  const shipping =
    typeof v.shipping_amount === 'string' && Number(v.shipping_amount) > 0 ? v.shipping_amount : undefined;
  return {
    orders: await sendRefund(services, { entityId, orderId, items, ...(shipping ? { shippingAmount: shipping } : {}) }),
  };
});
