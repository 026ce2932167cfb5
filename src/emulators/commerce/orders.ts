import Big from 'big.js';
import { type EmitEvent, type HandlerTable, type RestContext, badRequest, intParam, notFound } from './context';
import { addReservation } from './inventory';
import { applySearchCriteria, echoCriteria, parseSearchCriteria } from './search-criteria';
import { crossRate } from './stores';
import type { CommerceState, Entity } from './state';

/** Money arithmetic is exact (big.js); Commerce's JSON carries numbers rounded to 4 decimals at most. */
export const money = (value: Big.BigSource): number => Number(new Big(value).round(4).toString());

export interface NewOrderItem {
  sku: string;
  qty: number;
  /** Unit price in the order currency, as a decimal string. */
  price: string;
  name?: string;
}

export interface NewOrder {
  storeId: number;
  customer: { email: string; firstname?: string; lastname?: string; id?: number };
  items: NewOrderItem[];
  shippingAmount: string;
  shippingMethod: string;
  shippingDescription: string;
  paymentMethod: string;
  billingAddress?: Record<string, unknown>;
  shippingAddress?: Record<string, unknown>;
  extOrderId?: string;
  quoteId?: number;
  /** MSI reservations: placed by the quote path; the direct order API skips them (inventory#2787). */
  reserve: boolean;
}

const nextIncrementId = (storeId: number, seq: number): string =>
  `${storeId > 1 ? storeId : ''}${String(seq).padStart(9, '0')}`;

const orderAddress = (
  address: Record<string, unknown> | undefined,
  type: 'billing' | 'shipping',
  parentId: number,
  email: string,
) =>
  address
    ? {
        address_type: type,
        city: String(address.city ?? ''),
        country_id: String(address.country_id ?? ''),
        firstname: String(address.firstname ?? ''),
        lastname: String(address.lastname ?? ''),
        postcode: String(address.postcode ?? ''),
        telephone: String(address.telephone ?? ''),
        street: (address.street as string[] | undefined) ?? [],
        region: String(address.region ?? ''),
        region_code: String(address.region_code ?? ''),
        ...(typeof address.region_id === 'number' ? { region_id: address.region_id } : {}),
        email: String(address.email ?? email),
        parent_id: parentId,
      }
    : undefined;

