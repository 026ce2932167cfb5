import { type Browser, callAction, e2eEnv, emulatorControl, openBrowser, waitUntil } from './support/browser';

/**
 * Create New Catalog Product (SPEC 4.2 New Third Party) as a merchant does it: a Seller Central listing with no
 * catalog match is imported to New Third Party; from its row menu the merchant creates the Commerce product
 * (ASIN as SKU, name, price, quantity) and the listing is matched to it and leaves New Third Party.
 */
const env = e2eEnv();
let browser: Browser;
const STORE = 'demo-us';
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';
const SKU = `E2E-LAMP-${Date.now() % 100000}`;
const ASIN = `B0E2E${String(Date.now() % 100000).padStart(5, '0')}`;

type GridRow = { sellerSku: string; productSku: string | null; status: string };
const row = async (tab: string) =>
  (await callAction<{ rows: GridRow[] }>(env, `asc/listings-grid?storeId=${STORE}&tab=${tab}&filter=${SKU}`)).body
    .rows[0];

beforeAll(async () => {
  await emulatorControl(env.amazonUrl, '/seed', {
    sellers: [],
    catalog: [{ asin: ASIN, marketplaceId: US, title: 'E2E desk lamp', productType: 'HOME', identifiers: [] }],
    listings: [
      {
        sellerId: SELLER,
        marketplaceId: US,
        sku: SKU,
        asin: ASIN,
        productType: 'HOME',
        title: 'E2E desk lamp',
        price: '24.90',
        currency: 'USD',
        quantity: 7,
        fulfillmentChannel: 'DEFAULT',
        condition: 'new_new',
        status: ['BUYABLE', 'DISCOVERABLE'],
      },
    ],
    competitorOffers: [],
  });
  await waitUntil(
    async () => {
      const imported = await callAction<{ status: string }>(env, 'asc/listings-import', {
        method: 'POST',
        body: { storeId: STORE, waitSeconds: 20 },
      });
      if (imported.status !== 200) throw new Error(`import: ${JSON.stringify(imported.body)}`);
      return (await row('new_third_party')) !== undefined;
    },
    'the Seller Central listing on New Third Party',
    120_000,
  );
  browser = await openBrowser(env);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

test('creates the Commerce product from a New Third Party listing and matches the listing to it', async () => {
  const { page } = browser;
  await page.goto(`${env.baseUrl}/?standalone=1#/listings`);
  await page.getByTestId('tab-new_third_party').click();
  await page.getByTestId('listings-filter').fill(SKU);
  await page.getByTestId('listings-search').click();
  await page.getByTestId(`row-menu-${SKU}`).click();
  await page.getByRole('menuitem', { name: 'Create New Catalog Product' }).click();
  const dialog = page.getByTestId('create-product-dialog');
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toContain(`SKU ${ASIN}`);
  await page.waitForTimeout(500); // the dialog's opening transition
  await browser.screenshot('create-catalog-product');
  await dialog.getByTestId('create-product-submit').click();
  await waitUntil(
    async () => ((await page.getByTestId('listings-notice').textContent()) ?? '').includes('done'),
    'the creation notice',
    60_000,
  );
  expect(await row('new_third_party')).toBeUndefined();
  expect(await row('active')).toMatchObject({ sellerSku: SKU, productSku: ASIN, status: 'active' });
  const found = await callAction<{ products: Array<{ sku: string }> }>(
    env,
    `asc/catalog-products?storeId=${STORE}&search=${ASIN}`,
  );
  expect(JSON.stringify(found.body)).toContain(ASIN);
  expect(browser.problems).toEqual([]);
}, 120_000);
