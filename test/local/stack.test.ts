import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ENV, type LocalStack, startLocalStack } from '../../src/local/stack';
import { captureLogger } from './harness';

const root = path.resolve(__dirname, '..', '..');

describe('the npm start stack', () => {
  let stack: LocalStack;
  const progress: string[] = [];

  beforeAll(async () => {
    process.env.ASC_STORAGE = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'asc-stack-')), 'state.json')}`;
    stack = await startLocalStack({
      root,
      runtimePort: 0,
      amazonPort: 0,
      commercePort: 0,
      serveUi: false,
      alarms: false,
      logger: captureLogger(),
      progress: (message) => progress.push(message),
    });
  }, 60000);
  afterAll(() => stack?.close());

  test('wires the app environment to the emulators and the demo identities', () => {
    expect(process.env.AMAZON_EMULATOR_URL).toBe(stack.amazon?.url);
    expect(process.env.COMMERCE_BASE_URL).toBe(stack.commerce?.baseUrl);
    expect(process.env.COMMERCE_BASE_URL).toMatch(/\/rest\/default\/$/);
    expect(process.env.EVENTS_PUBLIC_KEY_PEM).toMatch(/BEGIN PUBLIC KEY/);
    expect(Buffer.from(process.env.ASC_ENCRYPTION_KEY ?? '', 'base64')).toHaveLength(32);
    for (const [name, value] of Object.entries(DEMO_ENV)) expect(process.env[name]).toBe(value);
    expect(progress).toContain('demo scenario seeded in both emulators');
  });

  test('serves the app config actions and the health endpoint', async () => {
    const health = (await (await fetch(`${stack.runtime.url}/__local/health`)).json()) as { actions: string[] };
    expect(health.actions).toEqual(expect.arrayContaining(['asc/stores-list', 'asc-jobs/commerce-events']));
  });

  test('Commerce emulator events reach the runtime /__events endpoint', async () => {
    const commerce = stack.commerce?.url;
    const created = await fetch(`${commerce}/__control/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sku: 'STACK-TEST-1', name: 'Stack test', price: '9.99', qty: 3 }),
    });
    expect(created.status).toBeLessThan(300);
    const delivered = await eventuallyAsync(async () => {
      const log = (await (await fetch(`${commerce}/__control/events`)).json()) as {
        eventsUrl: string;
        events: Array<{ status: string; type: string }>;
      };
      expect(log.eventsUrl).toBe(`${stack.runtime.url}/__events`);
      return log.events.find(
        (event) => event.type.endsWith('catalog_product_save_commit_after') && event.status === 'delivered',
      );
    });
    expect(delivered).toBeDefined();
  });
});

async function eventuallyAsync<T>(check: () => Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
