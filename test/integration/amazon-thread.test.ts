/**
 * The foundation's end-to-end thread, through real HTTP: action → AmazonGateway → amazon-sp-api →
 * the Amazon emulator. Nothing of ours is mocked.
 */
import { main as connectionCheck } from '../../actions/asc/store-connection-check';
import { main as globalSettings } from '../../actions/asc/global-settings';
import { createStorage, resetEmbeddedStorage } from '../../src/adapters/state';
import { flushOutbox } from '../../src/app/outbox';
import { createServices } from '../../src/app/services';
import { seedLocalDemo } from '../../src/app/local-demo';
import { type AmazonEmulator, startAmazonEmulator } from '../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../src/emulators/amazon/seed';
import { WriteBlockedError } from '../../src/platform/errors';
import { generateEncryptionKey } from '../../src/platform/crypto';
import { authHeaders } from '../helpers/auth';

const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';

let amazon: AmazonEmulator;
let inputs: Record<string, string>;

beforeAll(async () => {
  amazon = await startAmazonEmulator({
    port: 0,
    seed: {
      ...DEMO_AMAZON_SEED,
      listings: [
        {
          sellerId: SELLER,
          marketplaceId: US,
          sku: 'MUG-1',
          asin: 'B000000001',
          productType: 'HOME',
          title: 'Mug',
          price: '12.00',
          currency: 'USD',
          quantity: 5,
          fulfillmentChannel: 'DEFAULT',
          condition: 'new_new',
          status: ['BUYABLE', 'DISCOVERABLE'],
        },
      ],
    },
  });
  inputs = {
    ASC_STORAGE: 'memory',
    ASC_ENCRYPTION_KEY: generateEncryptionKey(),
    AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
    AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
    AMAZON_EMULATOR_URL: amazon.url,
    // Scales the app's buckets like the emulator is scaled, so a drained bucket refills in milliseconds.
    ASC_TIME_SCALE: '1000',
    LOG_LEVEL: 'error',
  };
});

afterAll(() => amazon.close());

beforeEach(async () => {
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
  await amazon.control.call('DELETE', '/faults');
  await amazon.control.call('POST', '/rate-limits/reset');
});

const check = (storeId: string) =>
  connectionCheck({ ...inputs, __ow_method: 'post', __ow_headers: authHeaders(), storeId }) as Promise<{
    statusCode: number;
    body: { ok: boolean; message: string; marketplace: { id: string; participating: boolean } | null };
  }>;

const communicationErrors = async () => (await (await createStorage(inputs)).logs.communicationErrors.page()).items;

describe('store connection check through amazon-sp-api and the emulator', () => {
  it('reports the marketplace active for an authorised store', async () => {
    const response = await check('demo-us');
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ ok: true, marketplace: { id: US, participating: true } });
    expect(response.body.message).toMatch(/active/);
    const calls = (await amazon.control.call('GET', '/requests')).body as { requests: Array<{ path: string }> };
    expect(JSON.stringify(calls)).toContain('/sellers/v1/marketplaceParticipations');
  });

  it('retries a passing 5xx and still answers', async () => {
    await amazon.control.call('POST', '/faults', {
      operation: 'getMarketplaceParticipations',
      kind: 'server-error',
      nextN: 1,
      status: 503,
    });
    expect((await check('demo-us')).body.ok).toBe(true);
    expect(await communicationErrors()).toEqual([]);
  });

  it('explains a lasting failure to the merchant and records it in the communication errors log', async () => {
    await amazon.control.call('POST', '/faults', {
      operation: 'getMarketplaceParticipations',
      kind: 'server-error',
      nextN: 5,
      status: 500,
    });
    const response = await check('demo-us');
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ ok: false, marketplace: null });
    const [logged] = await communicationErrors();
    expect(logged).toMatchObject({ storeId: 'demo-us', operation: 'getMarketplaceParticipations', httpStatus: 500 });
  });

  it('waits out a 429 with the limiter and succeeds', async () => {
    await amazon.control.call('DELETE', '/requests');
    await amazon.control.call('POST', '/faults', {
      operation: 'getMarketplaceParticipations',
      kind: 'throttle',
      nextN: 1,
    });
    expect((await check('demo-us')).body.ok).toBe(true);
    const { requests } = (await amazon.control.call('GET', '/requests')).body as {
      requests: Array<{ operation?: string; status: number }>;
    };
    const statuses = requests.filter((r) => r.operation === 'getMarketplaceParticipations').map((r) => r.status);
    expect(statuses).toEqual([429, 200]);
  });

  it('tells the merchant to re-authorise when LWA rejects the refresh token', async () => {
    const storage = await createStorage(inputs);
    const services = await createServices(inputs);
    const store = (await storage.stores.get('demo-ca'))!;
    await storage.stores.save({
      ...store,
      encryptedRefreshToken: services.secrets().encrypt('Atzr|revoked', 'demo-ca'),
    });
    const response = await check('demo-ca');
    expect(response.body.ok).toBe(false);
    expect(response.body.message).toMatch(/Re-authorise/);
    const [logged] = await communicationErrors();
    expect(logged).toMatchObject({ storeId: 'demo-ca', code: 'invalid_grant' });
    expect(JSON.stringify(logged)).not.toContain('Atzr|revoked');
  });

  it('answers 404 for an unknown store and 400 naming a missing field', async () => {
    expect((await check('nope')).statusCode).toBe(404);
    const missing = await connectionCheck({ ...inputs, __ow_method: 'post', __ow_headers: authHeaders() });
    expect(missing).toMatchObject({ statusCode: 400, body: { fields: { storeId: expect.any(String) } } });
  });
});

describe('read-only mode', () => {
  const patchPrice = (price: number) => ({
    path: { sellerId: SELLER, sku: 'MUG-1' },
    query: { marketplaceIds: [US] },
    body: {
      productType: 'HOME',
      patches: [
        {
          op: 'replace',
          path: '/attributes/purchasable_offer',
          value: [{ marketplace_id: US, currency: 'USD', our_price: [{ schedule: [{ value_with_tax: price }] }] }],
        },
      ],
    },
  });
  /** The price Amazon holds for MUG-1 (the listing's own field: timestamps elsewhere can contain any digits). */
  const amazonPrice = async (): Promise<number> => {
    const { body } = (await amazon.control.call('GET', '/listings')) as {
      body: { listings: Array<{ sku: string; price: string | number }> };
    };
    return Number(body.listings.find((listing) => listing.sku === 'MUG-1')?.price);
  };

  it('holds an outbound write before any network I/O, then sends it once switched off', async () => {
    const set = (readOnlyMode: boolean) =>
      globalSettings({ ...inputs, __ow_method: 'post', __ow_headers: authHeaders(), readOnlyMode });
    expect((await set(true)).statusCode).toBe(200);

    let services = await createServices(inputs);
    const gateway = await services.amazonFor((await services.storage.stores.get('demo-us'))!);
    await amazon.control.call('DELETE', '/requests');
    await expect(gateway.call('patchListingsItem', patchPrice(9.5))).rejects.toBeInstanceOf(WriteBlockedError);
    const sent = (await amazon.control.call('GET', '/requests')).body as { requests: unknown[] };
    expect(sent.requests).toEqual([]);
    expect(await amazonPrice()).toBe(12);

    expect(await flushOutbox(services)).toMatchObject({ held: true, sent: 0, remaining: 1 });

    await set(false);
    services = await createServices(inputs);
    expect(await flushOutbox(services)).toMatchObject({ held: false, sent: 1, remaining: 0 });
    expect(await amazonPrice()).toBe(9.5);
  });
});
