/** Customers, orders and their follow-ups (invoice, shipment + tracks, cancel, credit memo, comments). */
import { z } from 'zod';
import { segment } from './catalog';
import type { CommerceHttp } from './http';
import { iteratePages } from './paging';
import type { Decimal, SearchPage } from './schemas/common';
import {
  type CreditMemo,
  type Customer,
  creditMemoSearchResults,
  customer,
  customerSearchResults,
  entityId,
  type Invoice,
  invoiceSearchResults,
  type Order,
  order,
  orderSearchResults,
  type Shipment,
  type ShipmentTrack,
  type StatusHistory,
  shipmentSearchResults,
  shipmentTrack,
  statusHistory,
} from './schemas/sales';
import { criteria as newCriteria, SearchCriteria } from './search-criteria';

export interface WriteOptions {
  /** The caller guarantees a repeat cannot duplicate the effect (it deduplicates), so ambiguous failures may retry. */
  retrySafe?: boolean;
}

export interface CustomerInput {
  email: string;
  firstname: string;
  lastname: string;
  website_id?: number;
  store_id?: number;
  group_id?: number;
}

export interface ItemQty {
  order_item_id: number;
  qty: number;
}

export interface CommentInput {
  comment: string;
  is_visible_on_front?: boolean;
}

export interface InvoiceInput {
  /** Omit to invoice everything still invoiceable. */
  items?: ItemQty[];
  /** Offline methods (Amazon pays the seller) use capture=false. */
  capture?: boolean;
  notify?: boolean;
  comment?: CommentInput;
}

export interface TrackInput {
  track_number: string;
  title: string;
  carrier_code: string;
}

export interface ShipmentInput {
  items?: ItemQty[];
  tracks?: TrackInput[];
  notify?: boolean;
  comment?: CommentInput;
  /** MSI source to deduct from (matters with multi-source inventory). */
  sourceCode?: string;
}

export interface AddTrackInput extends TrackInput {
  order_id: number;
  /** The shipment id. */
  parent_id: number;
  qty?: number;
  weight?: number;
  description?: string;
}

export interface CreditMemoInput {
  items?: ItemQty[];
  notify?: boolean;
  comment?: CommentInput;
  shipping_amount?: Decimal;
  adjustment_positive?: Decimal;
  adjustment_negative?: Decimal;
  /** Order item ids whose refunded qty goes back to stock. */
  return_to_stock_items?: number[];
}

export interface OrderCommentInput {
  comment: string;
  status?: string;
  is_customer_notified?: boolean;
  is_visible_on_front?: boolean;
}

/**
 * An order entity for direct creation (`PUT V1/orders/create`, peers-and-commerce-api.md B3 option D).
 * Money is given as decimal strings and sent as JSON numbers; anything else Commerce accepts may be added.
 * The schema makes `payment` need method, account_status, additional_information and cc_last4 (send '' / []).
 */
export type OrderDraft = {
  customer_email: string;
  grand_total: Decimal;
  base_grand_total: Decimal;
  items: Array<{ sku: string; qty_ordered: number; price: Decimal } & Record<string, unknown>>;
} & Record<string, unknown>;

/** Money-bearing keys of an order draft, converted from decimal strings to JSON numbers on the way out. */
const MONEY_KEY = /(^|_)(total|price|amount|subtotal|grand_total|base_price|row_total|tax_amount|discount_amount)(_|$)/;

