import { type Browser, callAction, e2eEnv, emulatorControl, openBrowser, waitUntil } from './support/browser';

/**
 * Listings, as a merchant sees them: import Seller Central listings, match the catalogue and resolve a
 * multiple match by hand, preview listing rules, publish and see the offers on the emulated Amazon, watch a
 * Commerce stock change reach Amazon's quantity, and send a price override.
 */
const env = e2eEnv();
let browser: Browser;
const STORE = 'demo-us';
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';

type AmazonListing = {
  sku: string;
  marketplaceId: string;
  asin?: string;
  price?: string | number;
  quantity?: number;
  status?: string[];
};

const amazonListings = async () =>
  ((await emulatorControl(env.amazonUrl, `/listings?sellerId=${SELLER}`)).listings as AmazonListing[]).filter(
    (l) => l.marketplaceId === US,
  );

type GridRow = {
  sellerSku: string;
  productSku: string | null;
  origin: string;
  fulfillment: string;
  quantity: number | null;
};
const grid = async (tab: string, filter?: string) =>
  (
    await callAction<{ rows: GridRow[]; counts: Record<string, number> }>(
      env,
      `asc/listings-grid?storeId=${STORE}&tab=${tab}&pageSize=200${filter ? `&filter=${encodeURIComponent(filter)}` : ''}`,
    )
  ).body;

beforeAll(async () => {
  // Amazon takes minutes to build a report or process a feed; the emulator's clock runs faster for this spec.
  await emulatorControl(env.amazonUrl, '/clock/speed', { speedUp: 120 });
  const saved = await callAction(env, 'asc/store-settings', {
    method: 'POST',
    body: {
      storeId: STORE,
      section: 'catalogSearch',
      values: { asinAttribute: 'asin', eanAttribute: 'ean', upcAttribute: 'upc', isbnAttribute: 'isbn' },
    },
  });
  if (saved.status !== 200) throw new Error(`catalog search settings: ${JSON.stringify(saved.body)}`);
  browser = await openBrowser(env);
});

afterAll(async () => {
  await emulatorControl(env.amazonUrl, '/clock/speed', { speedUp: 1 }).catch(() => undefined);
  await browser?.close();
});

const notice = async (text: RegExp, timeoutMs = 90_000) => {
  const { page } = browser;
  await waitUntil(
    async () =>
      text.test(
        (await page
          .getByTestId('listings-notice')
          .textContent()
          .catch(() => '')) ?? '',
      ),
    `notice ${text}`,
    timeoutMs,
  );
};