/** Creates an order entity with totals computed exactly from the given unit prices and shipping amount. */
export const placeOrder = (state: CommerceState, input: NewOrder): Entity => {
  const id = state.next('order');
  const now = state.now();
  const websiteId = state.websiteIdOfStore(input.storeId);
  const currency = state.website(websiteId)?.baseCurrency ?? state.data.currency.base;
  const globalCurrency = state.data.currency.base;
  const items = input.items.map((line) => {
    const product = state.product(line.sku);
    const rowTotal = new Big(line.price).times(line.qty);
    return {
      item_id: state.next('orderItem'),
      order_id: id,
      sku: line.sku,
      name: line.name ?? product?.name ?? line.sku,
      product_id: product?.id ?? 0,
      product_type: product?.typeId ?? 'simple',
      store_id: input.storeId,
      qty_ordered: line.qty,
      qty_invoiced: 0,
      qty_shipped: 0,
      qty_canceled: 0,
      qty_refunded: 0,
      price: money(line.price),
      base_price: money(line.price),
      original_price: money(line.price),
      base_original_price: money(line.price),
      price_incl_tax: money(line.price),
      base_price_incl_tax: money(line.price),
      row_total: money(rowTotal),
      base_row_total: money(rowTotal),
      row_total_incl_tax: money(rowTotal),
      base_row_total_incl_tax: money(rowTotal),
      tax_amount: 0,
      base_tax_amount: 0,
      tax_percent: 0,
      discount_amount: 0,
      base_discount_amount: 0,
      amount_refunded: 0,
      base_amount_refunded: 0,
      is_virtual: 0,
      created_at: now,
      updated_at: now,
    };
  });
  const subtotal = input.items.reduce((sum, line) => sum.plus(new Big(line.price).times(line.qty)), new Big(0));
  const grandTotal = subtotal.plus(input.shippingAmount);
  const totalQty = input.items.reduce((sum, line) => sum + line.qty, 0);
  const billing = orderAddress(input.billingAddress ?? input.shippingAddress, 'billing', id, input.customer.email);
  const shipping = orderAddress(input.shippingAddress, 'shipping', id, input.customer.email);
  const order: Entity = {
    entity_id: id,
    increment_id: nextIncrementId(input.storeId, id),
    state: 'new',
    status: 'pending',
    store_id: input.storeId,
    store_name: state.storeView(input.storeId)?.name ?? 'Admin',
    created_at: now,
    updated_at: now,
    customer_email: input.customer.email,
    customer_firstname: input.customer.firstname ?? '',
    customer_lastname: input.customer.lastname ?? '',
    customer_is_guest: input.customer.id ? 0 : 1,
    ...(input.customer.id ? { customer_id: input.customer.id } : {}),
    customer_group_id: input.customer.id ? 1 : 0,
    ...(input.extOrderId ? { ext_order_id: input.extOrderId } : {}),
    ...(input.quoteId ? { quote_id: input.quoteId } : {}),
    base_currency_code: currency,
    order_currency_code: currency,
    store_currency_code: currency,
    global_currency_code: globalCurrency,
    base_to_global_rate: Number(crossRate(state, currency, globalCurrency) ?? '1'),
    base_to_order_rate: 1,
    store_to_base_rate: 0,
    store_to_order_rate: 0,
    subtotal: money(subtotal),
    base_subtotal: money(subtotal),
    subtotal_incl_tax: money(subtotal),
    base_subtotal_incl_tax: money(subtotal),
    shipping_amount: money(input.shippingAmount),
    base_shipping_amount: money(input.shippingAmount),
    shipping_incl_tax: money(input.shippingAmount),
    base_shipping_incl_tax: money(input.shippingAmount),
    shipping_tax_amount: 0,
    base_shipping_tax_amount: 0,
    shipping_description: input.shippingDescription,
    tax_amount: 0,
    base_tax_amount: 0,
    discount_amount: 0,
    base_discount_amount: 0,
    grand_total: money(grandTotal),
    base_grand_total: money(grandTotal),
    total_due: money(grandTotal),
    base_total_due: money(grandTotal),
    total_paid: 0,
    total_invoiced: 0,
    total_refunded: 0,
    total_canceled: 0,
    total_qty_ordered: totalQty,
    total_item_count: items.length,
    is_virtual: 0,
    weight: 0,
    items,
    ...(billing ? { billing_address: billing } : {}),
    payment: {
      account_status: '',
      additional_information: [],
      cc_last4: '',
      method: input.paymentMethod,
      parent_id: id,
      amount_ordered: money(grandTotal),
      base_amount_ordered: money(grandTotal),
      shipping_amount: money(input.shippingAmount),
      base_shipping_amount: money(input.shippingAmount),
    },
    status_histories: [],
    extension_attributes: {
      shipping_assignments: [
        {
          shipping: {
            ...(shipping ? { address: shipping } : {}),
            method: input.shippingMethod,
            total: { shipping_amount: money(input.shippingAmount), base_shipping_amount: money(input.shippingAmount) },
          },
          items,
        },
      ],
    },
  };
  state.data.orders[String(id)] = order;
  const stock = state.stockForWebsite(websiteId);
  state.data.orderMeta[String(id)] = {
    stockId: stock?.id,
    reserved: input.reserve && stock !== undefined,
    quoteId: input.quoteId,
  };
  if (input.reserve && stock) {
    for (const line of input.items) {
      addReservation(state, stock.id, line.sku, -line.qty, {
        event_type: 'order_placed',
        object_type: 'order',
        object_id: String(id),
      });
    }
  }
  return order;
};

export type OrderItem = Record<string, unknown> & {
  item_id: number;
  sku: string;
  qty_ordered: number;
  qty_invoiced: number;
  qty_shipped: number;
  qty_canceled: number;
  qty_refunded: number;
  price: number;
  product_id: number;
};

export const orderItems = (order: Entity): OrderItem[] => order.items as OrderItem[];

export const requireOrder = (state: CommerceState, id: number): Entity => {
  const order = state.data.orders[String(id)];
  if (!order) throw notFound("The entity that was requested doesn't exist. Verify the entity and try again.");
  return order;
};

/** Recomputes state/status after invoices, shipments, cancellations and refunds, as Commerce's order state machine does. */
export const refreshOrderState = (state: CommerceState, order: Entity): void => {
  const items = orderItems(order);
  const open = (i: OrderItem) => i.qty_ordered - i.qty_canceled;
  const allCanceled = items.every((i) => i.qty_canceled >= i.qty_ordered);
  const allShipped = items.every((i) => i.qty_shipped >= open(i));
  const allInvoiced = items.every((i) => i.qty_invoiced >= open(i));
  const anyInvoiced = items.some((i) => i.qty_invoiced > 0);
  const allRefunded = anyInvoiced && items.every((i) => i.qty_refunded >= i.qty_invoiced);
  let next: string;
  if (order.state === 'holded') return;
  if (allCanceled) next = 'canceled';
  else if (allRefunded && items.every((i) => i.qty_refunded >= open(i))) next = 'closed';
  else if (allShipped && allInvoiced) next = 'complete';
  else if (anyInvoiced || items.some((i) => i.qty_shipped > 0)) next = 'processing';
  else next = 'new';
  if (next !== order.state) {
    order.state = next;
    order.status = next === 'new' ? 'pending' : next;
  }
  order.updated_at = state.now();
};

