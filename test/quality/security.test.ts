/**
 * Security, read from app.config.yaml so every action added later is covered without editing this file:
 * - web actions with require-adobe-auth refuse missing and invalid authentication, through the local runtime
 *   (gateway + action) and when `main` is called directly; a refusal changes no stored data;
 * - non-web actions are not reachable at web URLs;
 * - event consumers refuse unsigned, tampered and foreign-signed events;
 * - the OAuth callback refuses a forged `state` before contacting Amazon;
 * - no secret appears in any log line while every action runs;
 * - read-only mode stops every Amazon write operation and every Commerce gateway write before network I/O.
 */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import {
  type DiscoveredAction,
  discoverActions,
  isEventConsumer,
  isWeb,
  jobErrorStatus,
  loadApp,
  PROJECT_CONFIG,
  routesOf,
  signedEventParams,
} from '../../bench/support/actions';
import { type QualityEnvironment, startQualityEnvironment } from '../../bench/support/environment';
import { diffSnapshots, snapshotKv } from '../../bench/support/kv-snapshot';
import { conforming, toJsonSchema } from '../../bench/support/schema-arbitrary';
import { OPERATIONS, type OperationName } from '../../src/adapters/amazon/operations';
import { createServices } from '../../src/app/services';
import { type LocalRuntime, startLocalRuntime } from '../../src/local';
import { WriteBlockedError } from '../../src/platform/errors';
import { captureLogs } from '../../src/platform/logger';
import { authHeaders, imsToken, TEST_ORG } from '../helpers/auth';

let env: QualityEnvironment;
let actions: DiscoveredAction[];
let runtime: LocalRuntime;

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  // Sped up, so the alarm jobs run in the log check, which wait for Amazon reports and feeds, finish in seconds.
  env = await startQualityEnvironment({ amazonSpeedUp: 20 });
  actions = await discoverActions(await loadApp());
  runtime = await startLocalRuntime({
    port: 0,
    configPath: PROJECT_CONFIG,
    serveUi: false,
    alarms: false,
    env: env.inputs,
    logger: quietLogger,
  });
}, 60_000);
afterAll(async () => {
  captureLogs(undefined);
  await runtime?.close();
  await env?.close();
});

const isCallback = (a: DiscoveredAction) => /callback/i.test(a.definition.actionName);
const protectedWeb = () => actions.filter((a) => isWeb(a) && a.definition.requireAdobeAuth);
const methodsOf = (a: DiscoveredAction) => {
  const declared = routesOf(a).map((r) => r.method);
  return declared.length > 0 ? declared : (['get', 'post'] as const);
};
const webUrl = (a: DiscoveredAction) =>
  `${runtime.url}/api/v1/web/${a.definition.packageName}/${a.definition.actionName}`;

const expiredToken = () => imsToken(Date.now() - 7200_000, 3600_000);
const BAD_HEADERS: Array<[string, Record<string, string>]> = [
  ['no headers', {}],
  ['no authorization', { 'x-gw-ims-org-id': TEST_ORG }],
  ['basic credentials', { authorization: 'Basic dXNlcjpwYXNz', 'x-gw-ims-org-id': TEST_ORG }],
  ['a token that is not a JWT', { authorization: 'Bearer not-a-token', 'x-gw-ims-org-id': TEST_ORG }],
  ['a JWT with a garbage payload', { authorization: 'Bearer a.%%%.c', 'x-gw-ims-org-id': TEST_ORG }],
  ['an expired token', { authorization: `Bearer ${expiredToken()}`, 'x-gw-ims-org-id': TEST_ORG }],
  ['no IMS org', { authorization: `Bearer ${imsToken()}` }],
  ['a malformed IMS org', { authorization: `Bearer ${imsToken()}`, 'x-gw-ims-org-id': 'evil' }],
];

describe('the app config', () => {
  it('protects every web action with require-adobe-auth, except the OAuth callback page', () => {
    const open = actions.filter((a) => isWeb(a) && !a.definition.requireAdobeAuth && !isCallback(a));
    expect(open.map((a) => a.definition.fullName)).toEqual([]);
    expect(protectedWeb().length).toBeGreaterThanOrEqual(5);
  });
});

