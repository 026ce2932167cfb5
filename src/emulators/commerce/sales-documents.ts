import Big from 'big.js';
import { type HandlerTable, type RestContext, badRequest, intParam, notFound } from './context';
import { addReservation, deductSource, setSourceItem } from './inventory';
import { type OrderItem, money, orderItems, refreshOrderState, requireOrder, scopeOfOrder } from './orders';
import { applySearchCriteria, echoCriteria, parseSearchCriteria } from './search-criteria';
import { type Entity, sourceItemKey } from './state';

type Line = { order_item_id: number; qty: number };

/** Lines to process: the ones requested, or every remaining quantity when none are given (Commerce's default). */
const linesFor = (
  order: Entity,
  requested: Line[] | undefined,
  remaining: (i: OrderItem) => number,
  action: string,
): Array<{ item: OrderItem; qty: number }> => {
  const items = orderItems(order);
  const lines =
    requested && requested.length > 0 ? requested : items.map((i) => ({ order_item_id: i.item_id, qty: remaining(i) }));
  const out = lines
    .map((line) => {
      const item = items.find((i) => i.item_id === line.order_item_id);
      if (!item)
        throw badRequest('The "%1" order item doesn\'t belong to the order.', { 1: String(line.order_item_id) });
      if (line.qty > remaining(item)) {
        throw badRequest(
          `The ${action} can't be created: the quantity of "%1" exceeds what is left to ${action} (%2).`,
          {
            1: item.sku,
            2: String(remaining(item)),
          },
        );
      }
      return { item, qty: line.qty };
    })
    .filter((l) => l.qty > 0);
  if (out.length === 0) throw badRequest(`You can't create an ${action} without products.`);
  return out;
};

const toShip = (i: OrderItem) =>
  i.qty_ordered - i.qty_shipped - i.qty_canceled - Math.max(0, i.qty_refunded - i.qty_shipped);
const toInvoice = (i: OrderItem) => i.qty_ordered - i.qty_invoiced - i.qty_canceled;
const toRefund = (i: OrderItem) => i.qty_invoiced - i.qty_refunded;

const documentBase = (order: Entity, now: string) => ({
  order_id: order.entity_id,
  store_id: order.store_id,
  created_at: now,
  updated_at: now,
  base_currency_code: order.base_currency_code,
  order_currency_code: order.order_currency_code,
  global_currency_code: order.global_currency_code,
  store_currency_code: order.store_currency_code,
});

const assertActionable = (order: Entity, action: string): void => {
  if (['canceled', 'closed', 'holded'].includes(String(order.state))) {
    throw badRequest(`The order does not allow an ${action} to be created.`);
  }
};

const createInvoice = (ctx: RestContext, order: Entity, requested?: Line[]): number => {
  assertActionable(order, 'invoice');
  const lines = linesFor(order, requested, toInvoice, 'invoice');
  const now = ctx.state.now();
  const id = ctx.state.next('invoice');
  const firstInvoice = Object.values(ctx.state.data.invoices).every((inv) => inv.order_id !== order.entity_id);
  const subtotal = lines.reduce((sum, l) => sum.plus(new Big(l.item.price).times(l.qty)), new Big(0));
  const shipping = firstInvoice ? new Big(order.shipping_amount as number) : new Big(0);
  const grand = subtotal.plus(shipping);
  for (const l of lines) l.item.qty_invoiced += l.qty;
  ctx.state.data.invoices[String(id)] = {
    ...documentBase(order, now),
    entity_id: id,
    increment_id: String(order.increment_id),
    state: 2,
    subtotal: money(subtotal),
    base_subtotal: money(subtotal),
    shipping_amount: money(shipping),
    base_shipping_amount: money(shipping),
    tax_amount: 0,
    grand_total: money(grand),
    base_grand_total: money(grand),
    total_qty: lines.reduce((sum, l) => sum + l.qty, 0),
    items: lines.map((l) => ({
      entity_id: ctx.state.next('comment'),
      parent_id: id,
      order_item_id: l.item.item_id,
      sku: l.item.sku,
      name: l.item.name as string,
      product_id: l.item.product_id,
      qty: l.qty,
      price: l.item.price,
      base_price: l.item.price,
      row_total: money(new Big(l.item.price).times(l.qty)),
    })),
    comments: [],
  };
  order.total_invoiced = money(new Big(order.total_invoiced as number).plus(grand));
  order.base_total_invoiced = order.total_invoiced;
  order.total_paid = order.total_invoiced;
  order.base_total_paid = order.total_invoiced;
  order.total_due = money(new Big(order.grand_total as number).minus(order.total_paid as number));
  order.base_total_due = order.total_due;
  refreshOrderState(ctx.state, order);
  return id;
};