export const orderEventValue = (order: Entity): Record<string, unknown> => ({
  entity_id: String(order.entity_id),
  increment_id: order.increment_id,
  state: order.state,
  status: order.status,
  ext_order_id: order.ext_order_id ?? null,
  store_id: String(order.store_id),
  grand_total: String(order.grand_total),
  order_currency_code: order.order_currency_code,
  created_at: order.created_at,
  updated_at: order.updated_at,
  items: orderItems(order).map((i) => ({
    item_id: String(i.item_id),
    sku: i.sku,
    qty_ordered: String(i.qty_ordered),
    qty_canceled: String(i.qty_canceled),
    qty_shipped: String(i.qty_shipped),
    qty_refunded: String(i.qty_refunded),
  })),
});

export const scopeOfOrder = (state: CommerceState, order: Entity) => {
  const storeId = Number(order.store_id);
  const view = state.storeView(storeId);
  return { storeId, websiteId: view?.websiteId ?? 0, storeGroupId: view?.storeGroupId ?? 0 };
};

/** Cancels what is neither invoiced nor shipped; releases the matching MSI reservations. */
export const cancelOrder = (state: CommerceState, emit: EmitEvent, order: Entity): boolean => {
  if (['canceled', 'complete', 'closed', 'holded'].includes(String(order.state))) return false;
  const items = orderItems(order);
  const meta = state.data.orderMeta[String(order.entity_id)];
  let canceled = false;
  for (const item of items) {
    const toCancel = item.qty_ordered - Math.max(item.qty_invoiced, item.qty_shipped) - item.qty_canceled;
    if (toCancel <= 0) continue;
    item.qty_canceled += toCancel;
    canceled = true;
    if (meta?.reserved && meta.stockId !== undefined) {
      addReservation(state, meta.stockId, item.sku, toCancel, {
        event_type: 'order_canceled',
        object_type: 'order',
        object_id: String(order.entity_id),
      });
    }
  }
  if (!canceled) return false;
  const canceledTotal = items.reduce((sum, i) => sum.plus(new Big(i.price).times(i.qty_canceled)), new Big(0));
  order.total_canceled = money(canceledTotal);
  order.base_total_canceled = money(canceledTotal);
  refreshOrderState(state, order);
  emit('order_cancel_after', orderEventValue(order), scopeOfOrder(state, order));
  return true;
};

/** Direct order creation (PUT /V1/orders/create, POST /V1/orders): stores the client's figures; no reservation. */
const createDirect = (ctx: RestContext): Entity => {
  const entity = ctx.body.entity as Record<string, unknown> & { items: Array<Record<string, unknown>> };
  if (entity.items.length === 0)
    throw badRequest('"%fieldName" is required. Enter and try again.', { fieldName: 'items' });
  const storeId = typeof entity.store_id === 'number' ? entity.store_id : ctx.storeId || 1;
  const shippingAmount = String(entity.shipping_amount ?? 0);
  const order = placeOrder(ctx.state, {
    storeId,
    customer: {
      email: String(entity.customer_email),
      firstname: entity.customer_firstname as string,
      lastname: entity.customer_lastname as string,
    },
    items: entity.items.map((i) => ({
      sku: String(i.sku),
      qty: Number(i.qty_ordered ?? 1),
      price: String(i.price ?? 0),
      name: i.name as string | undefined,
    })),
    shippingAmount,
    shippingMethod: 'flatrate_flatrate',
    shippingDescription: String(entity.shipping_description ?? ''),
    paymentMethod: String((entity.payment as { method?: string } | undefined)?.method ?? 'checkmo'),
    billingAddress: entity.billing_address as Record<string, unknown> | undefined,
    extOrderId: entity.ext_order_id as string | undefined,
    reserve: false,
  });
  // The direct API trusts the caller's totals, including tax lines the catalog knows nothing about.
  for (const field of [
    'grand_total',
    'base_grand_total',
    'subtotal',
    'base_subtotal',
    'tax_amount',
    'base_tax_amount',
  ]) {
    if (typeof entity[field] === 'number') order[field] = entity[field];
  }
  if (typeof entity.status === 'string') order.status = entity.status;
  if (typeof entity.state === 'string') order.state = entity.state;
  if (Array.isArray(entity.status_histories)) order.status_histories = entity.status_histories;
  return order;
};

const orderField = (order: Entity, field: string) => {
  const value = order[field];
  return typeof value === 'object' ? undefined : (value as string | number | undefined);
};

