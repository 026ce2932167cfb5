/**
 * A bulk publish through both emulators over HTTP (what `bench/listings/p2.ts` times at 10 000 offers): thousands of
 * changed prices go out as one JSON_LISTINGS_FEED whose pending record is larger than one State value, the catalogue
 * is read page by page (no GET per SKU), no status read is spent on price-only changes, and a product-save event
 * that arrives while the feed is processing reaches Amazon at once instead of waiting for the feed.
 */
import { resetEmbeddedStorage } from '../../src/adapters/state';
import { loadListingsContext } from '../../src/app/listings/context';
import { republishProduct } from '../../src/app/listings/event-handlers';
import { publishListings } from '../../src/app/listings/publish';
import { importThirdPartyListings } from '../../src/app/listings/report-import';
import { createServices } from '../../src/app/services';
import { type AmazonEmulator, startAmazonEmulator } from '../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../src/emulators/amazon/seed';
import { type RunningCommerceEmulator, startCommerceEmulator } from '../../src/emulators/commerce';
import { minimalCommerceSeed } from '../../src/emulators/commerce/seed';
import { EmulatorClock } from '../../src/emulators/shared/clock';
import { SecretBox } from '../../src/platform/crypto';
import { emulatorInputs } from '../helpers/emulator-inputs';

// ~400 bytes per pending change: 3 000 of them do not fit one 1 MB State value.
const N = 3_000;
const SPEEDUP = 60;
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';
const SINGLE = 'BULK-SINGLE';
const sku = (i: number) => `BULK-${String(i).padStart(5, '0')}`;

let amazon: AmazonEmulator;
let commerce: RunningCommerceEmulator;
let clock: EmulatorClock;
let inputs: Record<string, string>;

interface Logged {
  at: string;
  operation?: string;
  method?: string;
  path?: string;
  status: number;
}

beforeAll(async () => {
  const skus = [...Array.from({ length: N }, (_, i) => sku(i)), SINGLE];
  clock = new EmulatorClock({ start: '2026-03-02T10:00:00.000Z', speedUp: 1000 });
  amazon = await startAmazonEmulator({
    port: 0,
    clock,
    seed: {
      ...DEMO_AMAZON_SEED,
      orderStreams: [],
      competitorOffers: [],
      catalog: [],
      listings: skus.map((s, i) => ({
        sellerId: SELLER,
        marketplaceId: US,
        sku: s,
        asin: `B0BULK${String(i).padStart(4, '0')}`,
        productType: 'HOME',
        price: '20.00',
        currency: 'USD',
        quantity: 5,
        fulfillmentChannel: 'DEFAULT' as const,
        condition: 'new_new',
        status: ['BUYABLE', 'DISCOVERABLE'] as Array<'BUYABLE' | 'DISCOVERABLE'>,
      })),
    },
  });
  const seed = minimalCommerceSeed();
  seed.products = skus.map((s) => ({
    sku: s,
    name: `Bulk ${s}`,
    typeId: 'simple' as const,
    attributeSetId: 4,
    status: 1 as const,
    visibility: 4 as const,
    websiteIds: [1],
    price: s === SINGLE ? '20.00' : '21.50',
  }));
  seed.sourceItems = skus.map((s) => ({ sku: s, sourceCode: 'default', quantity: 5, status: 1 as const }));
  commerce = await startCommerceEmulator({ port: 0, seed });
  inputs = emulatorInputs(amazon.url, commerce.baseUrl, {
    ASC_LOCK_SETTLE_MS: '0',
    ASC_TIME_SCALE: '1000',
  });
  const key = inputs.ASC_ENCRYPTION_KEY;
  resetEmbeddedStorage();
  const services = await createServices(inputs);
  const at = new Date().toISOString();
  await services.storage.stores.save({
    id: 'bulk',
    name: 'Bulk store',
    sellerId: SELLER,
    marketplaceId: US,
    country: 'US',
    currency: 'USD',
    region: 'na',
    websiteCode: 'base',
    status: 'active',
    createdAt: at,
    updatedAt: at,
    authorizedAt: at,
    encryptedRefreshToken: new SecretBox(key).encrypt('Atzr|demo-refresh-token-1', 'bulk'),
  });
  const imported = await importThirdPartyListings(await loadListingsContext(services, 'bulk'), {
    waitMs: 30_000,
    pollEveryMs: 5,
  });
  expect(imported).toMatchObject({ status: 'done', matched: N + 1 });
}, 60_000);