/** Ships lines from one source: deducts the source quantity and compensates the order's reservation. */
const createShipment = (
  ctx: RestContext,
  order: Entity,
  requested: Line[] | undefined,
  tracks: Array<Record<string, unknown>>,
  sourceCode?: string,
): Entity => {
  assertActionable(order, 'shipment');
  const lines = linesFor(order, requested, toShip, 'shipment');
  const meta = ctx.state.data.orderMeta[String(order.entity_id)];
  const stock = meta?.stockId !== undefined ? ctx.state.stock(meta.stockId) : undefined;
  const source =
    sourceCode ??
    stock?.sourceCodes.find((code) =>
      lines.every((l) => ctx.state.data.sourceItems[sourceItemKey(l.item.sku, code)]),
    ) ??
    stock?.sourceCodes[0];
  if (sourceCode && !ctx.state.data.sources.some((s) => s.code === sourceCode)) {
    throw badRequest('Source with code "%1" does not exist.', { 1: sourceCode });
  }
  const id = ctx.state.next('shipment');
  const now = ctx.state.now();
  for (const l of lines) {
    l.item.qty_shipped += l.qty;
    if (source && ctx.state.data.sourceItems[sourceItemKey(l.item.sku, source)])
      deductSource(ctx.state, ctx.emit, l.item.sku, source, l.qty);
    if (meta?.reserved && meta.stockId !== undefined) {
      addReservation(ctx.state, meta.stockId, l.item.sku, l.qty, {
        event_type: 'shipment_created',
        object_type: 'order',
        object_id: String(order.entity_id),
      });
    }
  }
  const shipment: Entity = {
    ...documentBase(order, now),
    entity_id: id,
    increment_id: String(order.increment_id),
    total_qty: lines.reduce((sum, l) => sum + l.qty, 0),
    items: lines.map((l) => ({
      entity_id: ctx.state.next('comment'),
      parent_id: id,
      order_item_id: l.item.item_id,
      sku: l.item.sku,
      name: l.item.name as string,
      product_id: l.item.product_id,
      qty: l.qty,
      price: l.item.price,
      weight: 0,
    })),
    tracks: [],
    comments: [],
    extension_attributes: source ? { source_code: source } : {},
  };
  for (const track of tracks) addTrack(ctx, shipment, track);
  ctx.state.data.shipments[String(id)] = shipment;
  refreshOrderState(ctx.state, order);
  ctx.emit('sales_order_shipment_save_after', shipmentEventValue(shipment), scopeOfOrder(ctx.state, order));
  return shipment;
};

const addTrack = (ctx: RestContext, shipment: Entity, track: Record<string, unknown>): Record<string, unknown> => {
  const now = ctx.state.now();
  const full = {
    entity_id: ctx.state.next('track'),
    order_id: shipment.order_id,
    parent_id: shipment.entity_id,
    track_number: String(track.track_number),
    title: String(track.title),
    carrier_code: String(track.carrier_code),
    weight: Number(track.weight ?? 0),
    qty: Number(track.qty ?? shipment.total_qty ?? 0),
    description: String(track.description ?? ''),
    created_at: now,
    updated_at: now,
  };
  (shipment.tracks as unknown[]).push(full);
  return full;
};

const shipmentEventValue = (shipment: Entity) => ({
  entity_id: String(shipment.entity_id),
  order_id: String(shipment.order_id),
  increment_id: shipment.increment_id,
  total_qty: String(shipment.total_qty),
  source_code: (shipment.extension_attributes as { source_code?: string }).source_code ?? null,
  items: (shipment.items as Array<Record<string, unknown>>).map((i) => ({
    order_item_id: String(i.order_item_id),
    sku: i.sku,
    qty: String(i.qty),
  })),
  tracks: (shipment.tracks as Array<Record<string, unknown>>).map((t) => ({
    track_number: t.track_number,
    carrier_code: t.carrier_code,
    title: t.title,
  })),
  created_at: shipment.created_at,
});

