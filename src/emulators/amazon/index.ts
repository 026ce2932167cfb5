/**
 * Amazon SP-API + LWA emulator over node:http (plain HTTP on 127.0.0.1).
 *
 *   const amazon = await startAmazonEmulator({ port: 0, speedUp: 0, seed });
 *   // point amazon-sp-api at it with an https.Agent whose createConnection() → net.connect(amazon.port, '127.0.0.1')
 *   await amazon.control.advance(5 * 60_000); amazon.control.state(); await amazon.close();
 *
 * Hosts: api.amazon.com → LWA; sellingpartnerapi-{na,eu,fe}.amazon.com → API (region from Host);
 * sqs.<region>.amazonaws.com → Amazon SQS (JSON 1.0 protocol, SigV4; sqs.ts) holding the notification queues;
 * any host → /__control, /__sqs, /apps/authorize/*, /NinetyDays/* (presigned documents).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import type http from 'node:http';
import { EmulatorClock } from '../shared/clock';
import { ControlApi, registerCommonControlRoutes } from '../shared/control';
import { FaultInjector, type FaultRuleInput } from '../shared/faults';
import { hostOf, parseJsonBody, readBody, sendBuffer, sendJson, startHttpServer } from '../shared/http';
import { RequestLog, ViolationLog } from '../shared/request-log';
import { RateLimiter } from '../shared/token-bucket';
import { catalogHandlers } from './catalog';
import { registerAmazonControlRoutes } from './control-routes';
import { handleDocumentRequest, isDocumentPath } from './documents';
import { feedHandlers, processFeeds } from './feeds';
import { listingsHandlers } from './listings';
import { type LwaClient, confirmConsent, consentPage, handleTokenRequest, parseTokenRequest } from './lwa';
import { Notifier, sqsDelete, sqsReceive } from './notifications';
import { notificationHandlers } from './notifications';
import { OrdersEngine } from './orders-engine';
import { orderHandlers } from './orders';
import { anyOfferChangedPayload, pricingHandlers } from './pricing';
import { processReports, reportHandlers } from './reports';
import { type AmazonSeed, DEMO_AMAZON_SEED, applySeed } from './seed';
import { buildApiRouter, handleApiRequest, regionFromHost } from './server';
import { SQS_HOST, type SqsCredential, SqsService } from './sqs';
import { AmazonState } from './state';

export type { AmazonSeed } from './seed';
export { EmulatorClock } from '../shared/clock';

export const DEMO_LWA_CLIENT: LwaClient = {
  clientId: 'amzn1.application-oa2-client.demo',
  clientSecret: 'demo-lwa-client-secret',
};

export interface AmazonEmulatorOptions {
  port?: number;
  clock?: EmulatorClock;
  /** Emulated ms per real ms when no clock is given (default 1; 0 = frozen). */
  speedUp?: number;
  /** Defaults to the demo seller from the team plan. */
  seed?: AmazonSeed;
  lwaClients?: LwaClient[];
  faults?: FaultRuleInput[];
  /** A response that violates the official model becomes a 500 (default true). */
  strictResponses?: boolean;
  persistPath?: string;
  /** IAM keys the SQS endpoint accepts (default: the demo key, DEMO_SQS_CREDENTIALS). */
  sqsCredentials?: SqsCredential[];
}

export interface AmazonEmulator {
  url: string;
  port: number;
  clock: EmulatorClock;
  state: AmazonState;
  close(): Promise<void>;
  control: {
    call(method: string, path: string, body?: unknown): Promise<{ status?: number; body?: unknown }>;
    advance(ms: number): void;
    seed(seed: AmazonSeed): void;
    violations(): unknown[];
  };
}