/** Fields whose value never changes once the order exists, so an index of them never goes stale. */
const INDEXED = new Set(['entity_id', 'increment_id', 'ext_order_id', 'quote_id']);
const orderIndexes = new WeakMap<object, { seen: Set<string>; byValue: Map<string, Entity[]> }>();
/** Numbers compare as numbers in search criteria ("012" = 12), so the index keys them the same way. */
const indexKey = (field: string, value: string | number): string => {
  const text = String(value).trim();
  return `${field}\u0000${text !== '' && Number.isFinite(Number(text)) ? String(Number(text)) : text}`;
};

/**
 * The orders a search has to look at. A search whose only filter group ORs eq/in filters on fields that never
 * change (the import's "does this Amazon order exist already" lookup) only needs the orders holding one of those
 * values; everything else looks at all orders. The criteria are applied to the candidates as usual, so results,
 * sorting and totals are the same either way.
 */
const ordersToSearch = (orders: Record<string, Entity>, criteria: ReturnType<typeof parseSearchCriteria>): Entity[] => {
  const [group, ...more] = criteria.filterGroups;
  const indexable =
    group !== undefined &&
    more.length === 0 &&
    group.length > 0 &&
    group.every((f) => INDEXED.has(f.field) && (f.conditionType === 'eq' || f.conditionType === 'in'));
  if (!indexable) return Object.values(orders);
  let index = orderIndexes.get(orders);
  if (!index) {
    index = { seen: new Set(), byValue: new Map() };
    orderIndexes.set(orders, index);
  }
  for (const key of Object.keys(orders)) {
    if (index.seen.has(key)) continue;
    index.seen.add(key);
    const order = orders[key];
    for (const field of INDEXED) {
      const value = orderField(order, field);
      if (value === undefined || value === null) continue;
      const k = indexKey(field, value);
      const list = index.byValue.get(k);
      if (list) list.push(order);
      else index.byValue.set(k, [order]);
    }
  }
  const candidates = new Set<Entity>();
  for (const f of group) {
    const values = f.conditionType === 'in' ? String(f.value).split(',') : [String(f.value)];
    for (const v of values) for (const o of index.byValue.get(indexKey(f.field, v)) ?? []) candidates.add(o);
  }
  return [...candidates];
};

export const orderHandlers: HandlerTable = {
  GetV1Orders: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const page = applySearchCriteria(ordersToSearch(ctx.state.data.orders, criteria), criteria, orderField);
    return { items: page.items, search_criteria: echoCriteria(criteria), total_count: page.totalCount };
  },
  GetV1OrdersId: (ctx) => requireOrder(ctx.state, intParam(ctx, 'id')),
  GetV1OrdersItems: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const all = Object.values(ctx.state.data.orders).flatMap(orderItems);
    const page = applySearchCriteria(all, criteria, (item, field) => item[field] as string | number | undefined);
    return { items: page.items, search_criteria: echoCriteria(criteria), total_count: page.totalCount };
  },
  PostV1Orders: (ctx) => createDirect(ctx),
  PutV1OrdersCreate: (ctx) => createDirect(ctx),
  PostV1OrdersIdCancel: (ctx) => cancelOrder(ctx.state, ctx.emit, requireOrder(ctx.state, intParam(ctx, 'id'))),
  PostV1OrdersIdHold: (ctx) => {
    const order = requireOrder(ctx.state, intParam(ctx, 'id'));
    if (['canceled', 'complete', 'closed', 'holded'].includes(String(order.state)))
      throw badRequest('A hold action is not available.');
    order.hold_before_state = order.state;
    order.hold_before_status = order.status;
    order.state = 'holded';
    order.status = 'holded';
    return true;
  },
  PostV1OrdersIdUnhold: (ctx) => {
    const order = requireOrder(ctx.state, intParam(ctx, 'id'));
    if (order.state !== 'holded') throw badRequest('You cannot remove the hold.');
    order.state = order.hold_before_state;
    order.status = order.hold_before_status;
    return true;
  },
  GetV1OrdersIdStatuses: (ctx) => String(requireOrder(ctx.state, intParam(ctx, 'id')).status),
  GetV1OrdersIdComments: (ctx) => {
    const order = requireOrder(ctx.state, intParam(ctx, 'id'));
    const items = order.status_histories as unknown[];
    return { items, search_criteria: { filter_groups: [] }, total_count: items.length };
  },
  PostV1OrdersIdComments: (ctx) => {
    const order = requireOrder(ctx.state, intParam(ctx, 'id'));
    const history = ctx.body.statusHistory as Record<string, unknown>;
    const entry = {
      ...history,
      entity_id: ctx.state.next('comment'),
      parent_id: order.entity_id,
      entity_name: 'order',
      created_at: ctx.state.now(),
      status: typeof history.status === 'string' && history.status ? history.status : order.status,
    };
    if (typeof history.status === 'string' && history.status) order.status = history.status;
    (order.status_histories as unknown[]).unshift(entry);
    order.updated_at = ctx.state.now();
    return true;
  },
};