const createCreditmemo = (
  ctx: RestContext,
  order: Entity,
  requested: Line[] | undefined,
  args: Record<string, unknown>,
): number => {
  if (!['processing', 'complete'].includes(String(order.state)))
    throw badRequest('The order does not allow a creditmemo to be created.');
  const lines = linesFor(order, requested, toRefund, 'creditmemo');
  const id = ctx.state.next('creditmemo');
  const now = ctx.state.now();
  const subtotal = lines.reduce((sum, l) => sum.plus(new Big(l.item.price).times(l.qty)), new Big(0));
  const shippingLeft = new Big(order.shipping_amount as number).minus(
    (order.shipping_refunded as number | undefined) ?? 0,
  );
  const shipping = args.shipping_amount === undefined ? shippingLeft : new Big(args.shipping_amount as number);
  if (shipping.gt(shippingLeft))
    throw badRequest('Maximum shipping amount allowed to refund is: %1', { 1: shippingLeft.toString() });
  const positive = new Big((args.adjustment_positive as number | undefined) ?? 0);
  const negative = new Big((args.adjustment_negative as number | undefined) ?? 0);
  const grand = subtotal.plus(shipping).plus(positive).minus(negative);
  const refundable = new Big(order.total_paid as number).minus((order.total_refunded as number) ?? 0);
  if (grand.gt(refundable)) throw badRequest('The most money available to refund is %1.', { 1: refundable.toString() });
  const returnToStock = new Set(
    ((args.extension_attributes as { return_to_stock_items?: number[] } | undefined)?.return_to_stock_items ?? []).map(
      Number,
    ),
  );
  for (const l of lines) {
    l.item.qty_refunded += l.qty;
    l.item.amount_refunded = money(new Big(l.item.amount_refunded as number).plus(new Big(l.item.price).times(l.qty)));
    if (returnToStock.has(l.item.item_id)) {
      const source = ctx.state.data.stocks.find(
        (s) => s.id === ctx.state.data.orderMeta[String(order.entity_id)]?.stockId,
      )?.sourceCodes[0];
      const current = source ? ctx.state.data.sourceItems[sourceItemKey(l.item.sku, source)] : undefined;
      if (current) setSourceItem(ctx.state, ctx.emit, { ...current, quantity: current.quantity + l.qty, status: 1 });
    }
  }
  const memo: Entity = {
    ...documentBase(order, now),
    entity_id: id,
    increment_id: String(order.increment_id),
    state: 2,
    creditmemo_status: 2,
    subtotal: money(subtotal),
    base_subtotal: money(subtotal),
    shipping_amount: money(shipping),
    base_shipping_amount: money(shipping),
    adjustment_positive: money(positive),
    adjustment_negative: money(negative),
    adjustment: money(positive.minus(negative)),
    tax_amount: 0,
    grand_total: money(grand),
    base_grand_total: money(grand),
    items: lines.map((l) => ({
      entity_id: ctx.state.next('comment'),
      parent_id: id,
      order_item_id: l.item.item_id,
      sku: l.item.sku,
      name: l.item.name as string,
      product_id: l.item.product_id,
      qty: l.qty,
      price: l.item.price,
      base_price: l.item.price,
      base_cost: 0,
      row_total: money(new Big(l.item.price).times(l.qty)),
    })),
    comments: [],
  };
  ctx.state.data.creditmemos[String(id)] = memo;
  order.total_refunded = money(new Big((order.total_refunded as number) ?? 0).plus(grand));
  order.base_total_refunded = order.total_refunded;
  order.total_offline_refunded = order.total_refunded;
  order.shipping_refunded = money(new Big((order.shipping_refunded as number | undefined) ?? 0).plus(shipping));
  refreshOrderState(ctx.state, order);
  ctx.emit(
    'sales_order_creditmemo_save_after',
    {
      entity_id: String(id),
      order_id: String(order.entity_id),
      increment_id: memo.increment_id,
      grand_total: String(memo.grand_total),
      adjustment: String(memo.adjustment),
      shipping_amount: String(memo.shipping_amount),
      items: (memo.items as Array<Record<string, unknown>>).map((i) => ({
        order_item_id: String(i.order_item_id),
        sku: i.sku,
        qty: String(i.qty),
      })),
    },
    scopeOfOrder(ctx.state, order),
  );
  return id;
};

