/**
 * Attributes (SPEC 3.12) through both emulators over real HTTP: Amazon attribute names discovered from the
 * store's listings, a mapping saved, and Re-import Product Attribute Values writing Amazon's values into
 * Commerce products, keeping catalog values unless overwrite is on.
 */
import { main as listingAttributes } from '../../actions/asc/listing-attributes';
import { main as listingsImport } from '../../actions/asc/listings-import';
import { main as listingsGrid } from '../../actions/asc/listings-grid';
import { resetEmbeddedStorage } from '../../src/adapters/state';
import { seedLocalDemo } from '../../src/app/local-demo';
import { createServices } from '../../src/app/services';
import { loadStoreSettings, saveStoreSettings } from '../../src/app/store-settings';
import { type AmazonEmulator, startAmazonEmulator } from '../../src/emulators/amazon';
import { startCommerceEmulator } from '../../src/emulators/commerce';
import { buildDemoScenario } from '../../src/emulators/demo';
import { generateEncryptionKey } from '../../src/platform/crypto';
import { authHeaders } from '../helpers/auth';

let amazon: AmazonEmulator;
let commerce: Awaited<ReturnType<typeof startCommerceEmulator>>;
let inputs: Record<string, string>;

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

const productValue = async (sku: string, code: string) => {
  const product = await (await (await createServices(inputs)).commerce()).getProduct(sku);
  return product.custom_attributes?.find((a) => a.attribute_code === code)?.value;
};

/** The condition Amazon holds for a SKU (condition_type), read from the emulator's control API. */
const amazonCondition = async (sku: string) => {
  const { listings } = (await amazon.control.call('GET', '/listings?sellerId=A1DEMOSELLER0001')).body as {
    listings: Body[];
  };
  return listings.find((l) => l.sku === sku && l.marketplaceId === 'ATVPDKIKX0DER')?.attributes.condition_type[0].value;
};

const mapping = (changes: Body) => ({
  marketplaceCountry: 'US',
  amazonAttribute: 'condition_type',
  commerceAttribute: 'amazon_listing_condition',
  overwrite: false,
  active: true,
  ...changes,
});

beforeAll(async () => {
  const scenario = buildDemoScenario(1);
  amazon = await startAmazonEmulator({ port: 0, speedUp: 2000, seed: scenario.amazon });
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

describe('attributes import and mapping', () => {
  it("discovers the Amazon attribute names of the store's listings as unmapped, inactive rows", async () => {
    const body = await call(listingAttributes, 'get', { storeId: 'demo-us' });
    expect(body.country).toBe('US');
    const names = body.mappings.map((m: Body) => m.amazonAttribute);
    expect(names).toEqual(expect.arrayContaining(['condition_type', 'merchant_suggested_asin', 'purchasable_offer']));
    expect(
      body.mappings.every((m: Body) => m.commerceAttribute === null && !m.active && m.marketplaceCountry === 'US'),
    ).toBe(true);
  }, 30_000);

  it('refuses an active mapping without a Commerce attribute, naming the field', async () => {
    const response = await send(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'save',
      mappings: [mapping({ commerceAttribute: null })],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body.fields).toHaveProperty(['mappings.0.commerceAttribute']);
  });

  it('re-imports mapped values into Commerce, keeping catalog values unless overwrite is on', async () => {
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', pageSize: 200 });
    const matched = grid.rows.filter((r: Body) => r.productSku);
    expect(matched.length).toBeGreaterThan(1);
    const [kept, filled] = matched;
    const services = await createServices(inputs);
    await (await services.commerce()).updateProductCustomAttributes(kept.productSku, {
      amazon_listing_condition: 'merchant value',
    });

    const saved = await call(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'save',
      mappings: [mapping({})],
    });
    expect(saved.mappings.find((m: Body) => m.amazonAttribute === 'condition_type')).toMatchObject({
      commerceAttribute: 'amazon_listing_condition',
      active: true,
    });

    expect(await amazonCondition(filled.sellerSku)).toMatch(/^[a-z]+_[a-z_]+$/);
    const first = await call(listingAttributes, 'post', { storeId: 'demo-us', action: 'reimport' });
    expect(first.errors).toEqual([]);
    expect(first.productsUpdated).toBeGreaterThan(0);
    expect(await productValue(filled.productSku, 'amazon_listing_condition')).toBe(
      await amazonCondition(filled.sellerSku),
    );
    expect(await productValue(kept.productSku, 'amazon_listing_condition')).toBe('merchant value');

    await call(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'save',
      mappings: [mapping({ overwrite: true })],
    });
    const second = await call(listingAttributes, 'post', { storeId: 'demo-us', action: 'reimport' });
    expect(second.valuesWritten).toBe(1);
    expect(await productValue(kept.productSku, 'amazon_listing_condition')).toBe(await amazonCondition(kept.sellerSku));
  }, 60_000);
});
