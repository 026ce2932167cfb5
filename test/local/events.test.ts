import { calls } from './fixtures/actions/recorder';
import { eventually, startFixtureRuntime } from './harness';
import type { LocalRuntime } from '../../src/local/index';

const productSaved = {
  specversion: '1.0',
  id: 'evt-1',
  source: 'urn:uuid:commerce-emulator',
  type: 'com.adobe.commerce.observer.catalog_product_save_commit_after',
  datacontenttype: 'application/json',
  time: '2026-11-27T10:00:00.000Z',
  data: { value: { sku: 'MUG-1', price: '12.50' }, _metadata: { websiteId: '1' } },
};

describe('Commerce event delivery at /__events', () => {
  let runtime: LocalRuntime;
  let logLines: string[];

  beforeAll(async () => {
    const started = await startFixtureRuntime();
    runtime = started.runtime;
    logLines = started.logger.lines;
  });
  afterAll(() => runtime.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${runtime.url}/__events`, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json', ...headers },
      body,
    });

  test('delivers to the registered action with event fields, signature headers and the exact raw body', async () => {
    // Unusual spacing on purpose: the consumer verifies the signature over these exact bytes.
    const raw = JSON.stringify(productSaved, null, 1);
    const response = await post(raw, {
      'X-Adobe-Digital-Signature-1': 'c2lnbmF0dXJl',
      'x-adobe-public-key1-path': '/__control/events/public-key.pem',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { delivered: Array<{ action: string }> };
    expect(body.delivered).toEqual([
      { registration: 'Product saves', action: 'jobs/consume', activationId: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
    const call = await eventually(() => calls.find((c) => c.action === 'jobs/consume' && c.params.id === 'evt-1'));
    expect(call.params).toMatchObject({
      type: productSaved.type,
      data: productSaved.data,
      time: productSaved.time,
      __ow_body: raw,
      GREETING: 'hello from env',
    });
    const headers = call.params.__ow_headers as Record<string, string>;
    expect(headers['x-adobe-digital-signature-1']).toBe('c2lnbmF0dXJl');
    expect(headers['x-adobe-public-key1-path']).toBe('/__control/events/public-key.pem');
  });

  test('answers before a slow consumer finishes', async () => {
    const started = Date.now();
    const response = await post(JSON.stringify({ ...productSaved, id: 'evt-slow', sleepMs: 1500 }));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await eventually(() => calls.find((c) => c.params.id === 'evt-slow'));
  });

  test('an event type nobody registered for is acknowledged, not delivered, and logged', async () => {
    const before = calls.length;
    const response = await post(
      JSON.stringify({ ...productSaved, id: 'evt-x', type: 'com.adobe.commerce.observer.unknown' }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ delivered: [] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls.length).toBe(before);
    expect(
      logLines.some((line) => line.includes('com.adobe.commerce.observer.unknown') && line.includes('not delivered')),
    ).toBe(true);
  });

  test('a body that is not a CloudEvent is a 400 naming the problem', async () => {
    expect((await post('[1,2]')).status).toBe(400);
    const noType = await post(JSON.stringify({ id: 'x' }));
    expect(noType.status).toBe(400);
    expect(await noType.json()).toEqual({ error: 'The CloudEvent has no "type" field.' });
  });
});
