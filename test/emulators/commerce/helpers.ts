import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntegrationAuthProvider } from '@adobe/aio-commerce-lib-auth';
import { type RunningCommerceEmulator, demoIntegration } from '../../../src/emulators/commerce';
import type { CommerceSeed } from '../../../src/emulators/commerce/seed';

/** The app's own signing path: @adobe/aio-commerce-lib-auth's OAuth 1.0a HMAC-SHA256 provider. */
export const integrationAuth = getIntegrationAuthProvider(demoIntegration);

export interface CallResult<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** Calls the emulator's REST API like the app does: URL under /rest/<store>/V1, OAuth header per request. */
// biome-ignore lint/suspicious/noExplicitAny: tests read loosely typed JSON responses
export const restCall = async <T = any>(
  emu: RunningCommerceEmulator,
  method: string,
  path: string,
  body?: unknown,
  opts: { store?: string; bearer?: string; authorization?: string } = {},
): Promise<CallResult<T>> => {
  const url = `${emu.url}/rest/${opts.store ?? 'default'}/${path.replace(/^\//, '')}`;
  const authorization =
    opts.authorization ??
    (opts.bearer
      ? `Bearer ${opts.bearer}`
      : integrationAuth.getHeaders(method as Parameters<typeof integrationAuth.getHeaders>[0], url).Authorization);
  const response = await fetch(url, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
};

// biome-ignore lint/suspicious/noExplicitAny: tests read loosely typed JSON responses
export const controlCall = async <T = any>(
  emu: RunningCommerceEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> => {
  const response = await fetch(`${emu.url}/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await response.json()) as T;
  if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
};

/** searchCriteria query string from [field, value, condition] groups (each inner array is one OR group). */
export const criteria = (
  groups: Array<Array<[string, string, string?]>>,
  extra: Record<string, string | number> = {},
): string => {
  const params = new URLSearchParams();
  groups.forEach((filters, g) => {
    filters.forEach(([field, value, condition], f) => {
      const prefix = `searchCriteria[filter_groups][${g}][filters][${f}]`;
      params.set(`${prefix}[field]`, field);
      params.set(`${prefix}[value]`, value);
      if (condition) params.set(`${prefix}[condition_type]`, condition);
    });
  });
  for (const [k, v] of Object.entries(extra)) params.set(`searchCriteria[${k}]`, String(v));
  return params.toString();
};

/** A small, hand-checkable scenario: 2 websites, 2 sources, a few products with known prices and stock. */
export const smallSeed = (): CommerceSeed => ({
  websites: [
    { id: 1, code: 'base', name: 'Main Website', sortOrder: 0, defaultGroupId: 1, baseCurrency: 'USD' },
    { id: 2, code: 'eu', name: 'EU Website', sortOrder: 1, defaultGroupId: 2, baseCurrency: 'EUR' },
  ],
  storeGroups: [
    { id: 1, code: 'main', name: 'Main', websiteId: 1, rootCategoryId: 2, defaultStoreId: 1 },
    { id: 2, code: 'eu_store', name: 'EU', websiteId: 2, rootCategoryId: 2, defaultStoreId: 2 },
  ],
  storeViews: [
    {
      id: 1,
      code: 'default',
      name: 'Default',
      websiteId: 1,
      storeGroupId: 1,
      sortOrder: 0,
      isActive: true,
      locale: 'en_US',
      timezone: 'UTC',
      defaultDisplayCurrency: 'USD',
      weightUnit: 'lbs',
    },
    {
      id: 2,
      code: 'eu_en',
      name: 'EU English',
      websiteId: 2,
      storeGroupId: 2,
      sortOrder: 1,
      isActive: true,
      locale: 'en_GB',
      timezone: 'UTC',
      defaultDisplayCurrency: 'EUR',
      weightUnit: 'kgs',
    },
  ],
  currency: { base: 'USD', rates: { USD: '1', EUR: '0.9200' } },
  attributeSets: [{ id: 4, name: 'Default' }],
  attributes: [
    { code: 'ean', label: 'EAN', frontendInput: 'text', scope: 'global' },
    { code: 'asin', label: 'ASIN', frontendInput: 'text', scope: 'global' },
    {
      code: 'color',
      label: 'Color',
      frontendInput: 'select',
      scope: 'global',
      options: [
        { value: '21', label: 'Black' },
        { value: '22', label: 'Blue' },
      ],
    },
  ],
  products: [
    {
      sku: 'MUG-1',
      name: 'Blue Mug',
      typeId: 'simple',
      attributeSetId: 4,
      status: 1,
      visibility: 4,
      websiteIds: [1, 2],
      price: '19.99',
      websitePrices: [{ websiteId: 2, price: '18.50' }],
      cost: '7.25',
      msrp: '24.99',
      map: '17.00',
      customAttributes: { ean: '4006381333931', color: '22' },
      specialPrices: [{ websiteId: 0, price: '15.49', from: '2025-12-01 00:00:00', to: '2026-02-01 00:00:00' }],
    },
    {
      sku: 'MUG-2',
      name: 'Black Mug',
      typeId: 'simple',
      attributeSetId: 4,
      status: 1,
      visibility: 4,
      websiteIds: [1],
      price: '9.95',
      customAttributes: { ean: '4006381333948', asin: 'B0TESTASIN', color: '21' },
    },
    {
      sku: 'LAMP-1',
      name: 'Desk Lamp',
      typeId: 'simple',
      attributeSetId: 4,
      status: 1,
      visibility: 4,
      websiteIds: [1, 2],
      price: '49.00',
    },
    {
      sku: 'TEE',
      name: 'Tee',
      typeId: 'configurable',
      attributeSetId: 4,
      status: 1,
      visibility: 4,
      websiteIds: [1],
      price: '0',
      children: ['MUG-1', 'MUG-2'],
      configurableAttributes: ['color'],
    },
  ],
  sources: [
    { code: 'default', name: 'US', enabled: true, countryId: 'US', postcode: '90001' },
    { code: 'eu_warehouse', name: 'EU', enabled: true, countryId: 'DE', postcode: '10115' },
  ],
  stocks: [
    { id: 1, name: 'Default Stock', sourceCodes: ['default'], websiteCodes: ['base'] },
    { id: 2, name: 'EU Stock', sourceCodes: ['eu_warehouse'], websiteCodes: ['eu'] },
  ],
  sourceItems: [
    { sku: 'MUG-1', sourceCode: 'default', quantity: 10, status: 1 },
    { sku: 'MUG-1', sourceCode: 'eu_warehouse', quantity: 4, status: 1 },
    { sku: 'MUG-2', sourceCode: 'default', quantity: 3, status: 1 },
    { sku: 'LAMP-1', sourceCode: 'default', quantity: 0, status: 0 },
  ],
  customers: [{ email: 'known@example.com', firstname: 'Kim', lastname: 'Known', websiteId: 1 }],
});

export interface EventSink {
  url: string;
  received: Array<{ headers: http.IncomingHttpHeaders; body: string }>;
  /** Status to answer with, per call index (default 200). */
  failFirst: number;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}

/** A real HTTP endpoint standing in for the local runtime's /__events. */
export const startEventSink = async (): Promise<EventSink> => {
  const received: EventSink['received'] = [];
  let calls = 0;
  const sink: Partial<EventSink> = { received, failFirst: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls += 1;
      if (calls <= (sink.failFirst ?? 0)) {
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__events`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  sink.waitFor = async (count: number, timeoutMs = 5000) => {
    const until = Date.now() + timeoutMs;
    while (received.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} events, got ${received.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return sink as EventSink;
};
