/** Events signed by the Commerce emulator, captured over real HTTP, verified as a consumer action would. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCommerceGateway, criteria } from '../../../src/adapters/commerce';
import { demoIntegration, type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { buildDemoScenario } from '../../../src/emulators/demo';
import {
  commerceEventName,
  createPublicKeyResolver,
  publicKeyResolverFromParams,
  verifyEventSignature,
} from '../../../src/platform/events';

const deliveries: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200).end();
  });
});
let emulator: RunningCommerceEmulator;

beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const eventsUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/__events`;
  emulator = await startCommerceEmulator({ port: 0, seed: buildDemoScenario(1).commerce, eventsUrl });
  const commerce = createCommerceGateway({
    baseUrl: emulator.baseUrl,
    params: {
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: demoIntegration.consumerKey,
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: demoIntegration.consumerSecret,
      AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: demoIntegration.accessToken,
      AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: demoIntegration.accessTokenSecret,
    },
  });
  const sku = (await commerce.searchProducts(criteria().pageSize(1))).items[0].sku;
  await commerce.updateProductCustomAttributes(sku, { ean: '4006381333931' });
  await emulator.control('POST', '/events/flush');
  for (let i = 0; i < 50 && deliveries.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => {
  await emulator.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

/** What the local runtime hands the consumer action: event fields on top, headers, raw body, inputs. */
const actionParams = (delivery: { headers: IncomingHttpHeaders; body: string }, inputs: Record<string, unknown>) => ({
  ...JSON.parse(delivery.body),
  ...inputs,
  __ow_headers: delivery.headers,
  __ow_body: delivery.body,
});

describe('Commerce emulator events', () => {
  it('verify with the key fetched by path from the emulator, and parse as Commerce events', async () => {
    expect(deliveries.length).toBeGreaterThan(0);
    const resolver = createPublicKeyResolver({ baseUrl: emulator.url });
    const result = await verifyEventSignature(actionParams(deliveries[0], {}), { publicKeyResolver: resolver });
    if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
    expect(commerceEventName(result.event.type)).toMatch(/^catalog_product_save/);
    expect(result.event.data.value).toHaveProperty('sku');
  });

  it('verify with the emulator key configured as EVENTS_PUBLIC_KEY_PEM, and fail once the body is altered', async () => {
    const inputs = { EVENTS_PUBLIC_KEY_PEM: emulator.publicKeyPem };
    const resolver = publicKeyResolverFromParams(inputs);
    const delivery = deliveries[0];
    expect((await verifyEventSignature(actionParams(delivery, inputs), { publicKeyResolver: resolver })).ok).toBe(true);
    const altered = { ...delivery, body: delivery.body.replace('4006381333931', '4006381333932') };
    expect(altered.body).not.toBe(delivery.body);
    expect(await verifyEventSignature(actionParams(altered, inputs), { publicKeyResolver: resolver })).toMatchObject({
      ok: false,
      reason: 'invalid-signature',
    });
  });
});