test('import, match, resolve a multiple match, preview rules, publish, follow stock, override the price', async () => {
  const { page } = browser;
  await page.goto(`${env.baseUrl}/?standalone=1#/listings`);
  await page.getByTestId('listings-import').waitFor({ timeout: 60_000 });

  // 1. Import Seller Central listings: they show up matched (Active/Inactive) or on New Third Party.
  await page.getByTestId('listings-import').click();
  await notice(/Importing listings from Amazon: done/);
  const afterImport = await grid('active');
  expect(afterImport.counts.active + afterImport.counts.new_third_party).toBeGreaterThan(0);
  await expect(page.getByTestId('tab-active').textContent()).resolves.toMatch(/Active - [1-9]/);

  // 2. Publish now: the catalogue is matched and every eligible product is sent (bulk goes through a feed).
  await page.getByTestId('listings-publish').click();
  await notice(/Publishing: done/, 120_000);
  await page.getByTestId('tab-incomplete').click();
  const incomplete = await grid('incomplete');
  const multiple = incomplete.rows.find((r) => (r as unknown as { status: string }).status === 'multiple_matches');
  expect(multiple).toBeDefined();
  await page.getByTestId(`assign-${multiple?.sellerSku}`).click();
  await notice(/Saving: done/);
  await waitUntil(
    async () => (await amazonListings()).some((l) => l.sku === multiple?.sellerSku),
    'the picked ASIN listed on Amazon',
  );
  await browser.screenshot('listings-incomplete');

  // 3. Listing rules preview: with no conditions every website product is eligible.
  await page.getByTestId('section-rules').click();
  await page.getByTestId('rules-preview').click();
  await page.getByTestId('rules-preview-result').waitFor({ timeout: 60_000 });
  await expect(page.getByTestId('preview-ineligible').textContent()).resolves.toMatch(/Ineligible Listings - \d+/);
  const ruled = await callAction<{ preview: Record<string, { count: number }> }>(env, 'asc/listing-rules', {
    method: 'POST',
    body: {
      storeId: STORE,
      rules: {
        type: 'combine',
        aggregator: 'all',
        value: true,
        conditions: [{ type: 'sku', args: { operator: 'contains', value: 'DEMO-00' } }],
      },
    },
  });
  expect(ruled.body.preview.ineligible.count).toBeGreaterThan(0);
  await browser.screenshot('listings-rules-preview');
  await page.getByTestId('section-grid').click();

  // 4. Published catalogue listings are Active and buyable on Amazon.
  const active = await grid('active');
  const ours = active.rows.filter((r) => r.origin === 'catalog');
  expect(ours.length).toBeGreaterThan(5);
  const onAmazon = await amazonListings();
  expect(
    onAmazon.filter((l) => ours.some((r) => r.sellerSku === l.sku) && (l.status ?? []).includes('BUYABLE')).length,
  ).toBeGreaterThan(5);

  // 5. Commerce stock change → event → quantity on Amazon follows.
  const stocked = ours.find((r) => r.fulfillment === 'FBM' && (r.quantity ?? 0) > 3);
  expect(stocked).toBeDefined();
  await emulatorControl(env.commerceUrl, '/stock', { sku: stocked?.productSku, quantity: 3 });
  await waitUntil(
    async () => (await amazonListings()).find((l) => l.sku === stocked?.sellerSku)?.quantity === 3,
    'Amazon quantity follows Commerce stock',
    60_000,
  );

  // 6. Price override from the grid: filter to the SKU, select it, save the override; Amazon gets the price.
  const target = ours.find((r) => r.sellerSku !== stocked?.sellerSku) ?? ours[0];
  await page.getByTestId('tab-active').click();
  await page.getByTestId('listings-filter').fill(target.sellerSku);
  await page.getByTestId('listings-search').click();
  const row = page.getByRole('row', { name: new RegExp(target.sellerSku) });
  await row.waitFor({ timeout: 30_000 });
  await row.getByRole('checkbox').click();
  await page.getByTestId('override-price').fill('8.88');
  await page.getByTestId('override-save').click();
  await notice(/Saving: done/);
  await waitUntil(
    async () => String((await amazonListings()).find((l) => l.sku === target.sellerSku)?.price) === '8.88',
    'the override price on Amazon',
  );
  await page.getByTestId('tab-overrides').click();
  await page.getByRole('row', { name: new RegExp(target.sellerSku) }).waitFor({ timeout: 30_000 });
  await browser.screenshot('listings-overrides');

  // 7. The overrides editor from the row menu: a handling time override is sent and logged on the listing.
  await page.getByTestId(`row-menu-${target.sellerSku}`).click();
  await page.getByRole('menuitem', { name: 'Create / Edit Override' }).click();
  await page.getByTestId('overrides-dialog').waitFor();
  await page.getByRole('radio', { name: 'Change Handling Time' }).click();
  await page.getByTestId('override-handlingTimeDays-value').fill('5');
  await page.getByTestId('overrides-save').click();
  await notice(/Saving: done/);
  await page.getByTestId(`details-${target.sellerSku}`).click();
  await page.getByTestId('listing-details').waitFor();
  await waitUntil(
    async () => ((await page.getByTestId('listing-details').textContent()) ?? '').includes('Handling Time Update'),
    'the handling time change in the activity log',
  );
  await browser.screenshot('listings-details');
}, 300_000);
