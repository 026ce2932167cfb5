/**
 * Amazon-specific control routes (under /__control): seed, reset, competitor offers, orders,
 * state views. The common ones (clock, faults, requests, violations) come from shared/control.ts.
 */
import type { EmulatorClock } from '../shared/clock';
import type { ControlApi } from '../shared/control';
import { HttpError } from '../shared/http';
import type { RateLimiter } from '../shared/token-bucket';
import { fulfillment, listingIssues, listingPrice, listingStatus } from './listing-model';
import type { CreateOrderInput, OrdersEngine } from './orders-engine';
import { renderOrder } from './orders';
import { amazonSeedSchema, applySeed } from './seed';
import type { AmazonState } from './state';

export interface AmazonControlDeps {
  world: { state: AmazonState };
  clock: EmulatorClock;
  limiter: RateLimiter;
  engine: () => OrdersEngine;
  tick: () => void;
  offerChanged: (asin: string, marketplaceId: string) => void;
  reset: () => void;
}

export function registerAmazonControlRoutes(api: ControlApi, d: AmazonControlDeps): void {
  const st = () => d.world.state;
  api.route('POST', '/seed', ({ body }) => {
    applySeed(st(), body, d.clock.now());
    return {
      status: 201,
      body: { sellers: st().sellers.size, catalog: st().catalog.size, listings: st().listings.size },
    };
  });
  api.route('POST', '/reset', ({ body }) => {
    d.reset();
    if (body) applySeed(st(), body, d.clock.now());
    return { body: { reset: true } };
  });
  api.route('POST', '/competitor-offers', ({ body }) => {
    const offers = amazonSeedSchema.shape.competitorOffers.parse(Array.isArray(body) ? body : [body]);
    applySeed(st(), { sellers: [], catalog: [], listings: [], competitorOffers: offers }, d.clock.now());
    for (const o of offers) d.offerChanged(o.asin, o.marketplaceId);
    return { status: 201, body: { competitorOffers: [...st().competitorOffers.values()] } };
  });
  api.route('DELETE', '/competitor-offers', ({ query }) => {
    for (const [k, o] of st().competitorOffers)
      if (
        (!query.get('asin') || o.asin === query.get('asin')) &&
        (!query.get('sellerId') || o.sellerId === query.get('sellerId'))
      ) {
        st().competitorOffers.delete(k);
        d.offerChanged(o.asin, o.marketplaceId);
      }
    return { body: { competitorOffers: [...st().competitorOffers.values()] } };
  });
  api.route('POST', '/orders', ({ body }) => {
    d.tick();
    const order = d.engine().create(body as CreateOrderInput, d.clock.now());
    return {
      status: 201,
      body: {
        order: renderOrder(st(), order, ['BUYER', 'RECIPIENT', 'PROCEEDS', 'FULFILLMENT', 'CANCELLATION', 'PROMOTION']),
        internal: order,
      },
    };
  });
  api.route('POST', '/orders/{orderId}/buyer-cancel-request', ({ params, body }) => {
    const o = st().orders.get(params.orderId);
    if (!o) throw new HttpError(404, `no order ${params.orderId}`);
    const reason = String((body as { reason?: string } | undefined)?.reason ?? 'Order placed by mistake');
    d.engine().buyerRequestCancel(o, reason, d.clock.now());
    return { body: { order: o } };
  });
  api.route('GET', '/orders', () => {
    d.tick();
    return { body: { orders: [...st().orders.values()] } };
  });
  api.route('GET', '/orders/{orderId}', ({ params }) => {
    d.tick();
    const o = st().orders.get(params.orderId);
    if (!o) throw new HttpError(404, `no order ${params.orderId}`);
    return { body: { order: o } };
  });
  api.route('GET', '/listings', ({ query }) => {
    d.tick();
    const listings = [...st().listings.values()]
      .filter((l) => !query.get('sellerId') || l.sellerId === query.get('sellerId'))
      .map((l) => ({
        ...l,
        price: listingPrice(l),
        quantity: fulfillment(l).quantity,
        channel: fulfillment(l).channel,
        status: listingStatus(l, st()),
        issues: listingIssues(l, st()),
      }));
    return { body: { listings } };
  });
  api.route('GET', '/feeds', () => {
    d.tick();
    return { body: { feeds: [...st().feeds.values()] } };
  });
  api.route('GET', '/reports', () => {
    d.tick();
    return { body: { reports: [...st().reports.values()] } };
  });
  api.route('GET', '/queues', () => ({
    body: { queues: Object.fromEntries([...st().queues].map(([k, v]) => [k, v.length])) },
  }));
  api.route('GET', '/state', () => {
    d.tick();
    return { body: st().toJSON() };
  });
  api.route('POST', '/rate-limits/reset', () => {
    d.limiter.reset();
    return { body: { reset: true } };
  });
}