describe('web actions refuse missing and invalid authentication', () => {
  it('through the local runtime (API gateway + action): 401 without or with a bad token', async () => {
    const before = await snapshotKv(env.storage.kv);
    const answers: string[] = [];
    for (const action of protectedWeb()) {
      for (const method of methodsOf(action)) {
        for (const authorization of [undefined, 'Bearer not-a-token', `Bearer ${expiredToken()}`]) {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (authorization) headers.authorization = authorization;
          const response = await fetch(webUrl(action), {
            method: method.toUpperCase(),
            headers,
            body: method === 'get' ? undefined : JSON.stringify({ storeId: 'demo-us' }),
          });
          await response.text();
          answers.push(`${action.definition.fullName} ${method} ${authorization ?? 'none'} → ${response.status}`);
          expect({ action: action.definition.fullName, method, authorization, status: response.status }).toEqual({
            action: action.definition.fullName,
            method,
            authorization,
            status: 401,
          });
        }
      }
    }
    expect(answers.length).toBeGreaterThanOrEqual(protectedWeb().length * 3);
    expect(diffSnapshots(before, await snapshotKv(env.storage.kv))).toEqual([]);
  });

  it.each(BAD_HEADERS)('calling main directly with %s: 401 and no stored data touched', async (_label, headers) => {
    const before = await snapshotKv(env.storage.kv);
    for (const action of protectedWeb()) {
      for (const method of methodsOf(action)) {
        const result = (await action.main({
          ...env.inputs,
          __ow_method: method,
          __ow_headers: headers,
          storeId: 'demo-us',
        })) as { statusCode: number; body: unknown };
        expect({ action: action.definition.fullName, method, status: result.statusCode }).toEqual({
          action: action.definition.fullName,
          method,
          status: 401,
        });
      }
    }
    expect(diffSnapshots(before, await snapshotKv(env.storage.kv))).toEqual([]);
  });
});

describe('non-web actions', () => {
  it('are not reachable on web URLs (with or without a valid token, with or without the namespace)', async () => {
    const hidden = actions.filter((a) => !isWeb(a));
    expect(hidden.length).toBeGreaterThan(0);
    const before = await snapshotKv(env.storage.kv);
    const activations = (await fetchActivationCount()) ?? 0;
    for (const action of hidden) {
      const { packageName, actionName } = action.definition;
      for (const path of [`${packageName}/${actionName}`, `${runtime.namespace}/${packageName}/${actionName}`]) {
        for (const method of ['GET', 'POST']) {
          const response = await fetch(`${runtime.url}/api/v1/web/${path}`, {
            method,
            headers: { ...authHeaders(), 'content-type': 'application/json' },
            body: method === 'POST' ? '{}' : undefined,
          });
          await response.text();
          expect({ path, method, status: response.status }).toEqual({ path, method, status: 404 });
        }
      }
    }
    expect((await fetchActivationCount()) ?? 0).toBe(activations);
    expect(diffSnapshots(before, await snapshotKv(env.storage.kv))).toEqual([]);
  });
});

/** Activations the runtime recorded, through its OpenWhisk API (undefined when it offers no count). */
const fetchActivationCount = async (): Promise<number | undefined> => {
  const response = await fetch(`${runtime.url}/api/v1/namespaces/${runtime.namespace}/activations?limit=200`, {
    headers: { authorization: `Basic ${Buffer.from(runtime.apiKey).toString('base64')}` },
  });
  if (!response.ok) return undefined;
  const list = (await response.json()) as unknown[];
  return Array.isArray(list) ? list.length : undefined;
};

describe('event consumers', () => {
  const event = {
    specversion: '1.0',
    id: 'evt-security-1',
    source: 'urn:uuid:commerce',
    type: 'com.adobe.commerce.observer.catalog_product_save_commit_after',
    time: '2026-01-01T00:00:00.000Z',
    event_id: 'delivery-security-1',
    data: { value: { sku: 'MB-01', price: '19.99' }, _metadata: { websiteId: 1 } },
  };
  const foreign = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

  it('exist: every registration targets a consumer', () => {
    expect(actions.filter(isEventConsumer).length).toBeGreaterThan(0);
  });

  it('accept a correctly signed event (so the refusals below are about the signature)', async () => {
    for (const consumer of actions.filter(isEventConsumer)) {
      const body = JSON.stringify({ ...event, type: consumer.eventCodes[0] ?? event.type });
      expect(jobErrorStatus(await consumer.main(signedEventParams(body, env.inputs)))).toBeUndefined();
    }
  });

  it('refuse unsigned, tampered and foreign-signed events with 401, touching nothing', async () => {
    const before = await snapshotKv(env.storage.kv);
    for (const consumer of actions.filter(isEventConsumer)) {
      const body = JSON.stringify({ ...event, type: consumer.eventCodes[0] ?? event.type });
      const signed = signedEventParams(body, env.inputs);
      const tamperedBody = body.replace('19.99', '0.01');
      const cases: Array<[string, Record<string, unknown>]> = [
        ['unsigned', { ...JSON.parse(body), ...env.inputs, __ow_headers: {}, __ow_body: body }],
        ['tampered body', { ...signed, ...JSON.parse(tamperedBody), __ow_body: tamperedBody }],
        ['foreign key', signedEventParams(body, env.inputs, foreign.privateKey)],
        [
          'signature without key path',
          {
            ...signed,
            __ow_headers: {
              'x-adobe-digital-signature-1': (signed.__ow_headers as Record<string, string>)[
                'x-adobe-digital-signature-1'
              ],
            },
          },
        ],
      ];
      for (const [label, params] of cases) {
        const status = jobErrorStatus(await consumer.main(params));
        expect({ consumer: consumer.definition.fullName, label, status }).toEqual({
          consumer: consumer.definition.fullName,
          label,
          status: 401,
        });
      }
    }
    expect(diffSnapshots(before, await snapshotKv(env.storage.kv))).toEqual([]);
  });
});

