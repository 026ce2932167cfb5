/** Sales and customer schemas (sales-data-*, customer-data-*). Money fields become exact decimal strings. */
import { z } from 'zod';
import { customAttribute, decimalString, intLike, searchResults } from './common';

const money = decimalString.nullish();

export const orderAddress = z.looseObject({
  entity_id: intLike.optional(),
  address_type: z.string().optional(),
  firstname: z.string().nullish(),
  lastname: z.string().nullish(),
  company: z.string().nullish(),
  street: z.array(z.string()).nullish(),
  city: z.string().nullish(),
  region: z.string().nullish(),
  region_code: z.string().nullish(),
  region_id: intLike.nullish(),
  postcode: z.string().nullish(),
  country_id: z.string().nullish(),
  telephone: z.string().nullish(),
  email: z.string().nullish(),
});
export type OrderAddress = z.infer<typeof orderAddress>;

export const orderItem = z.looseObject({
  item_id: intLike.optional(),
  order_id: intLike.optional(),
  parent_item_id: intLike.nullish(),
  sku: z.string(),
  name: z.string().nullish(),
  product_id: intLike.nullish(),
  product_type: z.string().optional(),
  qty_ordered: z.number().optional(),
  qty_invoiced: z.number().optional(),
  qty_shipped: z.number().optional(),
  qty_refunded: z.number().optional(),
  qty_canceled: z.number().optional(),
  price: money,
  base_price: money,
  original_price: money,
  row_total: money,
  base_row_total: money,
  tax_amount: money,
  discount_amount: money,
  ext_order_item_id: z.string().nullish(),
});
export type OrderItem = z.infer<typeof orderItem>;

export const statusHistory = z.looseObject({
  entity_id: intLike.optional(),
  parent_id: intLike.optional(),
  comment: z.string().nullish(),
  status: z.string().nullish(),
  created_at: z.string().optional(),
  is_customer_notified: intLike.nullish(),
  is_visible_on_front: intLike.optional(),
});
export type StatusHistory = z.infer<typeof statusHistory>;

export const order = z.looseObject({
  entity_id: intLike,
  increment_id: z.string().optional(),
  ext_order_id: z.string().nullish(),
  state: z.string().optional(),
  status: z.string().optional(),
  store_id: intLike.optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  customer_email: z.string().nullish(),
  customer_firstname: z.string().nullish(),
  customer_lastname: z.string().nullish(),
  customer_id: intLike.nullish(),
  customer_is_guest: intLike.optional(),
  order_currency_code: z.string().optional(),
  base_currency_code: z.string().optional(),
  grand_total: money,
  base_grand_total: money,
  subtotal: money,
  tax_amount: money,
  shipping_amount: money,
  discount_amount: money,
  total_paid: money,
  total_refunded: money,
  items: z.array(orderItem),
  billing_address: orderAddress.nullish(),
  payment: z.looseObject({ method: z.string().optional() }).nullish(),
  status_histories: z.array(statusHistory).nullish(),
  extension_attributes: z
    .looseObject({
      shipping_assignments: z
        .array(
          z.looseObject({ shipping: z.looseObject({ address: orderAddress.nullish(), method: z.string().nullish() }) }),
        )
        .optional(),
    })
    .optional(),
});
export type Order = z.infer<typeof order>;
export const orderSearchResults = searchResults(order);

export const shipmentTrack = z.looseObject({
  entity_id: intLike.optional(),
  order_id: intLike,
  parent_id: intLike,
  track_number: z.string(),
  title: z.string().nullish(),
  carrier_code: z.string(),
  created_at: z.string().optional(),
});
export type ShipmentTrack = z.infer<typeof shipmentTrack>;

export const shipment = z.looseObject({
  entity_id: intLike,
  order_id: intLike,
  increment_id: z.string().optional(),
  created_at: z.string().optional(),
  total_qty: z.number().nullish(),
  items: z.array(z.looseObject({ order_item_id: intLike, sku: z.string().nullish(), qty: z.number() })),
  tracks: z.array(shipmentTrack),
  extension_attributes: z.looseObject({ source_code: z.string().optional() }).optional(),
});
export type Shipment = z.infer<typeof shipment>;
export const shipmentSearchResults = searchResults(shipment);

export const invoice = z.looseObject({
  entity_id: intLike,
  order_id: intLike,
  increment_id: z.string().optional(),
  state: intLike.optional(),
  grand_total: money,
  created_at: z.string().optional(),
  items: z.array(z.looseObject({ order_item_id: intLike, sku: z.string().nullish(), qty: z.number() })),
});
export type Invoice = z.infer<typeof invoice>;
export const invoiceSearchResults = searchResults(invoice);

export const creditMemo = z.looseObject({
  entity_id: intLike,
  order_id: intLike,
  increment_id: z.string().optional(),
  state: intLike.optional(),
  grand_total: money,
  adjustment: money,
  shipping_amount: money,
  created_at: z.string().optional(),
  items: z.array(z.looseObject({ order_item_id: intLike, sku: z.string().nullish(), qty: z.number() })),
});
export type CreditMemo = z.infer<typeof creditMemo>;
export const creditMemoSearchResults = searchResults(creditMemo);

export const customer = z.looseObject({
  id: intLike,
  email: z.string(),
  firstname: z.string(),
  lastname: z.string(),
  group_id: intLike.optional(),
  website_id: intLike.optional(),
  store_id: intLike.optional(),
  created_at: z.string().optional(),
  custom_attributes: z.array(customAttribute).nullish(),
});
export type Customer = z.infer<typeof customer>;
export const customerSearchResults = searchResults(customer);

/** Endpoints that return a bare id (`POST /V1/order/{id}/invoice` → invoice id). Commerce may quote it. */
export const entityId = intLike;
export const booleanResult = z.boolean();
