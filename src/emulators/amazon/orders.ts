/** Orders 2026-01-01 (searchOrders, getOrder with includedData) and Orders v0 confirmShipment. */
import Big from 'big.js';
import {
  type ApiHandler,
  ApiError,
  asArray,
  invalidInput,
  notFound,
  ok,
  requireMarketplace,
  requireSeller,
} from './api';
import type { OrdersEngine } from './orders-engine';
import type { AmazonState, OrderRecord } from './state';

const money = (amount: Big | string, currencyCode: string) => ({ amount: new Big(amount).toFixed(2), currencyCode });

export function renderOrder(state: AmazonState, o: OrderRecord, includedData: string[]): Record<string, unknown> {
  const inc = new Set(includedData);
  const c = o.currency;
  const mp = state.marketplace(o.marketplaceId);
  const pending = o.status === 'PENDING';
  const sum = (f: (i: OrderRecord['items'][number]) => Big) =>
    o.items.filter((i) => !i.cancellation).reduce((a, i) => a.plus(f(i)), new Big(0));
  const order: Record<string, unknown> = {
    orderId: o.orderId,
    createdTime: o.createdTime,
    lastUpdatedTime: o.lastUpdatedTime,
    programs: [...(o.isPrime ? ['PRIME'] : []), ...(o.fulfilledBy === 'AMAZON' ? ['DELIVERY_BY_AMAZON'] : [])],
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: o.marketplaceId,
      marketplaceName: mp ? `Amazon.${mp.domain.replace(/^amazon\./, '')}` : 'Amazon',
    },
  };
  if (inc.has('BUYER')) order.buyer = { buyerName: o.buyer.name, buyerEmail: o.buyer.email };
  if (inc.has('RECIPIENT'))
    order.recipient = {
      deliveryAddress: { ...o.address, addressType: 'RESIDENTIAL' },
    };
  if (inc.has('PROCEEDS') && !pending) {
    const item = sum((i) => new Big(i.unitPrice).times(i.quantity));
    const shipping = sum((i) => new Big(i.shippingPrice));
    const tax = sum((i) => new Big(i.itemTax).plus(i.shippingTax));
    const discount = sum((i) => new Big(i.promotionDiscount));
    const refunds = o.adjustments.reduce(
      (a, adj) => a.plus(adj.components.reduce((s, x) => s.plus(x.amount), new Big(0))),
      new Big(0),
    );
    order.proceeds = {
      grandTotal: money(item.plus(shipping).plus(tax).minus(discount).minus(refunds), c),
      breakdowns: [
        { type: 'ITEM', subtotal: money(item, c) },
        { type: 'SHIPPING', subtotal: money(shipping, c) },
        { type: 'TAX', subtotal: money(tax, c) },
        { type: 'DISCOUNT', subtotal: money(discount.times(-1), c) },
        ...(refunds.gt(0) ? [{ type: 'OTHER', subtotal: money(refunds.times(-1), c) }] : []),
      ],
    };
  }
  if (inc.has('FULFILLMENT'))
    order.fulfillment = {
      fulfillmentStatus: o.status,
      fulfilledBy: o.fulfilledBy,
      fulfillmentServiceLevel: o.serviceLevel,
      shipByWindow: { earliestDateTime: o.shipBy.earliest, latestDateTime: o.shipBy.latest },
      deliverByWindow: { earliestDateTime: o.deliverBy.earliest, latestDateTime: o.deliverBy.latest },
    };
  if (inc.has('PACKAGES'))
    order.packages = o.packages.map((p) => ({
      packageReferenceId: p.packageReferenceId,
      createdTime: p.createdTime,
      packageStatus: { status: 'SHIPPED' },
      carrier: p.carrier,
      shipTime: p.shipTime,
      ...(p.shippingService ? { shippingService: p.shippingService } : {}),
      trackingNumber: p.trackingNumber,
      packageItems: p.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    }));
  if (inc.has('TAX'))
    order.tax = { taxInvoicing: { buyerInvoicePreference: 'INDIVIDUAL', invoiceStatus: 'NOT_REQUIRED' } };
  order.orderItems = o.items.map((i) => {
    const item: Record<string, unknown> = {
      orderItemId: i.orderItemId,
      quantityOrdered: i.quantity,
      product: {
        asin: i.asin,
        title: i.title,
        sellerSku: i.sku,
        condition: { conditionType: i.conditionType },
        ...(pending ? {} : { price: { unitPrice: money(i.unitPrice, c) } }),
      },
    };
    if (inc.has('PROCEEDS') && !pending) {
      const line = new Big(i.unitPrice).times(i.quantity);
      const refunded = o.adjustments
        .filter((a) => a.orderItemId === i.orderItemId)
        .reduce((a, adj) => a.plus(adj.components.reduce((s, x) => s.plus(x.amount), new Big(0))), new Big(0));
      item.proceeds = {
        proceedsTotal: money(
          line.plus(i.shippingPrice).plus(i.itemTax).plus(i.shippingTax).minus(i.promotionDiscount).minus(refunded),
          c,
        ),
        breakdowns: [
          { type: 'ITEM', subtotal: money(line, c) },
          { type: 'SHIPPING', subtotal: money(i.shippingPrice, c) },
          {
            type: 'TAX',
            subtotal: money(new Big(i.itemTax).plus(i.shippingTax), c),
            detailedBreakdowns: [
              { subtype: 'ITEM', value: money(i.itemTax, c) },
              { subtype: 'SHIPPING', value: money(i.shippingTax, c) },
            ],
          },
          { type: 'DISCOUNT', subtotal: money(new Big(i.promotionDiscount).times(-1), c) },
        ],
      };
    }
    if (inc.has('PROMOTION') && i.promotionIds.length)
      item.promotion = { breakdowns: i.promotionIds.map((promotionId) => ({ promotionId })) };
    if (inc.has('CANCELLATION') && (i.cancellation || i.buyerCancelRequest))
      item.cancellation = {
        ...(i.buyerCancelRequest
          ? { cancellationRequest: { requester: 'BUYER', cancelReason: i.buyerCancelRequest.reason } }
          : {}),
        ...(i.cancellation
          ? {
              cancellationExecution: {
                cancelledBy: i.cancellation.cancelledBy,
                cancelReason: i.cancellation.cancelReason,
              },
            }
          : {}),
      };
    if (inc.has('FULFILLMENT'))
      item.fulfillment = {
        quantityFulfilled: i.quantityShipped,
        quantityUnfulfilled: i.cancellation ? 0 : i.quantity - i.quantityShipped,
      };
    if (inc.has('TAX'))
      item.tax = { taxCollections: [{ model: 'MarketplaceFacilitator', responsibleParty: 'Amazon Services, Inc.' }] };
    return item;
  });
  return order;
}

