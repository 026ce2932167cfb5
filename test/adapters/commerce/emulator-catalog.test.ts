/** The gateway against the Commerce emulator over real HTTP: reads, auth strategies, faults and retries. */
import {
  CommerceApiError,
  CommerceNetworkError,
  CommerceTimeoutError,
  type CommerceGateway,
  createCommerceGateway,
  criteria,
  customAttributeValue,
} from '../../../src/adapters/commerce';
import { demoIntegration, type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { buildDemoScenario } from '../../../src/emulators/demo';

const integrationParams = {
  AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: demoIntegration.consumerKey,
  AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: demoIntegration.consumerSecret,
  AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: demoIntegration.accessToken,
  AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: demoIntegration.accessTokenSecret,
  // A SaaS credential left in the workspace must not win over the integration.
  AIO_COMMERCE_AUTH_IMS_TOKEN: 'not-a-token-the-emulator-knows',
};
const fastRetry = { retries: 3, initialDelayMs: 5, maxDelayMs: 100, timeoutMs: 1000, random: () => 0.5 };

let emulator: RunningCommerceEmulator;
let commerce: CommerceGateway;

beforeAll(async () => {
  emulator = await startCommerceEmulator({ port: 0, seed: buildDemoScenario(1).commerce });
  commerce = createCommerceGateway({ baseUrl: emulator.baseUrl, params: integrationParams, retry: fastRetry });
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

describe('catalog and store reads', () => {
  it('walks the whole catalogue page by page, each SKU once', async () => {
    const first = await commerce.searchProducts(criteria().pageSize(1));
    const skus: string[] = [];
    for await (const product of commerce.iterateProducts(criteria().sortBy('entity_id'), 100)) skus.push(product.sku);
    expect(first.total_count).toBeGreaterThan(100);
    expect(skus).toHaveLength(first.total_count);
    expect(new Set(skus).size).toBe(skus.length);
  });

  it('filters with OR inside a group and AND across groups', async () => {
    const configurable = await commerce.searchProducts(criteria().where('type_id', 'eq', 'configurable').pageSize(5));
    expect(configurable.items.every((p) => p.type_id === 'configurable')).toBe(true);
    const [a, b] = configurable.items;
    const either = await commerce.searchProducts(
      criteria().anyOf([
        { field: 'sku', condition: 'eq', value: a.sku },
        { field: 'sku', condition: 'eq', value: b.sku },
      ]),
    );
    expect(either.items.map((p) => p.sku).sort()).toEqual([a.sku, b.sku].sort());
    const both = await commerce.searchProducts(criteria().where('sku', 'eq', a.sku).where('sku', 'eq', b.sku));
    expect(both.total_count).toBe(0);
  });

  it('reads a product by SKU with exact prices, its configurable children and attribute options', async () => {
    const parent = (await commerce.searchProducts(criteria().where('type_id', 'eq', 'configurable').pageSize(1)))
      .items[0];
    const children = await commerce.getConfigurableChildren(parent.sku);
    expect(children.length).toBeGreaterThan(0);
    const child = await commerce.getProduct(children[0].sku);
    expect(child.sku).toBe(children[0].sku);
    expect(child.price).toMatch(/^\d+(\.\d+)?$/);
    const options = await commerce.getAttributeOptions('color');
    expect(options.map((o) => o.label)).toContain('Black');
    const ean = await commerce.getProductAttribute('ean');
    expect(ean.frontend_input).toBe('text');
    expect(await commerce.findProduct('NO-SUCH-SKU')).toBeUndefined();
    await expect(commerce.getProduct('NO-SUCH-SKU')).rejects.toMatchObject({
      status: 404,
      commerceMessage: "The product that was requested doesn't exist. Verify the product and try again.",
    });
  });

  it('reads websites, store groups, store views, store configs and currency rates', async () => {
    const websites = await commerce.listWebsites();
    expect(websites.map((w) => w.code)).toEqual(expect.arrayContaining(['base', 'eu']));
    const views = await commerce.listStoreViews();
    expect(views.map((v) => v.code)).toEqual(expect.arrayContaining(['default', 'eu_en']));
    expect((await commerce.listStoreGroups()).length).toBeGreaterThan(1);
    const configs = await commerce.listStoreConfigs(['eu_en']);
    expect(configs).toHaveLength(1);
    expect(configs[0].base_currency_code).toBe('EUR');
    const currency = await commerce.getCurrencyInformation();
    const eur = currency.exchange_rates.find((r) => r.currency_to === 'EUR');
    expect(eur?.rate).toMatch(/^\d+(\.\d+)?$/);
  });

  it('reads legacy stock, MSI source items and salable quantity', async () => {
    const sku = (await commerce.searchProducts(criteria().where('type_id', 'eq', 'simple').pageSize(1))).items[0].sku;
    const stock = await commerce.resolveStock('website', 'base');
    const before = await commerce.getSalableQuantity(sku, stock.stock_id);
    const sources = await commerce.searchSourceItems(criteria().where('sku', 'eq', sku));
    expect(sources.items.length).toBeGreaterThan(0);
    expect((await commerce.getStockItem(sku)).is_in_stock).toBe(true);
    const onSources = sources.items.filter((s) => s.status === 1).reduce((sum, s) => sum + s.quantity, 0);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThanOrEqual(onSources);
  });

  it('writes a custom attribute back onto a product (ASIN)', async () => {
    const sku = (await commerce.searchProducts(criteria().pageSize(1))).items[0].sku;
    const attrs = await commerce.searchProductAttributes(criteria().where('attribute_code', 'like', '%asin%'));
    const code = attrs.items[0]?.attribute_code ?? 'asin';
    await commerce.updateProductCustomAttributes(sku, { [code]: 'B0TESTASIN' });
    expect(customAttributeValue(await commerce.getProduct(sku), code)).toBe('B0TESTASIN');
  });
});

describe('IMS bearer (SaaS) against the emulator', () => {
  it('authenticates with an emulator-issued IMS token and is refused with an unknown one', async () => {
    const ims = createCommerceGateway({
      baseUrl: emulator.baseUrl,
      params: {
        AIO_COMMERCE_AUTH_IMS_TOKEN: emulator.issueImsToken(),
        AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: '$KEY',
      },
    });
    expect(ims.authStrategy).toBe('bearer');
    expect((await ims.listWebsites()).length).toBeGreaterThan(0);
    const stranger = createCommerceGateway({
      baseUrl: emulator.baseUrl,
      auth: { strategy: 'bearer', getToken: () => 'forged' },
    });
    const error = await stranger.listWebsites().catch((e) => e);
    expect(error).toBeInstanceOf(CommerceApiError);
    expect(error.status).toBe(401);
    expect(error.commerceMessage).toBe("The consumer isn't authorized to access Magento_Backend::admin.");
  });
});

describe('faults injected by the emulator', () => {
  it('retries 5xx on reads until the emulator recovers', async () => {
    emulator.faults.add({ operation: 'GetV1StoreWebsites', kind: 'server-error', status: 503, nextN: 2 });
    emulator.faults.add({ operation: 'GetV1StoreStoreViews', kind: 'server-error', status: 500, nextN: 1 });
    expect((await commerce.listWebsites()).length).toBeGreaterThan(0);
    expect((await commerce.listStoreViews()).length).toBeGreaterThan(0);
    expect(emulator.faults.list().every((f) => f.fired === f.nextN || f.nextN === undefined)).toBe(true);
  });

  it('retries throttling (429) even on writes, because Commerce did not act on them', async () => {
    emulator.faults.add({ operation: 'PostV1Customers', kind: 'throttle', nextN: 1 });
    const customer = await commerce.createCustomer({
      email: 'throttled@example.com',
      firstname: 'T',
      lastname: 'R',
      website_id: 1,
    });
    expect(customer.email).toBe('throttled@example.com');
  });

  it('times out hanging reads, retries them, and reports a timeout when they keep hanging', async () => {
    const quick = createCommerceGateway({
      baseUrl: emulator.baseUrl,
      params: integrationParams,
      retry: { ...fastRetry, retries: 1, timeoutMs: 150 },
    });
    emulator.faults.add({ operation: 'GetV1StoreStoreGroups', kind: 'timeout', delayMs: 5000, nextN: 1 });
    expect((await quick.listStoreGroups()).length).toBeGreaterThan(0);
    emulator.faults.add({ operation: 'GetV1StoreStoreGroups', kind: 'timeout', delayMs: 5000, nextN: 2 });
    await expect(quick.listStoreGroups()).rejects.toBeInstanceOf(CommerceTimeoutError);
  });

  it('does not repeat a customer creation after a connection reset, unless the caller says it is safe', async () => {
    emulator.faults.add({ operation: 'PostV1Customers', kind: 'reset', nextN: 1 });
    const error = await commerce
      .createCustomer({ email: 'reset@example.com', firstname: 'R', lastname: 'S', website_id: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(CommerceNetworkError);
    expect(await commerce.findCustomerByEmail('reset@example.com')).toBeUndefined();

    emulator.faults.add({ operation: 'PostV1Customers', kind: 'reset', nextN: 1 });
    const created = await commerce.createCustomer(
      { email: 'reset@example.com', firstname: 'R', lastname: 'S', website_id: 1 },
      { retrySafe: true },
    );
    expect((await commerce.findCustomerByEmail('reset@example.com'))?.id).toBe(created.id);
  });

  it('retries a body cut off in transit on reads', async () => {
    emulator.faults.add({ operation: 'GetV1DirectoryCurrency', kind: 'malformed', nextN: 1 });
    expect((await commerce.getCurrencyInformation()).base_currency_code).toBe('USD');
  });
});