/** Converts decimal strings under money keys into numbers, leaving everything else (ids, codes, text) alone. */
export function moneyToJson(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => moneyToJson(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moneyToJson(v, k)]));
  }
  if (typeof value === 'string' && MONEY_KEY.test(key) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

const commentBody = (comment?: CommentInput) =>
  comment ? { comment: comment.comment, is_visible_on_front: comment.is_visible_on_front ? 1 : 0 } : undefined;

export function salesCalls(http: CommerceHttp) {
  const searchOrders = (criteria: SearchCriteria = SearchCriteria.create()): Promise<SearchPage<Order>> =>
    http.request({
      name: 'searchOrders',
      method: 'GET',
      path: 'V1/orders',
      query: criteria.toQuery(),
      schema: orderSearchResults,
    });
  const searchCustomers = (criteria: SearchCriteria = SearchCriteria.create()): Promise<SearchPage<Customer>> =>
    http.request({
      name: 'searchCustomers',
      method: 'GET',
      path: 'V1/customers/search',
      query: criteria.toQuery(),
      schema: customerSearchResults,
    });

  return {
    searchCustomers,
    findCustomerByEmail: async (email: string, websiteId?: number): Promise<Customer | undefined> => {
      let c = newCriteria().where('email', 'eq', email);
      if (websiteId !== undefined) c = c.where('website_id', 'eq', websiteId);
      return (await searchCustomers(c.pageSize(1))).items[0];
    },
    createCustomer: (input: CustomerInput, options: WriteOptions = {}): Promise<Customer> =>
      http.request({
        name: 'createCustomer',
        method: 'POST',
        path: 'V1/customers',
        body: { customer: input },
        retrySafe: options.retrySafe,
        schema: customer,
      }),

    searchOrders,
    iterateOrders: (criteria?: SearchCriteria, pageSize?: number): AsyncGenerator<Order, void, undefined> =>
      iteratePages(searchOrders, criteria, pageSize),
    getOrder: (orderId: number): Promise<Order> =>
      http.request({ name: 'getOrder', method: 'GET', path: `V1/orders/${segment(orderId)}`, schema: order }),
    findOrderByIncrementId: async (incrementId: string): Promise<Order | undefined> =>
      (await searchOrders(newCriteria().where('increment_id', 'eq', incrementId).pageSize(1))).items[0],
    findOrderByExtOrderId: async (extOrderId: string): Promise<Order | undefined> =>
      (await searchOrders(newCriteria().where('ext_order_id', 'eq', extOrderId).pageSize(1))).items[0],

    /**
     * Creates an order directly from a full entity (no quote, no MSI reservation). Not idempotent: a retry after a
     * timeout could create a duplicate, so it is only retried on certain non-processing (refused, 429, 503) unless
     * the caller passes retrySafe after checking findOrderByExtOrderId itself.
     */
    createOrder: (entity: OrderDraft, options: WriteOptions = {}): Promise<Order> =>
      http.request({
        name: 'createOrder',
        method: 'PUT',
        path: 'V1/orders/create',
        body: { entity: moneyToJson(entity) },
        idempotent: false,
        retrySafe: options.retrySafe,
        schema: order,
      }),

    createInvoice: (orderId: number, input: InvoiceInput = {}, options: WriteOptions = {}): Promise<number> =>
      http.request({
        name: 'createInvoice',
        method: 'POST',
        path: `V1/order/${segment(orderId)}/invoice`,
        body: {
          capture: input.capture ?? false,
          items: input.items ?? [],
          notify: input.notify ?? false,
          comment: commentBody(input.comment),
        },
        retrySafe: options.retrySafe,
        schema: entityId,
      }),
    searchInvoices: (criteria: SearchCriteria = SearchCriteria.create()): Promise<SearchPage<Invoice>> =>
      http.request({
        name: 'searchInvoices',
        method: 'GET',
        path: 'V1/invoices',
        query: criteria.toQuery(),
        schema: invoiceSearchResults,
      }),

    createShipment: (orderId: number, input: ShipmentInput = {}, options: WriteOptions = {}): Promise<number> =>
      http.request({
        name: 'createShipment',
        method: 'POST',
        path: `V1/order/${segment(orderId)}/ship`,
        body: {
          items: input.items ?? [],
          tracks: input.tracks ?? [],
          notify: input.notify ?? false,
          comment: commentBody(input.comment),
          arguments: input.sourceCode ? { extension_attributes: { source_code: input.sourceCode } } : undefined,
        },
        retrySafe: options.retrySafe,
        schema: entityId,
      }),
    addShipmentTrack: (input: AddTrackInput, options: WriteOptions = {}): Promise<ShipmentTrack> =>
      http.request({
        name: 'addShipmentTrack',
        method: 'POST',
        path: 'V1/shipment/track',
        body: { entity: { qty: 1, weight: 0, description: '', ...input } },
        retrySafe: options.retrySafe,
        schema: shipmentTrack,
      }),
    /** Removes a track from its shipment (a wrong tracking number). */
    deleteShipmentTrack: (trackId: number): Promise<boolean> =>
      http.request({
        name: 'deleteShipmentTrack',
        method: 'DELETE',
        path: `V1/shipment/track/${trackId}`,
        schema: z.boolean(),
      }),
    searchShipments: (criteria: SearchCriteria = SearchCriteria.create()): Promise<SearchPage<Shipment>> =>
      http.request({
        name: 'searchShipments',
        method: 'GET',
        path: 'V1/shipments',
        query: criteria.toQuery(),
        schema: shipmentSearchResults,
      }),

    /** Cancels the uninvoiced part. Repeating a cancel changes nothing more, so it is retried like an idempotent call. */
    cancelOrder: (orderId: number): Promise<boolean> =>
      http.request({
        name: 'cancelOrder',
        method: 'POST',
        path: `V1/orders/${segment(orderId)}/cancel`,
        idempotent: true,
        schema: z.boolean(),
      }),
    holdOrder: (orderId: number): Promise<boolean> =>
      http.request({
        name: 'holdOrder',
        method: 'POST',
        path: `V1/orders/${segment(orderId)}/hold`,
        idempotent: true,
        schema: z.boolean(),
      }),
    unholdOrder: (orderId: number): Promise<boolean> =>
      http.request({
        name: 'unholdOrder',
        method: 'POST',
        path: `V1/orders/${segment(orderId)}/unhold`,
        idempotent: true,
        schema: z.boolean(),
      }),

    /** Offline refund of an order (Amazon-paid orders): POST V1/order/{id}/refund → credit memo id. */
    createCreditMemo: (orderId: number, input: CreditMemoInput = {}, options: WriteOptions = {}): Promise<number> =>
      http.request({
        name: 'createCreditMemo',
        method: 'POST',
        path: `V1/order/${segment(orderId)}/refund`,
        body: {
          items: input.items ?? [],
          notify: input.notify ?? false,
          comment: commentBody(input.comment),
          arguments: moneyToJson({
            shipping_amount: input.shipping_amount,
            adjustment_positive: input.adjustment_positive,
            adjustment_negative: input.adjustment_negative,
            extension_attributes: input.return_to_stock_items
              ? { return_to_stock_items: input.return_to_stock_items }
              : undefined,
          }),
        },
        retrySafe: options.retrySafe,
        schema: entityId,
      }),
    searchCreditMemos: (criteria: SearchCriteria = SearchCriteria.create()): Promise<SearchPage<CreditMemo>> =>
      http.request({
        name: 'searchCreditMemos',
        method: 'GET',
        path: 'V1/creditmemos',
        query: criteria.toQuery(),
        schema: creditMemoSearchResults,
      }),

    addOrderComment: (orderId: number, input: OrderCommentInput, options: WriteOptions = {}): Promise<boolean> =>
      http.request({
        name: 'addOrderComment',
        method: 'POST',
        path: `V1/orders/${segment(orderId)}/comments`,
        body: {
          statusHistory: {
            comment: input.comment,
            status: input.status,
            parent_id: orderId,
            is_customer_notified: input.is_customer_notified ? 1 : 0,
            is_visible_on_front: input.is_visible_on_front ? 1 : 0,
          },
        },
        retrySafe: options.retrySafe,
        schema: z.boolean(),
      }),
    getOrderComments: async (orderId: number): Promise<StatusHistory[]> =>
      (
        await http.request({
          name: 'getOrderComments',
          method: 'GET',
          path: `V1/orders/${segment(orderId)}/comments`,
          schema: z.looseObject({ items: z.array(statusHistory) }),
        })
      ).items,
  };
}

export type SalesCalls = ReturnType<typeof salesCalls>;
