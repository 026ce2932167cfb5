/**
 * Create New Catalog Product (SPEC 4.2 New Third Party) through both emulators over real HTTP: a Seller Central
 * listing with no catalog match becomes a Commerce product (ASIN → SKU, name, price, quantity, website, attribute
 * set, visibility, status) and the listing is matched to it; a taken SKU and a second create are refused.
 */
import { main as createProduct } from '../../actions/asc/listing-catalog-product';
import { main as listingsGrid } from '../../actions/asc/listings-grid';
import { main as listingsImport } from '../../actions/asc/listings-import';
import { resetEmbeddedStorage } from '../../src/adapters/state';
import { seedLocalDemo } from '../../src/app/local-demo';
import { createServices } from '../../src/app/services';
import { loadStoreSettings, saveStoreSettings } from '../../src/app/store-settings';
import { type AmazonEmulator, startAmazonEmulator } from '../../src/emulators/amazon';
import { startCommerceEmulator } from '../../src/emulators/commerce';
import { buildDemoScenario } from '../../src/emulators/demo';
import { generateEncryptionKey } from '../../src/platform/crypto';
import { authHeaders } from '../helpers/auth';

const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';

let amazon: AmazonEmulator;
let commerce: Awaited<ReturnType<typeof startCommerceEmulator>>;
let inputs: Record<string, string>;
let takenSku: string;

// biome-ignore lint/suspicious/noExplicitAny: action answers are read field by field in assertions
type Body = Record<string, any>;
const send = async (action: (p: Record<string, unknown>) => Promise<unknown>, method: string, params: Body) =>
  (await action({ ...inputs, __ow_method: method, __ow_headers: authHeaders(), ...params })) as {
    statusCode: number;
    body: Body;
  };