const encodeToken = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const decodeToken = (t: string): { offset: number; q: string } => {
  try {
    return JSON.parse(Buffer.from(t, 'base64url').toString()) as { offset: number; q: string };
  } catch {
    throw invalidInput('Invalid paginationToken: could not decode the token.');
  }
};

export function orderHandlers(engine: OrdersEngine): Record<string, ApiHandler> {
  return {
    searchOrders: (ctx) => {
      const sellerId = requireSeller(ctx);
      const q = ctx.query;
      const now = ctx.clock.now();
      let criteria = q;
      let offset = 0;
      if (q.paginationToken) {
        const t = decodeToken(String(q.paginationToken));
        criteria = JSON.parse(t.q);
        offset = t.offset;
      }
      const created = criteria.createdAfter !== undefined;
      const updated = criteria.lastUpdatedAfter !== undefined;
      if (created === updated) throw invalidInput('Exactly one of createdAfter or lastUpdatedAfter must be specified.');
      if (created && criteria.lastUpdatedBefore)
        throw invalidInput('lastUpdatedBefore cannot be used with createdAfter.');
      if (updated && criteria.createdBefore) throw invalidInput('createdBefore cannot be used with lastUpdatedAfter.');
      const before = (criteria.createdBefore ?? criteria.lastUpdatedBefore) as string | undefined;
      if (before && Date.parse(before) > now - 2 * 60_000)
        throw invalidInput(
          `${created ? 'createdBefore' : 'lastUpdatedBefore'} must be at least 2 minutes in the past.`,
        );
      const mps = asArray(criteria.marketplaceIds);
      for (const mp of mps) requireMarketplace(ctx, mp);
      const statuses = asArray(criteria.fulfillmentStatuses);
      const by = asArray(criteria.fulfilledBy);
      const from = Date.parse(String(criteria.createdAfter ?? criteria.lastUpdatedAfter));
      const to = before ? Date.parse(before) : now - 2 * 60_000;
      const field = created ? 'createdTime' : 'lastUpdatedTime';
      const all = [...ctx.state.orders.values()]
        .filter((o) => o.sellerId === sellerId && ctx.state.marketplace(o.marketplaceId)?.region === ctx.region)
        .filter((o) => !mps.length || mps.includes(o.marketplaceId))
        .filter((o) => !statuses.length || statuses.includes(o.status))
        .filter((o) => !by.length || by.includes(o.fulfilledBy))
        .filter((o) => Date.parse(o[field]) >= from && Date.parse(o[field]) < to)
        .sort((a, b) => a[field].localeCompare(b[field]) || a.orderId.localeCompare(b.orderId));
      const size = Number(criteria.maxResultsPerPage ?? 100);
      const page = all.slice(offset, offset + size);
      const next =
        offset + size < all.length
          ? encodeToken({ offset: offset + size, q: JSON.stringify({ ...criteria, paginationToken: undefined }) })
          : undefined;
      return ok({
        orders: page.map((o) => renderOrder(ctx.state, o, asArray(q.includedData))),
        ...(next ? { pagination: { nextToken: next } } : {}),
        [created ? 'createdBefore' : 'lastUpdatedBefore']: new Date(to).toISOString(),
      });
    },
    getOrder: (ctx) => {
      const sellerId = requireSeller(ctx);
      const o = ctx.state.orders.get(ctx.params.orderId);
      if (!o || o.sellerId !== sellerId) throw notFound(`Order ${ctx.params.orderId} not found.`);
      return ok({ order: renderOrder(ctx.state, o, asArray(ctx.query.includedData)) });
    },
    confirmShipment: (ctx) => {
      const sellerId = requireSeller(ctx);
      const o = ctx.state.orders.get(ctx.params.orderId);
      if (!o || o.sellerId !== sellerId) throw notFound(`Order ${ctx.params.orderId} not found.`);
      const body = ctx.body as {
        marketplaceId: string;
        packageDetail: {
          packageReferenceId: string;
          carrierCode: string;
          carrierName?: string;
          shippingMethod?: string;
          trackingNumber: string;
          shipDate: string;
          orderItems: Array<{ orderItemId: string; quantity?: number }>;
        };
      };
      if (body.marketplaceId !== o.marketplaceId)
        throw invalidInput(`marketplaceId ${body.marketplaceId} does not match the order's marketplace.`);
      if (o.fulfilledBy === 'AMAZON') throw invalidInput('confirmShipment is only for merchant-fulfilled orders.');
      if (o.status === 'PENDING' || o.status === 'CANCELLED')
        throw new ApiError(400, 'InvalidInput', `Order ${o.orderId} is ${o.status} and cannot be shipped.`);
      const pd = body.packageDetail;
      if (pd.carrierCode === 'Other' && !pd.carrierName)
        throw invalidInput('packageDetail.carrierName is required when carrierCode is Other.');
      try {
        engine.ship(
          o,
          {
            packageReferenceId: pd.packageReferenceId,
            carrier: pd.carrierCode === 'Other' ? (pd.carrierName ?? 'Other') : pd.carrierCode,
            shippingService: pd.shippingMethod,
            trackingNumber: pd.trackingNumber,
            shipTime: pd.shipDate,
            items: pd.orderItems.map((i) => ({
              orderItemId: i.orderItemId,
              quantity: i.quantity ?? o.items.find((x) => x.orderItemId === i.orderItemId)?.quantity ?? 0,
            })),
          },
          ctx.clock.now(),
        );
      } catch (e) {
        throw invalidInput((e as Error).message);
      }
      return { status: 204 };
    },
  };
}