export async function startAmazonEmulator(opts: AmazonEmulatorOptions = {}): Promise<AmazonEmulator> {
  const clock = opts.clock ?? new EmulatorClock({ speedUp: opts.speedUp ?? 1 });
  const clients = opts.lwaClients ?? [DEMO_LWA_CLIENT];
  const faults = new FaultInjector({ rules: opts.faults });
  const requestLog = new RequestLog(clock);
  const violations = new ViolationLog(clock);
  const limiter = new RateLimiter(clock);
  const world: { state: AmazonState } = { state: new AmazonState() };
  if (opts.persistPath && existsSync(opts.persistPath))
    world.state = AmazonState.fromJSON(JSON.parse(readFileSync(opts.persistPath, 'utf8')));
  else applySeed(world.state, opts.seed ?? DEMO_AMAZON_SEED, clock.now());

  // tick() is assigned below; the SQS endpoint advances the emulated world before each call like the API does.
  const sqs = new SqsService({
    state: () => world.state,
    clock,
    requestLog,
    credentials: opts.sqsCredentials,
    tick: () => tick(),
  });
  const notifier = () => new Notifier(world.state, clock, violations, () => sqs.wake());
  const engine = () =>
    new OrdersEngine(world.state, (order, changeType, reason) => {
      notifier().publish(
        'ORDER_CHANGE',
        order.sellerId,
        order.marketplaceId,
        {
          OrderChangeNotification: {
            NotificationLevel: 'OrderLevel',
            SellerId: order.sellerId,
            AmazonOrderId: order.orderId,
            OrderChangeType: changeType,
            OrderChangeTrigger: { TimeOfOrderChange: order.lastUpdatedTime, ChangeReason: reason },
            Summary: {
              MarketplaceId: order.marketplaceId,
              OrderStatus: OrdersEngine.v0Status(order.status),
              PurchaseDate: order.createdTime,
              DestinationPostalCode: order.address.postalCode,
              FulfillmentType: order.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN',
              OrderType: 'StandardOrder',
              NumberOfItemsShipped: order.items.reduce((n, i) => n + i.quantityShipped, 0),
              NumberOfItemsUnshipped: order.items.reduce(
                (n, i) => n + (i.cancellation ? 0 : i.quantity - i.quantityShipped),
                0,
              ),
              EarliestShipDate: order.shipBy.earliest,
              LatestShipDate: order.shipBy.latest,
              OrderItems: order.items.map((i) => ({
                OrderItemId: i.orderItemId,
                SellerSKU: i.sku,
                SupplySourceId: null,
                OrderItemStatus: i.quantityShipped >= i.quantity ? 'Shipped' : 'Unshipped',
                Quantity: i.quantity,
                QuantityShipped: i.quantityShipped,
                IsBuyerRequestedCancel: !!i.buyerCancelRequest,
              })),
            },
          },
        },
        changeType,
      );
    });
  const offerChanged = (asin: string, marketplaceId: string): void => {
    const sellers = new Set(
      [...world.state.listings.values()]
        .filter((l) => l.asin === asin && l.marketplaceId === marketplaceId)
        .map((l) => l.sellerId),
    );
    for (const sellerId of sellers)
      notifier().publish(
        'ANY_OFFER_CHANGED',
        sellerId,
        marketplaceId,
        anyOfferChangedPayload(world.state, sellerId, asin, marketplaceId, clock.iso()),
      );
  };
  const tick = (): void => {
    const now = clock.now();
    engine().tick(now);
    processFeeds(world.state, engine(), now, offerChanged);
    processReports(world.state, now);
  };
  let persistTimer: NodeJS.Timeout | undefined;
  const persist = (): void => {
    if (!opts.persistPath || persistTimer) return;
    persistTimer = setTimeout(() => {
      persistTimer = undefined;
      writeFileSync(opts.persistPath!, JSON.stringify(world.state.toJSON()));
    }, 50);
  };
  const handlers = () => ({
    ...listingsHandlers({ offerChanged }),
    ...catalogHandlers,
    ...feedHandlers,
    ...reportHandlers,
    ...pricingHandlers,
    ...orderHandlers(engine()),
    ...notificationHandlers,
  });
  const router = buildApiRouter();
  const pipeline = () => ({
    state: world.state,
    clock,
    limiter,
    faults,
    requestLog,
    violations,
    strictResponses: opts.strictResponses ?? true,
    handlers: handlers(),
    tick,
    onMutation: persist,
  });

  const control = new ControlApi();
  registerCommonControlRoutes(control, { clock, faults, requestLog, violations });
  registerAmazonControlRoutes(control, {
    world,
    clock,
    limiter,
    engine,
    tick,
    offerChanged,
    reset: () => {
      world.state = new AmazonState();
      limiter.reset();
      requestLog.clear();
      violations.clear();
      faults.clear();
    },
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const host = hostOf(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const sqsRegion = SQS_HOST.exec(host)?.[1];
    if (sqsRegion && !url.pathname.startsWith('/__control')) {
      await sqs.handle(req, res, sqsRegion);
      persist();
      return;
    }
    if (await control.handle(req, res)) {
      if (method !== 'GET') persist();
      return;
    }
    if (url.pathname.startsWith('/__sqs/') && method === 'POST') {
      tick();
      try {
        const body = (parseJsonBody(await readBody(req)) ?? {}) as Record<string, unknown>;
        if (url.pathname === '/__sqs/receive') return sendJson(res, 200, sqsReceive(world.state, clock, body));
        if (url.pathname === '/__sqs/delete') return sendJson(res, 200, sqsDelete(world.state, body));
      } catch (e) {
        return sendJson(res, 400, { error: (e as Error).message });
      }
      return sendJson(res, 404, { error: 'unknown queue action' });
    }
    if (url.pathname === '/auth/o2/token' && method === 'POST' && !regionFromHost(host)) {
      const form = parseTokenRequest(String(req.headers['content-type'] ?? ''), await readBody(req));
      const out = handleTokenRequest({ state: world.state, clock, clients }, form);
      requestLog.add({
        method,
        host,
        path: url.pathname,
        query: '',
        operation: `lwa:${form.grant_type ?? '?'}`,
        status: out.status,
        durationMs: 0,
      });
      persist();
      return sendJson(res, out.status, out.body);
    }
    if (url.pathname === '/apps/authorize/consent' && method === 'GET') {
      const page = consentPage(world.state, url.searchParams);
      return sendBuffer(res, page.status, page.html, { 'content-type': 'text/html; charset=utf-8' });
    }
    if (url.pathname === '/apps/authorize/confirm' && method === 'POST') {
      const form = Object.fromEntries(new URLSearchParams((await readBody(req)).toString('utf8')));
      const out = confirmConsent(world.state, clock, form);
      persist();
      if (out.location) {
        res.writeHead(302, { location: out.location, 'content-length': 0 });
        return void res.end();
      }
      return sendBuffer(res, out.status, out.html ?? '', { 'content-type': 'text/html; charset=utf-8' });
    }
    if (isDocumentPath(url.pathname)) {
      tick();
      await handleDocumentRequest(world.state, clock, req, res);
      return;
    }
    await handleApiRequest(pipeline(), router, req, res);
  };

  const server = await startHttpServer(handle, { port: opts.port ?? 0 });
  return {
    url: server.url,
    port: server.port,
    clock,
    get state() {
      return world.state;
    },
    close: async () => {
      clearTimeout(persistTimer);
      sqs.close();
      if (opts.persistPath) writeFileSync(opts.persistPath, JSON.stringify(world.state.toJSON()));
      if (!opts.clock) clock.dispose();
      await server.close();
    },
    control: {
      call: (method, path, body) => control.call(method, path, body),
      advance: (ms) => {
        clock.advance(ms);
        tick();
      },
      seed: (seed) => applySeed(world.state, seed, clock.now()),
      violations: () => violations.list(),
    },
  };
}