const searchOf = (rows: Entity[], ctx: RestContext) => {
  const criteria = parseSearchCriteria(ctx.query);
  const page = applySearchCriteria(rows, criteria, (row, field) => {
    const value = row[field];
    return typeof value === 'object' ? undefined : (value as string | number | undefined);
  });
  return { items: page.items, search_criteria: echoCriteria(criteria), total_count: page.totalCount };
};

const requireDocument = (rows: Record<string, Entity>, id: number): Entity => {
  const doc = rows[String(id)];
  if (!doc) throw notFound("The entity that was requested doesn't exist. Verify the entity and try again.");
  return doc;
};

export const salesDocumentHandlers: HandlerTable = {
  PostV1OrderOrderIdInvoice: (ctx) =>
    createInvoice(ctx, requireOrder(ctx.state, intParam(ctx, 'orderId')), ctx.body?.items),
  PostV1OrderOrderIdShip: (ctx) => {
    const order = requireOrder(ctx.state, intParam(ctx, 'orderId'));
    const sourceCode = ctx.body?.arguments?.extension_attributes?.source_code as string | undefined;
    return createShipment(ctx, order, ctx.body?.items, ctx.body?.tracks ?? [], sourceCode).entity_id;
  },
  PostV1Shipment: (ctx) => {
    const entity = ctx.body.entity as Record<string, unknown>;
    const order = requireOrder(ctx.state, Number(entity.order_id));
    const source = (entity.extension_attributes as { source_code?: string } | undefined)?.source_code;
    return createShipment(
      ctx,
      order,
      entity.items as Line[],
      (entity.tracks as Array<Record<string, unknown>>) ?? [],
      source,
    );
  },
  PostV1ShipmentTrack: (ctx) => {
    const entity = ctx.body.entity as Record<string, unknown>;
    const shipment = requireDocument(ctx.state.data.shipments, Number(entity.parent_id));
    if (Number(entity.order_id) !== shipment.order_id)
      throw badRequest('The shipment does not belong to order %1.', { 1: String(entity.order_id) });
    const track = addTrack(ctx, shipment, entity);
    // Commerce saves the track model, not the shipment: observers see sales_order_shipment_track_save_after.
    const order = requireOrder(ctx.state, Number(shipment.order_id));
    ctx.emit(
      'sales_order_shipment_track_save_after',
      {
        entity_id: String(track.entity_id),
        parent_id: String(track.parent_id),
        order_id: String(track.order_id),
        track_number: track.track_number,
        carrier_code: track.carrier_code,
        title: track.title,
        created_at: track.created_at,
      },
      scopeOfOrder(ctx.state, order),
    );
    return track;
  },
  DeleteV1ShipmentTrackId: (ctx) => {
    const trackId = intParam(ctx, 'id');
    for (const shipment of Object.values(ctx.state.data.shipments)) {
      const tracks = shipment.tracks as Array<Record<string, unknown>>;
      const at = tracks.findIndex((t) => t.entity_id === trackId);
      if (at >= 0) {
        tracks.splice(at, 1);
        return true;
      }
    }
    throw notFound("The entity that was requested doesn't exist. Verify the entity and try again.");
  },
  PostV1OrderOrderIdRefund: (ctx) =>
    createCreditmemo(
      ctx,
      requireOrder(ctx.state, intParam(ctx, 'orderId')),
      ctx.body?.items,
      ctx.body?.arguments ?? {},
    ),
  GetV1Invoices: (ctx) => searchOf(Object.values(ctx.state.data.invoices), ctx),
  GetV1InvoicesId: (ctx) => requireDocument(ctx.state.data.invoices, intParam(ctx, 'id')),
  GetV1Shipments: (ctx) => searchOf(Object.values(ctx.state.data.shipments), ctx),
  GetV1ShipmentId: (ctx) => requireDocument(ctx.state.data.shipments, intParam(ctx, 'id')),
  GetV1Creditmemos: (ctx) => searchOf(Object.values(ctx.state.data.creditmemos), ctx),
  GetV1CreditmemoId: (ctx) => requireDocument(ctx.state.data.creditmemos, intParam(ctx, 'id')),
};
