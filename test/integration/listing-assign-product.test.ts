/**
 * Assign Catalog Product (SPEC 4.2 New Third Party) against both emulators over real HTTP: the product grid
 * searches the store website's Commerce products by SKU or name, a SKU Commerce does not have is refused before
 * anything changes, and a real one ties the imported listing to the product, which leaves New Third Party.
 */
import { main as catalogProducts } from '../../actions/asc/catalog-products';
import { main as listingActions } from '../../actions/asc/listing-actions';
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

let amazon: AmazonEmulator;
let commerce: Awaited<ReturnType<typeof startCommerceEmulator>>;
let inputs: Record<string, string>;

// biome-ignore lint/suspicious/noExplicitAny: action answers are read field by field in assertions
type Body = Record<string, any>;
const call = async (action: (p: Record<string, unknown>) => Promise<unknown>, method: string, params: Body) =>
  (await action({ ...inputs, __ow_method: method, __ow_headers: authHeaders(), ...params })) as {
    statusCode: number;
    body: Body;
  };

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
  // The demo catalogue keeps its identifiers in ean / upc / isbn and ASINs in `asin` (Catalog Search, SPEC 3.7).
  const services = await createServices(inputs);
  const settings = await loadStoreSettings(services.storage, 'demo-us');
  await saveStoreSettings(services.storage, 'demo-us', {
    ...settings,
    listing: {
      ...settings.listing,
      catalogSearch: {
        ...settings.listing.catalogSearch,
        asinAttribute: 'asin',
        eanAttribute: 'ean',
        upcAttribute: 'upc',
        isbnAttribute: 'isbn',
      },
      thirdPartyListings: { ...settings.listing.thirdPartyListings, asinAttribute: 'asin' },
    },
  });
}, 30_000);

afterAll(async () => {
  await amazon.close();
  await commerce.close();
});

describe('assign catalog product', () => {
  it('searches the catalog, refuses an unknown SKU, and ties a New Third Party listing to a real product', async () => {
    const imported = await call(listingsImport, 'post', { storeId: 'demo-us', waitSeconds: 20 });
    expect(imported.statusCode).toBe(200);
    const thirdParty = (await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'new_third_party', pageSize: 200 }))
      .body.rows as Body[];
    expect(thirdParty.length).toBeGreaterThan(0);
    const listing = thirdParty[0];

    const found = await call(catalogProducts, 'get', { storeId: 'demo-us', search: 'DEMO-00' });
    expect([found.statusCode, found.body]).toEqual([200, expect.anything()]);
    const products = found.body.products as Body[];
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((p) => /DEMO-00/i.test(`${p.sku} ${p.name}`))).toBe(true);
    const tooShort = await call(catalogProducts, 'get', { storeId: 'demo-us', search: 'D' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body.fields).toHaveProperty('search');

    const unknown = await call(listingActions, 'post', {
      storeId: 'demo-us',
      action: 'assign_catalog_product',
      skus: [listing.sellerSku],
      productSku: 'NO-SUCH-PRODUCT',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.fields).toHaveProperty('productSku');
    const still = await call(listingsGrid, 'get', {
      storeId: 'demo-us',
      tab: 'new_third_party',
      filter: listing.sellerSku,
    });
    expect(still.body.rows.map((r: Body) => r.sellerSku)).toContain(listing.sellerSku);

    const assigned = await call(listingActions, 'post', {
      storeId: 'demo-us',
      action: 'assign_catalog_product',
      skus: [listing.sellerSku],
      productSku: products[0].sku,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.body.errors).toEqual([]);
    expect(['active', 'inactive', 'relist_in_progress']).toContain(assigned.body.updated[0].status);
    const gone = await call(listingsGrid, 'get', {
      storeId: 'demo-us',
      tab: 'new_third_party',
      filter: listing.sellerSku,
    });
    expect(gone.body.rows.map((r: Body) => r.sellerSku)).not.toContain(listing.sellerSku);
    const active = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', filter: listing.sellerSku });
    const inactive = await call(listingsGrid, 'get', {
      storeId: 'demo-us',
      tab: 'inactive',
      filter: listing.sellerSku,
    });
    const row = [...active.body.rows, ...inactive.body.rows].find((r: Body) => r.sellerSku === listing.sellerSku);
    expect(row).toMatchObject({ productSku: products[0].sku, origin: 'third_party' });
  }, 90_000);
});