afterAll(async () => {
  await amazon?.close();
  await commerce?.close();
  clock?.dispose();
  resetEmbeddedStorage();
});

it('publishes thousands of price changes as one feed, and a product-save event meanwhile goes straight to Amazon', async () => {
  clock.setSpeedUp(SPEEDUP);
  const services = await createServices({ ...inputs, ASC_TIME_SCALE: String(SPEEDUP) });
  await amazon.control.call('DELETE', '/requests');
  await commerce.control('DELETE', '/requests');
  const amazonLog = async (operation?: string) =>
    (
      (await amazon.control.call('GET', `/requests?limit=5000${operation ? `&operation=${operation}` : ''}`)).body as {
        requests: Logged[];
      }
    ).requests;

  const bulk = publishListings(await loadListingsContext(services, 'bulk'), {
    reason: 'scheduled sync',
    jobId: 'bulk-job',
    feedWaitMs: 60_000,
    pollEveryMs: 1000 / SPEEDUP,
  });
  let bulkDone = false;
  void bulk.then(() => {
    bulkDone = true;
  });
  while ((await amazonLog('createFeed')).length === 0 && !bulkDone) await new Promise((r) => setTimeout(r, 20));
  const commerceDuringPlanning = (await commerce.control('GET', '/requests?limit=5000')) as { requests: Logged[] };

  // The event: one product saved in Commerce while Amazon processes the feed.
  await commerce.control('POST', '/prices', { sku: SINGLE, price: '19.50' });
  const single = await republishProduct(services, SINGLE, 'product saved in Commerce', 'event-1');
  expect(single).toMatchObject({ bulk: { planned: 1, viaApi: 1, accepted: 1 } });
  expect(bulkDone).toBe(false);
  const singleOnAmazon = (await amazon.control.call('GET', `/listings?sellerId=${SELLER}`)).body as {
    listings: Array<{ sku: string }>;
  };
  expect(JSON.stringify(singleOnAmazon.listings.find((l) => l.sku === SINGLE))).toContain('19.5');

  const result = await bulk;
  expect(result).toMatchObject({ planned: N, viaFeed: N, accepted: N, failed: 0, feedsPending: [] });
  const log = await amazonLog();
  expect(log.filter((r) => r.operation === 'createFeed')).toHaveLength(1);
  expect(log.filter((r) => r.status === 429)).toHaveLength(0);
  // Price-only changes on listed offers: no searchListingsItems read-back, one LWA token for the bulk run.
  expect(log.filter((r) => r.operation === 'searchListingsItems')).toHaveLength(0);
  // The catalogue was read page by page: no GET of a single bulk product while planning.
  const perSku = commerceDuringPlanning.requests.filter((r) => /\/V1\/products\/BULK-\d/.test(r.path ?? ''));
  expect(commerceDuringPlanning.requests.length).toBeGreaterThan(0);
  expect(perSku).toHaveLength(0);

  // Amazon holds the new prices, and the store recorded them as last accepted.
  const listings = await loadListingsContext(services, 'bulk');
  const stored = await listings.repo.getMany([sku(0), sku(N - 1)]);
  expect([...stored.values()].map((l) => l.lastAccepted?.price)).toEqual(['21.50', '21.50']);
  // The pending feed and its parts are gone once applied.
  const left: string[] = [];
  for await (const key of services.storage.kv.keys('listings.bulk.feed*')) left.push(key);
  expect(left).toEqual([]);
}, 120_000);
