import Big from 'big.js';
import { type ControlApi, HttpError } from '../shared';
import type { CommerceAuthenticator } from './auth';
import type { EventScope } from './context';
import type { CommerceEventBus, OutboxEntry } from './events';
import { legacyStockItem, salableQuantity, setSourceItem } from './inventory';
import { cancelOrder, orderEventValue } from './orders';
import { productEventValue } from './prices';
import type { CommerceSeed, SeedProduct } from './seed';
import type { CommerceState, ProductRecord } from './state';

/**
 * Commerce-specific control routes (the shared ones — clock, faults, requests, violations — are registered by index.ts).
 * Merchant actions done here behave like admin-panel actions: they emit the same events the REST API would.
 */
export interface CommerceControlDeps {
  state: () => CommerceState;
  reseed: (seed: CommerceSeed) => void;
  reset: () => void;
  demoSeed: (seedNumber: number) => CommerceSeed;
  events: CommerceEventBus;
  auth: CommerceAuthenticator;
  afterWrite: () => void;
}

const ADMIN_SCOPE: EventScope = { storeId: 0, websiteId: 0, storeGroupId: 0 };

const decimal = (value: unknown, field: string): string => {
  try {
    const big = new Big(value as Big.BigSource);
    if (big.lt(0)) throw new Error('negative');
    return big.toString();
  } catch {
    throw new Error(`${field} must be a non-negative decimal (string or number)`);
  }
};

const requireProduct = (state: CommerceState, sku: string): ProductRecord => {
  const product = state.product(sku);
  if (!product) throw new HttpError(404, `no product ${sku}`);
  return product;
};

const websiteIdOf = (state: CommerceState, code: unknown): number => {
  if (code === undefined || code === 'all' || code === 0) return 0;
  const website = state.website(code as string | number);
  if (!website) throw new Error(`unknown website ${String(code)}`);
  return website.id;
};