const call = async (action: (p: Record<string, unknown>) => Promise<unknown>, method: string, params: Body) => {
  const response = await send(action, method, params);
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${JSON.stringify(response.body)}`);
  return response.body;
};

const thirdParty = (sku: string, asin: string, title: string, price: string, quantity: number) => ({
  catalog: { asin, marketplaceId: US, title, productType: 'HOME', identifiers: [] },
  listing: {
    sellerId: SELLER,
    marketplaceId: US,
    sku,
    asin,
    productType: 'HOME',
    title,
    price,
    currency: 'USD',
    quantity,
    fulfillmentChannel: 'DEFAULT' as const,
    condition: 'new_new',
    status: ['BUYABLE' as const, 'DISCOVERABLE' as const],
  },
});

const gridRow = async (sku: string) => {
  const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', filter: sku });
  return grid.rows.find((r: Body) => r.sellerSku === sku);
};

beforeAll(async () => {
  const scenario = buildDemoScenario(1);
  takenSku = 'B0CLASH001';
  const fresh = thirdParty('SC-LAMP-1', 'B0NEWLAMP1', 'Seller Central desk lamp', '24.90', 7);
  // Its ASIN is also the SKU of a product the merchant already has (no ASIN attribute, so nothing matched it):
  // creating must not overwrite that product.
  const clash = thirdParty('SC-CLASH-1', takenSku, 'Seller Central clash', '9.99', 2);
  amazon = await startAmazonEmulator({
    port: 0,
    speedUp: 2000,
    seed: {
      ...scenario.amazon,
      catalog: [...(scenario.amazon.catalog ?? []), fresh.catalog, clash.catalog],
      listings: [...(scenario.amazon.listings ?? []), fresh.listing, clash.listing],
    },
  });
  commerce = await startCommerceEmulator({ port: 0, seed: scenario.commerce });
  inputs = {
    ASC_STORAGE: 'memory',
    ASC_ENCRYPTION_KEY: generateEncryptionKey(),
    AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
    AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
    AMAZON_EMULATOR_URL: amazon.url,
    COMMERCE_BASE_URL: commerce.baseUrl,
    AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: 'demo-consumer-key',
    AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: 'demo-consumer-secret',
    AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: 'demo-access-token',
    AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: 'demo-access-token-secret',
    ASC_TIME_SCALE: '2000',
    LOG_LEVEL: 'error',
  };
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
  const services = await createServices(inputs);
  await services.commerce().createProduct({
    sku: takenSku,
    name: 'Merchant product',
    price: 5,
    attributeSetId: 4,
    status: 1,
    visibility: 4,
    websiteIds: [1],
  });
  const settings = await loadStoreSettings(services.storage, 'demo-us');
  await saveStoreSettings(services.storage, 'demo-us', {
    ...settings,
    listing: {
      ...settings.listing,
      thirdPartyListings: { ...settings.listing.thirdPartyListings, asinAttribute: 'asin' },
    },
  });
  await call(listingsImport, 'post', { storeId: 'demo-us', waitSeconds: 20 });
}, 60_000);

afterAll(async () => {
  await amazon.close();
  await commerce.close();
});

describe('Create New Catalog Product', () => {
  it('lists the unmatched Seller Central listing on New Third Party', async () => {
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'new_third_party', filter: 'SC-LAMP-1' });
    expect(grid.rows).toHaveLength(1);
    expect(grid.rows[0]).toMatchObject({ productSku: null, asin: 'B0NEWLAMP1', price: '24.90', quantity: 7 });
  }, 30_000);

  it('refuses a junk visibility, naming the field', async () => {
    const response = await send(createProduct, 'post', { storeId: 'demo-us', skus: ['SC-LAMP-1'], visibility: 'x' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.body)).toContain('visibility');
  });

  it('creates the product from the listing and matches the listing to it', async () => {
    const result = await call(createProduct, 'post', {
      storeId: 'demo-us',
      skus: ['SC-LAMP-1'],
      enabled: true,
      attributeSetId: 4,
      visibility: 'catalog_and_search',
    });
    expect(result.errors).toEqual([]);
    expect(result.created).toEqual([{ sellerSku: 'SC-LAMP-1', productSku: 'B0NEWLAMP1', quantity: 7 }]);

    const services = await createServices(inputs);
    const gateway = services.commerce();
    const product = await gateway.getProduct('B0NEWLAMP1');
    expect(product).toMatchObject({
      sku: 'B0NEWLAMP1',
      name: 'Seller Central desk lamp',
      price: '24.9',
      attribute_set_id: 4,
      status: 1,
      visibility: 4,
      type_id: 'simple',
    });
    expect(product.extension_attributes?.website_ids).toEqual([1]);
    expect(product.custom_attributes?.find((a) => a.attribute_code === 'asin')?.value).toBe('B0NEWLAMP1');
    const stock = await gateway.resolveStock('website', 'base');
    expect(await gateway.getSalableQuantity('B0NEWLAMP1', stock.stock_id)).toBe(7);

    const row = await gridRow('SC-LAMP-1');
    expect(row).toMatchObject({ productSku: 'B0NEWLAMP1', status: 'active' });
  }, 30_000);

  it('does not create twice, and never overwrites a product that already has the SKU', async () => {
    const again = await call(createProduct, 'post', { storeId: 'demo-us', skus: ['SC-LAMP-1'] });
    expect(again.created).toEqual([]);
    expect(again.errors[0].message).toMatch(/New Third Party/);

    const services = await createServices(inputs);
    const before = await services.commerce().getProduct(takenSku);
    const clash = await call(createProduct, 'post', { storeId: 'demo-us', skus: ['SC-CLASH-1'] });
    expect(clash.created).toEqual([]);
    expect(clash.errors).toEqual([
      { sellerSku: 'SC-CLASH-1', message: expect.stringContaining('use Assign Catalog Product') },
    ]);
    const after = await services.commerce().getProduct(takenSku);
    expect(after.name).toBe(before.name);
    expect(after.price).toBe(before.price);
  }, 30_000);
});
