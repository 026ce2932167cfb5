import { z } from 'zod';
import type { Session } from '../host/session';
import type { FetchLike } from './config';
import { createTransport } from './transport';

/** Client and response schemas of the orders actions (asc/orders, asc/order-cancel). */

export const ORDER_STATUSES = [
  'Error',
  'Pending',
  'Shipped',
  'Canceled',
  'Completed',
  'Unshipped',
  'PartiallyShipped',
  'PendingAvailability',
] as const;

/** Amazon's CancelReason values (order acknowledgement feed); labels for the dialog. */
export const CANCEL_REASONS = [
  { id: 'NoInventory', label: 'No inventory' },
  { id: 'ShippingAddressUndeliverable', label: 'Shipping address undeliverable' },
  { id: 'CustomerExchange', label: 'Customer exchange' },
  { id: 'BuyerCanceled', label: 'Buyer canceled' },
  { id: 'GeneralAdjustment', label: 'General adjustment' },
  { id: 'CarrierCreditDecision', label: 'Carrier credit decision' },
  { id: 'RiskAssessmentInformationNotValid', label: 'Risk assessment information not valid' },
  { id: 'CarrierCoverageFailure', label: 'Carrier coverage failure' },
  { id: 'CustomerReturn', label: 'Customer return' },
  { id: 'MerchandiseNotReceived', label: 'Merchandise not received' },
] as const;

export const orderRowSchema = z.looseObject({
  orderId: z.string(),
  purchaseDate: z.string(),
  statusLabel: z.string(),
  buyerName: z.string(),
  grandTotal: z.string().optional(),
  currency: z.string().optional(),
  notes: z.string().optional(),
  ledgerStatus: z.string(),
});
export type OrderRow = z.infer<typeof orderRowSchema>;

export const ordersPageSchema = z.object({
  items: z.array(orderRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  notice: z.string().nullable(),
});
export type OrdersPage = z.infer<typeof ordersPageSchema>;

const nullableText = z.string().nullable();
export const orderDetailsSchema = z.looseObject({
  storeId: z.string(),
  orderId: z.string(),
  status: z.string(),
  notes: nullableText,
  ledgerStatus: z.string(),
  commerceOrderId: z.number().nullable(),
  commerceOrderNumber: nullableText,
  buyerEmail: nullableText,
  buyerName: nullableText,
  currency: nullableText,
  orderTotal: nullableText,
  inventoryReserved: z.boolean(),
  premium: z.boolean(),
  prime: z.boolean(),
  business: z.boolean(),
  purchaseDate: z.string(),
  latestShipDate: nullableText,
  shippingServiceLevel: nullableText,
  shippedByAmazon: z.boolean(),
  fulfillmentChannel: z.string(),
  itemsShipped: z.number(),
  itemsUnshipped: z.number(),
  shippingPhone: nullableText,
  address: z.object({
    lines: z.array(z.string()),
    city: z.string(),
    region: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }),
  addressEditable: z.boolean(),
  canCancel: z.boolean(),
  cancelBlockedReason: nullableText,
  items: z.array(
    z.object({
      orderItemId: z.string(),
      commerceOrderNumber: nullableText,
      qtyShipped: z.number(),
      qtyOrdered: z.number(),
      title: z.string(),
      asin: z.string(),
      sellerSku: z.string(),
      condition: z.string(),
      rowPrice: nullableText,
      rowTax: nullableText,
      shippingPrice: nullableText,
    }),
  ),
  tracking: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      quantity: z.number(),
      carrierCode: z.string(),
      shippingMethod: z.string(),
      trackingNumber: z.string(),
      commerceOrderNumber: z.string().optional(),
    }),
  ),
});
export type OrderDetails = z.infer<typeof orderDetailsSchema>;

export interface OrdersFilter {
  purchaseDateFrom?: string;
  purchaseDateTo?: string;
  orderNumber?: string;
  buyerName?: string;
  totalMin?: string;
  totalMax?: string;
  statuses?: string[];
}

export interface OrdersClient {
  list(storeId: string, page: number, pageSize: number, filter: OrdersFilter): Promise<OrdersPage>;
  details(storeId: string, amazonOrderId: string): Promise<OrderDetails>;
  saveAddress(storeId: string, amazonOrderId: string, address: OrderDetails['address']): Promise<OrderDetails>;
  retry(storeId: string, amazonOrderId: string): Promise<OrderDetails>;
  fetchOrder(storeId: string, amazonOrderId: string): Promise<OrderDetails>;
  cancel(storeId: string, amazonOrderId: string, reason: string): Promise<OrderDetails>;
}

export const createOrdersClient = (
  session: Pick<Session, 'config' | 'credentials'>,
  fetchFn?: FetchLike,
): OrdersClient => {
  const transport = createTransport(session, fetchFn);
  const send = <T>(
    action: string,
    method: 'GET' | 'POST',
    request: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> => transport.call(action, method, request, schema);
  const withOrder = z.object({ order: orderDetailsSchema });
  return {
    list: (storeId, page, pageSize, filter) =>
      send('asc/orders', 'GET', { storeId, page, pageSize, ...filter }, ordersPageSchema),
    details: async (storeId, amazonOrderId) =>
      (await send('asc/orders', 'GET', { storeId, amazonOrderId }, withOrder)).order,
    saveAddress: async (storeId, amazonOrderId, address) =>
      (await send('asc/orders', 'POST', { storeId, amazonOrderId, action: 'save_address', address }, withOrder)).order,
    retry: async (storeId, amazonOrderId) =>
      (await send('asc/orders', 'POST', { storeId, amazonOrderId, action: 'retry' }, withOrder)).order,
    fetchOrder: async (storeId, amazonOrderId) =>
      (await send('asc/orders', 'POST', { storeId, amazonOrderId, action: 'fetch' }, withOrder)).order,
    cancel: async (storeId, amazonOrderId, reason) =>
      (await send('asc/order-cancel', 'POST', { storeId, amazonOrderId, reason }, withOrder)).order,
  };
};
