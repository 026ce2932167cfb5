import { type Browser, callAction, e2eEnv, openBrowser, waitUntil } from './support/browser';

/**
 * Listing Improvements report (Reports page) and Attributes (Listings page): after the Seller Central listings
 * are imported, the Attributes grid shows the Amazon attribute names and an edit is saved.
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

test('the Attributes grid lists Amazon attributes and saves a mapping', async () => {
  const { page } = browser;
  await page.goto(`${env.baseUrl}/?standalone=1#/listings`);
  await page.getByTestId('section-attributes').click();
  await page.getByTestId('attributes-grid').waitFor({ timeout: 60_000 });
  await page.getByTestId('attribute-edit-condition_type').click();
  await page.getByTestId('attribute-code').fill('amazon_listing_condition');
  await page.getByRole('checkbox', { name: 'Is Active' }).check({ force: true });
  await page.getByTestId('attribute-save').click();
  await page.getByTestId('attributes-notice').waitFor();
  await expect(page.getByTestId('attributes-notice').textContent()).resolves.toContain('Saved the mapping');
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