describe('the Amazon OAuth callback', () => {
  it('refuses a forged or missing state with 400, before contacting Amazon and without touching stores', async () => {
    const callbacks = actions.filter((a) => isWeb(a) && isCallback(a));
    // STORES' callback exists: if it is renamed or removed, this fails rather than passing vacuously.
    expect(callbacks.map((a) => a.definition.fullName)).toContain('asc/store-authorization-callback');
    const before = await snapshotKv(env.storage.kv);
    await env.amazon.control.call('DELETE', '/requests');
    const forged = fc.sample(fc.oneof(fc.string(), fc.base64String({ minLength: 40, maxLength: 80 })), {
      numRuns: 20,
      seed: 7,
    });
    for (const callback of callbacks) {
      for (const state of [
        undefined,
        '',
        'demo-us',
        'demo-us.0000000000000000000000000000000000000000000',
        ...forged,
      ]) {
        const params = {
          ...env.inputs,
          __ow_method: 'get',
          __ow_headers: {},
          spapi_oauth_code: 'ANDSnZFrNnJFiUEhhuJbV',
          selling_partner_id: 'A1DEMOSELLER0001',
          ...(state === undefined ? {} : { state }),
        };
        const direct = (await callback.main(params)) as { statusCode: number };
        expect({ state, status: direct.statusCode }).toEqual({ state, status: 400 });
      }
      const viaRuntime = await fetch(
        `${webUrl(callback)}?state=forged&spapi_oauth_code=x&selling_partner_id=A1DEMOSELLER0001`,
      );
      await viaRuntime.text();
      expect(viaRuntime.status).toBe(400);
    }
    const { body } = await env.amazon.control.call('GET', '/requests');
    expect((body as { requests: unknown[] }).requests).toEqual([]);
    expect(diffSnapshots(before, await snapshotKv(env.storage.kv))).toEqual([]);
  });
});

