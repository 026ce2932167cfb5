import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActionError, type AscClient, createAscClient, messageOf } from '../../../web-src/src/api/client';

/** A real HTTP server standing in for the web actions, so the client's actual fetch calls are observed. */
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
let server: http.Server;
let base: string;
let seen: Seen[];
let reply: (req: Seen) => { status: number; body: unknown };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      const answer = reply(request);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const store = {
  id: 'store-us',
  name: 'Demo US',
  sellerId: 'A1DEMOSELLER0001',
  marketplaceId: 'ATVPDKIKX0DER',
  country: 'US',
  currency: 'USD',
  region: 'na',
  websiteCode: 'base',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  authorization: { state: 'valid', renewBy: '2027-01-01T00:00:00.000Z' },
};
const settings = { logRetention: 'monthly', debugLogging: false, readOnlyMode: false } as const;

let client: AscClient;
beforeEach(() => {
  seen = [];
  reply = () => ({ status: 200, body: {} });
  client = createAscClient({
    config: {
      actionUrls: {
        'asc/stores-list': `${base}/api/v1/web/asc/stores-list`,
        'asc/store-connection-check': `${base}/api/v1/web/asc/store-connection-check`,
        'global-settings': `${base}/api/v1/web/asc/global-settings`,
        'asc/communication-errors': `${base}/api/v1/web/asc/communication-errors`,
      },
    },
    credentials: { imsToken: 'ims-token-1', imsOrgId: 'ORG1234567@AdobeOrg' },
  });
});

test('sends the IMS token and org with every call and parses the stores', async () => {
  reply = () => ({ status: 200, body: { stores: [store] } });
  const result = await client.listStores();
  expect(result.stores[0].name).toBe('Demo US');
  expect(seen[0].method).toBe('GET');
  expect(seen[0].url).toBe('/api/v1/web/asc/stores-list');
  expect(seen[0].headers.authorization).toBe('Bearer ims-token-1');
  expect(seen[0].headers['x-gw-ims-org-id']).toBe('ORG1234567@AdobeOrg');
});

test('posts the store id as JSON for a connection check', async () => {
  const answer = {
    storeId: 'store-us',
    ok: true,
    checkedAt: '2026-01-03T00:00:00.000Z',
    message: 'Seller Central answered',
    marketplace: {
      id: 'ATVPDKIKX0DER',
      name: 'Amazon.com',
      countryCode: 'US',
      participating: true,
      hasSuspendedListings: false,
    },
  };
  reply = () => ({ status: 200, body: answer });
  await expect(client.checkStoreConnection('store-us')).resolves.toEqual(answer);
  expect(seen[0].method).toBe('POST');
  expect(seen[0].headers['content-type']).toBe('application/json');
  expect(JSON.parse(seen[0].body)).toEqual({ storeId: 'store-us' });
});

test('puts list filters in the query string and leaves out an empty store filter', async () => {
  reply = () => ({ status: 200, body: { items: [], nextCursor: null } });
  await client.listCommunicationErrors({ limit: 20 });
  await client.listCommunicationErrors({ storeId: 'store-us', limit: 20, cursor: 'c2' });
  expect(seen[0].url).toBe('/api/v1/web/asc/communication-errors?limit=20');
  expect(seen[1].url).toBe('/api/v1/web/asc/communication-errors?storeId=store-us&limit=20&cursor=c2');
});

test('settings: reads `{ settings }` and accepts either answer shape after a save', async () => {
  reply = () => ({ status: 200, body: { settings } });
  await expect(client.getGlobalSettings()).resolves.toEqual(settings);
  reply = (req) => ({ status: 200, body: JSON.parse(req.body) });
  await expect(client.saveGlobalSettings({ ...settings, logRetention: 'weekly' })).resolves.toEqual({
    ...settings,
    logRetention: 'weekly',
  });
  expect(seen[1].url).toBe('/api/v1/web/asc/global-settings');
});

test("shows the server's own error message and the invalid fields", async () => {
  reply = () => ({
    status: 400,
    body: { error: 'Invalid input — logRetention: Invalid option', fields: { logRetention: 'Invalid option' } },
  });
  const failure = await client.saveGlobalSettings(settings).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ActionError);
  expect((failure as ActionError).status).toBe(400);
  expect((failure as ActionError).message).toBe('Invalid input — logRetention: Invalid option');
  expect((failure as ActionError).fields).toEqual({ logRetention: 'Invalid option' });
});

test('explains an expired session when the gateway sends no JSON', async () => {
  reply = () => ({ status: 401, body: 'Unauthorized' });
  await expect(client.listStores()).rejects.toThrow(/session is missing or has expired/);
});

test('explains an answer of the wrong shape instead of rendering it', async () => {
  reply = () => ({ status: 200, body: { stores: [{ id: 'x' }] } });
  await expect(client.listStores()).rejects.toThrow(/does not understand/);
});

test('explains an unreachable service', async () => {
  const offline = createAscClient({
    config: { actionUrls: { 'asc/stores-list': 'http://127.0.0.1:1/api/v1/web/asc/stores-list' } },
    credentials: { imsToken: 't', imsOrgId: 'o' },
  });
  const failure = await offline.listStores().catch((error: unknown) => error);
  expect(messageOf(failure)).toMatch(/Could not reach the Amazon Sales Channel service/);
});