export const registerCommerceControlRoutes = (api: ControlApi, deps: CommerceControlDeps): void => {
  const emit = (observer: string, value: Record<string, unknown>): OutboxEntry =>
    deps.events.emit(observer, value, ADMIN_SCOPE);
  const saved = (product: ProductRecord) => {
    product.updatedAt = deps.state().now();
    emit('catalog_product_save_commit_after', productEventValue(deps.state(), product));
    deps.afterWrite();
  };

  api.route('POST', '/seed', ({ body }) => {
    const seed = body as CommerceSeed | undefined;
    if (!seed || !Array.isArray(seed.products) || !Array.isArray(seed.websites))
      throw new Error('body must be a CommerceSeed');
    deps.reseed(seed);
    return { status: 201, body: { products: seed.products.length } };
  });
  api.route('POST', '/seed/demo', ({ body }) => {
    const seed = deps.demoSeed(Number((body as { seed?: number } | undefined)?.seed ?? 1));
    deps.reseed(seed);
    return { status: 201, body: { products: seed.products.length } };
  });
  api.route('POST', '/reset', () => {
    deps.reset();
    return { body: { ok: true } };
  });
  api.route('GET', '/state', () => {
    const { data } = deps.state();
    return {
      body: {
        websites: data.websites,
        products: Object.keys(data.products).length,
        sourceItems: Object.keys(data.sourceItems).length,
        reservations: data.reservations.length,
        customers: data.customers.length,
        carts: Object.keys(data.carts).length,
        orders: Object.keys(data.orders).length,
        invoices: Object.keys(data.invoices).length,
        shipments: Object.keys(data.shipments).length,
        creditmemos: Object.keys(data.creditmemos).length,
      },
    };
  });
  api.route('GET', '/state/products/{sku}', ({ params }) => {
    const state = deps.state();
    const product = requireProduct(state, params.sku);
    return {
      body: {
        product,
        sourceItems: state.sourceItemsOf(product.sku),
        salable: Object.fromEntries(state.data.stocks.map((s) => [s.id, salableQuantity(state, product.sku, s.id)])),
        legacyStockItem: product.typeId === 'simple' ? legacyStockItem(state, product) : undefined,
      },
    };
  });
  api.route('GET', '/state/orders', () => ({ body: { orders: Object.values(deps.state().data.orders) } }));
  api.route('GET', '/state/reservations', () => ({ body: { reservations: deps.state().data.reservations } }));
  api.route('POST', '/orders/{id}/cancel', ({ params }) => {
    const state = deps.state();
    const order = state.data.orders[params.id];
    if (!order) throw new HttpError(404, `no order ${params.id}`);
    const canceled = cancelOrder(state, (o, v) => emit(o, v), order);
    deps.afterWrite();
    return { body: { canceled, order: orderEventValue(order) } };
  });

  api.route('POST', '/products', ({ body }) => {
    const input = body as SeedProduct | undefined;
    if (!input?.sku || !input.name || input.price === undefined) throw new Error('sku, name and price are required');
    const state = deps.state();
    const now = state.now();
    const existing = state.product(input.sku);
    const defaults = {
      typeId: 'simple' as const,
      attributeSetId: 4,
      status: 1 as const,
      visibility: 4 as const,
      websiteIds: state.data.websites.map((w) => w.id),
    };
    const product: ProductRecord = {
      ...defaults,
      ...existing,
      ...input,
      price: decimal(input.price, 'price'),
      id: existing?.id ?? state.next('product'),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    state.data.products[product.sku] = product;
    saved(product);
    return { status: existing ? 200 : 201, body: { product } };
  });
  api.route('PATCH', '/products/{sku}', ({ params, body }) => {
    const state = deps.state();
    const product = requireProduct(state, params.sku);
    const patch = (body ?? {}) as Partial<SeedProduct>;
    if (patch.sku && patch.sku !== product.sku) throw new Error('sku cannot change');
    Object.assign(product, patch);
    if (patch.customAttributes) product.customAttributes = { ...patch.customAttributes };
    saved(product);
    return { body: { product } };
  });
  // Price changes by website: { sku, website?: code|id ('all' = global), price?, specialPrice?: {price, from?, to?} | null, cost?, msrp?, map? }
  api.route('POST', '/prices', ({ body }) => {
    const input = (body ?? {}) as Record<string, unknown>;
    const state = deps.state();
    const product = requireProduct(state, String(input.sku));
    const websiteId = websiteIdOf(state, input.website);
    if (input.price !== undefined) {
      const price = decimal(input.price, 'price');
      if (websiteId === 0) product.price = price;
      else
        product.websitePrices = [
          ...(product.websitePrices ?? []).filter((p) => p.websiteId !== websiteId),
          { websiteId, price },
        ];
    }
    if (input.specialPrice !== undefined) {
      const others = (product.specialPrices ?? []).filter((s) => s.websiteId !== websiteId);
      const special = input.specialPrice as { price: unknown; from?: string; to?: string } | null;
      product.specialPrices = special
        ? [
            ...others,
            { websiteId, price: decimal(special.price, 'specialPrice.price'), from: special.from, to: special.to },
          ]
        : others;
    }
    if (input.cost !== undefined) product.cost = decimal(input.cost, 'cost');
    if (input.msrp !== undefined) product.msrp = decimal(input.msrp, 'msrp');
    if (input.map !== undefined) product.map = decimal(input.map, 'map');
    saved(product);
    return { body: { product } };
  });
  // Stock change at one source: { sku, source?: code (default 'default'), quantity, status?: 0|1 }
  api.route('POST', '/stock', ({ body }) => {
    const input = (body ?? {}) as { sku?: string; source?: string; quantity?: unknown; status?: number };
    const state = deps.state();
    const product = requireProduct(state, String(input.sku));
    const sourceCode = input.source ?? 'default';
    if (!state.data.sources.some((s) => s.code === sourceCode)) throw new Error(`unknown source ${sourceCode}`);
    const quantity = Number(input.quantity);
    if (!Number.isFinite(quantity) || quantity < 0) throw new Error('quantity must be a number >= 0');
    setSourceItem(state, (o, v) => emit(o, v), {
      sku: product.sku,
      sourceCode,
      quantity,
      status: input.status === 0 ? 0 : 1,
    });
    deps.afterWrite();
    return {
      body: {
        sku: product.sku,
        salable: Object.fromEntries(state.data.stocks.map((s) => [s.id, salableQuantity(state, product.sku, s.id)])),
      },
    };
  });

  api.route('POST', '/ims/token', ({ body }) => {
    const input = (body ?? {}) as { clientId?: string; expiresIn?: number };
    return { body: deps.auth.issueImsToken(Date.now(), input.clientId, input.expiresIn) };
  });

  api.route('GET', '/events/public-key.pem', () => ({
    body: deps.events.publicKeyPem,
    headers: { 'content-type': 'application/x-pem-file' },
  }));
  api.route('GET', '/events', ({ query }) => {
    const status = query.get('status') as OutboxEntry['status'] | null;
    return { body: { eventsUrl: deps.events.getEventsUrl() ?? null, events: deps.events.list(status ?? undefined) } };
  });
  api.route('POST', '/events/flush', async () => {
    await deps.events.flush();
    return { body: { pending: deps.events.list('pending').length } };
  });
  api.route('PUT', '/events/url', ({ body }) => {
    const url = (body as { url?: string } | undefined)?.url;
    if (url !== undefined && url !== null && !/^https?:\/\//.test(url)) throw new Error('url must be an http(s) URL');
    deps.events.setEventsUrl(url ?? undefined);
    return { body: { eventsUrl: url ?? null } };
  });
  api.route('DELETE', '/events', () => {
    deps.events.clear();
    return { body: { events: [] } };
  });
};
