/**
 * Onboarding end to end through real HTTP: the store action (website checked against the Commerce emulator),
 * the consent page of the Amazon emulator, the public callback (amazon-sp-api `exchange` against the emulator's
 * LWA), and the connection check with the stored token. Nothing of ours is mocked.
 */
import { main as commerceOptions } from '../../../actions/asc/commerce-options';
import { main as preparation } from '../../../actions/asc/preparation-checks';
import { main as connectionCheck } from '../../../actions/asc/store-connection-check';
import { main as settingsAction } from '../../../actions/asc/store-settings';
import { main as storeAction } from '../../../actions/asc/store';
import { main as authorizationAction } from '../../../actions/asc/store-authorization';
import { handleCallback, main as callback } from '../../../actions/asc/store-authorization-callback';
import { createStorage, resetEmbeddedStorage } from '../../../src/adapters/state';
import { createServices } from '../../../src/app/services';
import { startAuthorization } from '../../../src/app/stores/authorization';
import { recordJobRun } from '../../../src/app/stores/heartbeat';
import type { Clock } from '../../../src/core/clock';
import type { StoreRecord } from '../../../src/core/store';
import { type AmazonEmulator, startAmazonEmulator } from '../../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../../src/emulators/amazon/seed';
import { type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { buildDemoScenario } from '../../../src/emulators/demo';
import { generateEncryptionKey, SecretBox } from '../../../src/platform/crypto';
import { authHeaders } from '../../helpers/auth';

const SELLER = 'A1DEMOSELLER0001';
const DE = 'A1PA6795UKMFR9';
const REDIRECT = 'http://127.0.0.1:9/api/v1/web/asc/store-authorization-callback';

let amazon: AmazonEmulator;
let commerce: RunningCommerceEmulator;
let inputs: Record<string, string>;

beforeAll(async () => {
  amazon = await startAmazonEmulator({ port: 0, seed: DEMO_AMAZON_SEED });
  commerce = await startCommerceEmulator({ port: 0, seed: buildDemoScenario(1).commerce });
  inputs = {
    ASC_STORAGE: 'memory',
    ASC_ENCRYPTION_KEY: generateEncryptionKey(),
    AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
    AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
    AMAZON_EMULATOR_URL: amazon.url,
    ASC_OAUTH_REDIRECT_URL: REDIRECT,
    COMMERCE_BASE_URL: commerce.baseUrl,
    AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: 'demo-consumer-key',
    AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: 'demo-consumer-secret',
    AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: 'demo-access-token',
    AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: 'demo-access-token-secret',
    ASC_TIME_SCALE: '1000',
    LOG_LEVEL: 'error',
  };
});

afterAll(async () => {
  await amazon.close();
  await commerce.close();
});

beforeEach(() => resetEmbeddedStorage());

// biome-ignore lint/suspicious/noExplicitAny: each action answers its own body shape; the assertions check it.
type Response = { statusCode: number; body: any };

const call = (action: (p: Record<string, unknown>) => Promise<unknown>, method: string, fields: object) =>
  action({ ...inputs, __ow_method: method, __ow_headers: authHeaders(), ...fields }) as Promise<Response>;

const addStore = async (fields: object = {}) => {
  const response = await call(storeAction, 'post', {
    websiteCode: 'eu',
    email: 'de@example.com',
    name: 'Amazon Store Germany',
    country: 'DE',
    ...fields,
  });
  expect(response.statusCode).toBe(201);
  return response.body.store as StoreRecord;
};

/** What the merchant's browser does: open the consent page, press Confirm, follow Amazon's redirect. */
const consent = async (consentUrl: string, sellerId = SELLER): Promise<Record<string, string>> => {
  const page = await fetch(consentUrl);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('id="consent-authorize"');
  const url = new URL(consentUrl);
  const form = new URLSearchParams({
    application_id: url.searchParams.get('application_id') ?? '',
    state: url.searchParams.get('state') ?? '',
    redirect_uri: url.searchParams.get('redirect_uri') ?? '',
    selling_partner_id: sellerId,
  });
  const confirmed = await fetch(new URL('/apps/authorize/confirm', amazon.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  expect(confirmed.status).toBe(302);
  const location = new URL(confirmed.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  return Object.fromEntries(location.searchParams);
};

/** The browser arriving at the callback: a GET with query fields and no IMS token at all. */
const arrive = (query: Record<string, string>, clock?: Clock) => {
  const params = { ...inputs, __ow_method: 'get', __ow_headers: { 'user-agent': 'browser' }, ...query };
  return (clock ? handleCallback(params, clock) : callback(params)) as Promise<{ statusCode: number; body: string }>;
};

const storedStore = async (id: string) => (await createStorage(inputs)).stores.get(id);

describe('adding a store and authorising it in Seller Central', () => {
  it('creates the store pending authorisation, then connects it through the consent page and the callback', async () => {
    const store = await addStore();
    expect(store).toMatchObject({ status: 'pending_authorization', marketplaceId: DE, currency: 'EUR', sellerId: '' });
    expect(store).not.toHaveProperty('encryptedRefreshToken');

    const started = await call(authorizationAction, 'post', { storeId: store.id });
    expect(started.statusCode).toBe(200);
    const consentUrl = new URL(started.body.consentUrl);
    expect(consentUrl.origin).toBe(amazon.url);
    expect(consentUrl.pathname).toBe('/apps/authorize/consent');
    expect(consentUrl.searchParams.get('version')).toBe('beta');
    expect(consentUrl.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(consentUrl.searchParams.get('state')).toMatch(new RegExp(`^${store.id}\\.[A-Za-z0-9_-]{43}$`));

    const query = await consent(started.body.consentUrl);
    const answer = await arrive(query);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('is now connected to Amazon Seller Central');

    const saved = (await storedStore(store.id)) as StoreRecord;
    expect(saved).toMatchObject({ status: 'active', sellerId: SELLER });
    expect(saved.authorizedAt).toBeDefined();
    // The token is stored encrypted, bound to this store, and it is one the emulator's LWA issued.
    const token = new SecretBox(inputs.ASC_ENCRYPTION_KEY).decrypt(saved.encryptedRefreshToken ?? '', store.id);
    expect(token).toMatch(/^Atzr\|/);
    expect(saved.encryptedRefreshToken).not.toContain(token);

    const check = await call(connectionCheck, 'post', { storeId: store.id });
    expect(check.body).toMatchObject({ ok: true, marketplace: { id: DE, participating: true } });
  });

  it('refuses a reused state with a clear 400 and leaves the store as it was', async () => {
    const store = await addStore();
    const started = await call(authorizationAction, 'post', { storeId: store.id });
    const query = await consent(started.body.consentUrl);
    expect((await arrive(query)).statusCode).toBe(200);
    const before = await storedStore(store.id);
    const replay = await arrive(query);
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('This authorisation link is not valid');
    expect(await storedStore(store.id)).toEqual(before);
  });

  it.each([
    ['no state at all', (q: Record<string, string>) => ({ ...q, state: '' })],
    [
      'a forged nonce for the real store',
      (q: Record<string, string>) => ({ ...q, state: `${q.state.split('.')[0]}.${'A'.repeat(43)}` }),
    ],
    ['a state for another store', (q: Record<string, string>) => ({ ...q, state: `demo-us.${q.state.split('.')[1]}` })],
    ['garbage', (q: Record<string, string>) => ({ ...q, state: '<script>alert(1)</script>' })],
  ])('refuses %s before contacting Amazon', async (_name, tamper) => {
    const store = await addStore();
    const started = await call(authorizationAction, 'post', { storeId: store.id });
    const query = await consent(started.body.consentUrl);
    await amazon.control.call('DELETE', '/requests');
    const refused = await arrive(tamper(query));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Start the authorisation again from the store card');
    expect(refused.body).not.toContain('<script>alert');
    const { requests } = (await amazon.control.call('GET', '/requests')).body as { requests: unknown[] };
    expect(JSON.stringify(requests)).not.toContain('/auth/o2/token');
    expect(await storedStore(store.id)).toMatchObject({ status: 'pending_authorization', sellerId: '' });
    // The genuine state still works afterwards: a forgery does not burn it.
    expect((await arrive(query)).statusCode).toBe(200);
  });

  it('refuses a state older than 15 minutes', async () => {
    const store = await addStore();
    const start = Date.now();
    const services = await createServices(inputs, { now: () => start });
    const { consentUrl } = await startAuthorization(services, store.id);
    const query = await consent(consentUrl);
    const refused = await arrive(query, { now: () => start + 16 * 60_000 });
    expect(refused.statusCode).toBe(400);
    expect(await storedStore(store.id)).toMatchObject({ status: 'pending_authorization' });
  });

  it('explains a code Amazon rejects (already used at LWA) without changing the store', async () => {
    const store = await addStore();
    const first = await consent((await call(authorizationAction, 'post', { storeId: store.id })).body.consentUrl);
    const second = await consent((await call(authorizationAction, 'post', { storeId: store.id })).body.consentUrl);
    // The first state was replaced by the second start; use the second state with the first (valid) code, twice.
    expect((await arrive({ ...second, spapi_oauth_code: first.spapi_oauth_code })).statusCode).toBe(200);
    const again = await consent((await call(authorizationAction, 'post', { storeId: store.id })).body.consentUrl);
    const refused = await arrive({ ...again, spapi_oauth_code: first.spapi_oauth_code });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Amazon did not accept the authorisation');
  });

  it('re-authorises an existing store (yearly renewal) and keeps an inactive store inactive', async () => {
    const store = await addStore();
    await arrive(await consent((await call(authorizationAction, 'post', { storeId: store.id })).body.consentUrl));
    const first = (await storedStore(store.id)) as StoreRecord;
    await call(storeAction, 'put', { storeId: store.id, status: 'inactive' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const renewed = await arrive(
      await consent((await call(authorizationAction, 'post', { storeId: store.id })).body.consentUrl),
    );
    expect(renewed.statusCode).toBe(200);
    expect(renewed.body).toContain('authorised with Amazon again');
    const after = (await storedStore(store.id)) as StoreRecord;
    expect(after.status).toBe('inactive');
    expect(after.authorizedAt && first.authorizedAt && after.authorizedAt > first.authorizedAt).toBe(true);
    expect(after.encryptedRefreshToken).not.toBe(first.encryptedRefreshToken);
  });

  it('refuses a second store for the same seller account and marketplace', async () => {
    const first = await addStore();
    await arrive(await consent((await call(authorizationAction, 'post', { storeId: first.id })).body.consentUrl));
    const second = await addStore({ name: 'Germany again' });
    const refused = await arrive(
      await consent((await call(authorizationAction, 'post', { storeId: second.id })).body.consentUrl),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('already connects this Seller Central account in the DE marketplace');
  });

  it('refuses a website Commerce does not have, and an unknown marketplace, naming the field', async () => {
    const badWebsite = await call(storeAction, 'post', {
      websiteCode: 'nope',
      email: 'a@b.co',
      name: 'X',
      country: 'US',
    });
    expect(badWebsite.statusCode).toBe(400);
    expect(badWebsite.body.fields).toEqual({ websiteCode: 'no Commerce website "nope"' });
    const badCountry = await call(storeAction, 'post', {
      websiteCode: 'base',
      email: 'a@b.co',
      name: 'X',
      country: 'XX',
    });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.body.fields.country).toMatch(/must be one of the Amazon marketplaces/);
  });

  it('never lets the callback act as an authenticated admin action (no IMS needed, state required)', async () => {
    const response = await arrive({ spapi_oauth_code: 'x', selling_partner_id: SELLER });
    expect(response.statusCode).toBe(400);
    const viaPost = await callback({ ...inputs, __ow_method: 'post', __ow_headers: {} });
    expect((viaPost as { statusCode: number }).statusCode).toBe(405);
  });
});

describe('what the dialog and the pickers read from Commerce', () => {
  it('lists websites, store views, attributes and currency rates from the Commerce emulator', async () => {
    const { body } = await call(commerceOptions, 'get', {});
    expect(body.websites.map((w: { code: string }) => w.code)).toEqual(['base', 'eu']);
    expect(body.storeViews.map((v: { code: string }) => v.code)).toEqual(expect.arrayContaining(['default', 'eu_en']));
    expect(body.attributes).toEqual(expect.arrayContaining([{ code: 'ean', label: 'EAN', input: 'text' }]));
    expect(body.currency).toEqual({ base: 'USD', rates: [{ from: 'USD', to: 'EUR', rate: '0.92' }] });
  });
});

describe('Learning & Preparation checks', () => {
  const checks = async () =>
    Object.fromEntries(
      ((await call(preparation, 'get', {})).body.checks as Array<{ id: string; status: string; detail: string }>).map(
        (check) => [check.id, check],
      ),
    );

  it('ticks what the app can verify and says what is missing', async () => {
    const storage = await createStorage(inputs);
    const de = await addStore();
    const ca = await addStore({ name: 'Canada', country: 'CA', websiteCode: 'base', email: 'ca@example.com' });
    let result = await checks();
    expect(result.alarms.status).toBe('todo');
    // The defaults map amazon_asin, which the demo catalogue does not have.
    expect(result.identifiers).toMatchObject({ status: 'todo' });
    expect(result.identifiers.detail).toContain('Amazon Store Germany');
    // USD base with a EUR rate only: Canada (CAD) lacks its rate, Germany (EUR) has it.
    expect(result.currency).toMatchObject({ status: 'todo' });
    expect(result.currency.detail).toContain('No USD rate to CAD (Canada)');
    expect(result.authorization).toMatchObject({ status: 'todo' });

    await recordJobRun(storage, 'outbox-flush', Date.now());
    for (const store of [de, ca])
      await call(settingsAction, 'post', {
        storeId: store.id,
        section: 'catalogSearch',
        values: { eanAttribute: 'ean' },
      });
    await call(storeAction, 'delete', { storeId: ca.id, confirm: true });
    await arrive(await consent((await call(authorizationAction, 'post', { storeId: de.id })).body.consentUrl));
    result = await checks();
    expect(Object.values(result).map((check) => [check.id, check.status])).toEqual([
      ['alarms', 'done'],
      ['identifiers', 'done'],
      ['currency', 'done'],
      ['authorization', 'done'],
    ]);
  });
});