describe('read-only mode', () => {
  const withReadOnly = async () => {
    const services = await createServices(env.inputs);
    await env.storage.settings.save({ ...(await services.settings()), readOnlyMode: true });
    // Fresh services: settings are read once per services instance.
    return createServices(env.inputs);
  };
  afterEach(async () => {
    const services = await createServices(env.inputs);
    await env.storage.settings.save({ ...(await services.settings()), readOnlyMode: false });
    for (const item of await env.storage.outbox.list({ limit: 500 })) await env.storage.outbox.remove(item.id);
  });

  it('holds every Amazon write operation before any request leaves (not even a token request)', async () => {
    const writes = (Object.keys(OPERATIONS) as OperationName[]).filter((name) => OPERATIONS[name].write);
    expect(writes.length).toBeGreaterThan(0);
    const services = await withReadOnly();
    const store = await env.storage.stores.get('demo-us');
    if (!store) throw new Error('demo store missing');
    const gateway = await services.amazonFor(store);
    await env.amazon.control.call('DELETE', '/requests');
    for (const name of writes) {
      await expect(
        gateway.call(name, {
          path: { sellerId: store.sellerId, sku: 'SEC-1', orderId: '111-1111111-1111111' },
          query: { marketplaceIds: [store.marketplaceId] },
          body: { productType: 'PRODUCT', patches: [] },
        }),
      ).rejects.toBeInstanceOf(WriteBlockedError);
    }
    const { body } = await env.amazon.control.call('GET', '/requests');
    expect((body as { requests: unknown[] }).requests).toEqual([]);
    const held = (await env.storage.outbox.list({ limit: 500 })).map((item) => item.kind);
    expect(held.sort()).toEqual(writes.map((name) => `amazon.${name}`).sort());
  });

  it('holds every Commerce gateway write before any request leaves; reads still go out', async () => {
    const services = await withReadOnly();
    const commerce = services.commerce() as unknown as Record<string, unknown>;
    const methods = Object.keys(commerce).filter((k) => typeof commerce[k] === 'function' && k !== 'replayWrite');
    await env.commerce.control('DELETE', '/requests');
    const argumentSets = [
      ['MB-01', { qty: 1 }, { a: 1 }, { b: 1 }],
      [1, { qty: 1 }, { a: 1 }],
      [{ sku: 'MB-01' }, 1, 'x'],
    ];
    for (const method of methods) {
      for (const args of argumentSets) {
        const fn = commerce[method] as (...a: unknown[]) => unknown;
        try {
          const result = fn(...args);
          // Iterators (iterateProducts…) only call out when pulled.
          if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
            for await (const _ of result as AsyncIterable<unknown>) break;
          } else await result;
        } catch {
          // Blocked writes and reads with nonsense arguments both throw; the request log is what counts.
        }
      }
    }
    const body = (await env.commerce.control('GET', '/requests')) as {
      requests: Array<{ method: string; path: string }>;
    };
    const writesThatLeft = body.requests.filter((r) => r.method !== 'GET');
    expect(writesThatLeft).toEqual([]);
    // The probe really exercised both sides: reads went out, writes were held in the outbox.
    expect(body.requests.length).toBeGreaterThan(0);
    const held = new Set(
      (await env.storage.outbox.list({ limit: 500 })).map((item) => item.kind.replace('commerce.', '')),
    );
    for (const write of [
      'updateProductCustomAttributes',
      'saveSourceItems',
      'createOrder',
      'createInvoice',
      'createShipment',
      'cancelOrder',
      'createCreditMemo',
      'createCart',
      'placeCartOrder',
    ]) {
      expect({ write, held: held.has(write) }).toEqual({ write, held: true });
    }
  });
});

describe('logs', () => {
  it('never contain a secret while every action runs', async () => {
    const lines: string[] = [];
    captureLogs((level, line) => lines.push(`${level} ${line}`));
    const token = imsToken();
    const headers = { authorization: `Bearer ${token}`, 'x-gw-ims-org-id': TEST_ORG };
    const inputs = { ...env.inputs, LOG_LEVEL: 'debug' };
    const jobs: Array<Promise<unknown>> = [];
    try {
      for (const action of actions) {
        if (isEventConsumer(action)) {
          const body = JSON.stringify({
            specversion: '1.0',
            id: 'evt-logs',
            source: 'urn:uuid:commerce',
            type: action.eventCodes[0],
            event_id: 'd-logs',
            data: { value: { sku: 'MB-01' } },
          });
          await action.main(signedEventParams(body, inputs));
          await action.main({ ...JSON.parse(body), ...inputs, __ow_headers: {}, __ow_body: body });
          continue;
        }
        if (!isWeb(action)) {
          // Alarm jobs may wait for Amazon reports (tens of seconds): they run side by side, awaited below.
          jobs.push(action.main({ ...inputs }));
          continue;
        }
        for (const route of routesOf(action).length > 0
          ? routesOf(action)
          : [{ method: 'get' as const, schema: undefined }]) {
          const samples = route.schema
            ? fc.sample(conforming(toJsonSchema(route.schema)), { numRuns: 3, seed: 11 })
            : [{ state: 'forged', spapi_oauth_code: 'code', selling_partner_id: 'A1DEMOSELLER0001' }];
          for (const sample of samples) {
            const fields = sample && typeof sample === 'object' ? (sample as Record<string, unknown>) : {};
            // Point store-scoped actions at a real store, so the Amazon and Commerce paths run too.
            const scoped = 'storeId' in fields ? { ...fields, storeId: 'demo-us' } : fields;
            await action.main({ ...scoped, ...inputs, __ow_method: route.method, __ow_headers: headers });
          }
        }
      }
      await Promise.allSettled(jobs);
    } finally {
      captureLogs(undefined);
    }
    expect(lines.length).toBeGreaterThan(0);
    const secrets = [
      token,
      'Atzr|demo-refresh-token-1',
      ...Object.entries(env.inputs)
        .filter(([key, value]) => /SECRET|TOKEN|ENCRYPTION_KEY|CONSUMER_KEY/.test(key) && value.length >= 8)
        .map(([, value]) => value),
    ];
    const leaks = lines.filter(
      (line) => secrets.some((secret) => line.includes(secret)) || /Atza\|[\w-]{8,}/.test(line),
    );
    expect(leaks).toEqual([]);
  }, 90_000);
});
