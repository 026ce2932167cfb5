import { type Browser, callAction, e2eEnv, openBrowser, waitUntil } from './support/browser';

/**
 * Listing Improvements report (Reports page) and Attributes (Listings page): after the Seller Central listings
 * are imported, the Attributes grid shows the Amazon attribute names, the Create form makes a new Commerce attribute
 * and maps to it, Re-import runs as a background job with visible progress, and Matching Attribute Values lists
 * what it imported.
 */
const env = e2eEnv();
let browser: Browser;
let storeId: string;

beforeAll(async () => {
  browser = await openBrowser(env);
  // The Listings page opens on the first store of the list: import that store's Seller Central listings.
  const { body } = await callAction<{ stores: Array<{ id: string }> }>(env, 'asc/stores-list');
  storeId = body.stores[0].id;
  await waitUntil(
    async () => {
      const imported = await callAction<{ status: string }>(env, 'asc/listings-import', {
        method: 'POST',
        body: { storeId, waitSeconds: 10 },
      });
      return imported.body.status === 'done';
    },
    'the listings import',
    80_000,
  );
}, 100_000);

afterAll(async () => {
  await browser?.close();
});

test('the Reports page shows the Listing Improvements report', async () => {
  const { page } = browser;
  await page.goto(`${env.baseUrl}/?standalone=1#/reports`);
  await page.getByTestId('listing-improvements').waitFor();
  await page.locator('[data-testid="improvements-table"], [data-testid="improvements-empty"]').first().waitFor();
  await browser.screenshot('listing-improvements');
});

test('the Attributes Create form makes a new Commerce attribute and maps the Amazon attribute to it', async () => {
  const { page } = browser;
  await page.goto(`${env.baseUrl}/?standalone=1#/listings`);
  await page.getByTestId('section-attributes').click();
  await page.getByTestId('attributes-grid').waitFor({ timeout: 60_000 });
  await page.getByTestId('attribute-edit-condition_type').click();
  await page.getByTestId('attribute-label').fill('Amazon listing condition');
  await page.getByTestId('attribute-code').fill('amazon_listing_condition');
  await page.getByTestId('attribute-sets').fill('4');
  await browser.screenshot('attribute-create-form');
  await page.getByTestId('attribute-save').click();
  await page.getByTestId('attributes-notice').waitFor();
  await expect(page.getByTestId('attributes-notice').textContent()).resolves.toContain(
    'Created Commerce attribute amazon_listing_condition',
  );
  const { body } = await callAction<{ mappings: Array<Record<string, unknown>> }>(
    env,
    `asc/listing-attributes?storeId=${storeId}`,
  );
  expect(body.mappings.find((m) => m.amazonAttribute === 'condition_type')).toMatchObject({
    commerceAttribute: 'amazon_listing_condition',
    active: true,
  });
  await browser.screenshot('listing-attributes');
}, 100_000);

test('Re-import runs as a background job with its progress, then Matching Attribute Values lists the values', async () => {
  const { page } = browser;
  await page.getByTestId('attributes-reimport').click();
  await page.getByTestId('attributes-job').waitFor();
  await waitUntil(
    async () => ((await page.getByTestId('attributes-job').textContent()) ?? '').includes('Re-import done'),
    'the re-import job',
    90_000,
  );
  await expect(page.getByTestId('attributes-job').textContent()).resolves.toMatch(/\d+ products checked/);
  await page.getByTestId('attributes-tab-values').click();
  await page.getByTestId('attribute-values').waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('attribute-values').textContent()).resolves.toContain('Imported');
  await browser.screenshot('attribute-values');
}, 120_000);
