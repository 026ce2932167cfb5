/**
 * Both emulators over real HTTP on one emulator clock, one connected US store, and services built the way the
 * actions build them. Nothing of ours is mocked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { main as commerceEvents } from '../../../actions/asc-jobs/commerce-events';
import { resetEmbeddedStorage } from '../../../src/adapters/state';
import { createServices, type Services } from '../../../src/app/services';
import { type AmazonEmulator, startAmazonEmulator } from '../../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../../src/emulators/amazon/seed';
import { type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { minimalCommerceSeed, type SeedProduct } from '../../../src/emulators/commerce/seed';
import { EmulatorClock } from '../../../src/emulators/shared/clock';
import { SecretBox } from '../../../src/platform/crypto';
import { emulatorInputs } from '../../helpers/emulator-inputs';

export const SELLER = 'A1DEMOSELLER0001';
export const US = 'ATVPDKIKX0DER';
export const START = '2026-03-02T10:00:00.000Z';

export interface Harness {
  amazon: AmazonEmulator;
  commerce: RunningCommerceEmulator;
  clock: EmulatorClock;
  inputs: Record<string, string>;
  services(): Promise<Services>;
  amazonControl(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }>;
  commerceControl(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }>;
  /** Creates an Amazon order through the control API and returns its id. */
  placeAmazonOrder(
    items: Array<{ sku: string; quantity: number; promotionDiscount?: string }>,
    extra?: Record<string, unknown>,
  ): Promise<string>;
  close(): Promise<void>;
}

const product = (sku: string, price: string): SeedProduct => ({
  sku,
  name: `Product ${sku}`,
  typeId: 'simple',
  attributeSetId: 4,
  status: 1,
  visibility: 4,
  websiteIds: [1],
  price,
});

export const SKUS = ['MUG-1', 'MUG-2', 'LAMP-1'];

export async function startHarness(
  options: { skus?: string[]; stock?: number; deliverEvents?: boolean } = {},
): Promise<Harness> {
  const skus = options.skus ?? SKUS;
  const clock = new EmulatorClock({ start: START, speedUp: 1 });
  const amazon = await startAmazonEmulator({
    port: 0,
    clock,
    seed: {
      ...DEMO_AMAZON_SEED,
      orderStreams: [],
      listings: skus.map((sku, k) => ({
        sellerId: SELLER,
        marketplaceId: US,
        sku,
        asin: `B00000000${k}`,
        productType: 'HOME',
        title: `Product ${sku}`,
        price: `1${k}.50`,
        currency: 'USD',
        quantity: 100_000,
        fulfillmentChannel: 'DEFAULT' as const,
        condition: 'new_new',
        status: ['BUYABLE', 'DISCOVERABLE'] as Array<'BUYABLE' | 'DISCOVERABLE'>,
      })),
    },
  });
  const seed = minimalCommerceSeed();
  seed.products = skus.map((sku, k) => product(sku, `1${k}.50`));
  seed.sourceItems = skus.map((sku) => ({
    sku,
    sourceCode: 'default',
    quantity: options.stock ?? 100_000,
    status: 1 as const,
  }));
  // Commerce events go to the real consumer action (signature checked), like the local runtime's /__events.
  let eventInputs: Record<string, string> = {};
  const receiver = options.deliverEvents
    ? await startEventReceiver((body, headers) =>
        commerceEvents({
          ...eventInputs,
          ...JSON.parse(body),
          __ow_headers: headers,
          __ow_body: body,
        }),
      )
    : undefined;
  const commerce = await startCommerceEmulator({ port: 0, clock, seed, eventsUrl: receiver?.url });
  const inputs: Record<string, string> = emulatorInputs(amazon.url, commerce.baseUrl, {
    ASC_LOCK_SETTLE_MS: '0',
    ASC_ORDER_SETTLE_MS: '1000',
    ASC_TIME_SCALE: '1000',
  });
  const key = inputs.ASC_ENCRYPTION_KEY;
  eventInputs = { ...inputs, EVENTS_PUBLIC_KEY_PEM: commerce.publicKeyPem };
  const call = (base: string) => async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/__control${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const amazonControl = call(amazon.url);
  const commerceControl = call(commerce.url);
  resetEmbeddedStorage();
  const services = () => createServices(inputs, clock);
  const s = await services();
  await s.storage.stores.save({
    id: 'us',
    name: 'US store',
    sellerId: SELLER,
    marketplaceId: US,
    country: 'US',
    currency: 'USD',
    region: 'na',
    websiteCode: 'base',
    status: 'active',
    createdAt: START,
    updatedAt: START,
    authorizedAt: START,
    encryptedRefreshToken: new SecretBox(key).encrypt('Atzr|demo-refresh-token-1', 'us'),
  });
  return {
    amazon,
    commerce,
    clock,
    inputs,
    services,
    amazonControl,
    commerceControl,
    async placeAmazonOrder(items, extra = {}) {
      const res = await amazonControl('POST', '/orders', { sellerId: SELLER, marketplaceId: US, items, ...extra });
      if (res.status !== 201) throw new Error(`control /orders: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.internal.orderId as string;
    },
    async close() {
      await amazon.close();
      await commerce.close();
      await receiver?.close();
      clock.dispose();
    },
  };
}

/** A tiny stand-in for the local runtime's /__events: passes each CloudEvent to the consumer action. */
async function startEventReceiver(
  deliver: (body: string, headers: Record<string, string>) => Promise<Record<string, unknown>>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', async () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : String(v)]),
      );
      const result = await deliver(body, headers).catch((e) => ({ error: { statusCode: 500, body: String(e) } }));
      const failed = (result as { error?: { statusCode?: number } }).error;
      res.writeHead(failed ? (failed.statusCode ?? 500) : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/__events`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
