import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { type Browser, callAction, e2eEnv, emulatorControl, openBrowser, waitUntil } from './support/browser';

/**
 * Product Listings grid controls and row actions, as a merchant uses them: choose columns, sort, save the view,
 * reload and pick it again (it is kept per store on the server); open View Details and read the Buy Box and
 * Lowest Competitor tabs after a competitor undercuts on Amazon; create an alias Seller SKU and see it on Amazon.
 */
const env = e2eEnv();
let browser: Browser;
const STORE = 'demo-us';
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';
const VIEW = 'E2E priciest first';

const amazonSkus = async () =>
  (
    (await emulatorControl(env.amazonUrl, `/listings?sellerId=${SELLER}`)).listings as Array<{
      sku: string;
      marketplaceId: string;
    }>
  )
    .filter((l) => l.marketplaceId === US)
    .map((l) => l.sku);

type GridRow = { sellerSku: string; asin: string | null; price: string | null; fulfillment: string; status: string };
const grid = async (query: string) =>
  (
    await callAction<{ rows: GridRow[]; total: number }>(
      env,
      `asc/listings-grid?storeId=${STORE}&pageSize=200&${query}`,
    )
  ).body;

const headers = async (page: Page) =>
  (await page.getByTestId('listings-grid').getByRole('columnheader').allTextContents()).map((t) => t.trim());

beforeAll(async () => {
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
  // Seller Central listings imported and matched: the Active tab has rows.
  await waitUntil(
    async () => {
      const imported = await callAction<{ status: string }>(env, 'asc/listings-import', {
        method: 'POST',
        body: { storeId: STORE, waitSeconds: 20 },
      });
      if (imported.status !== 200) throw new Error(`import: ${JSON.stringify(imported.body)}`);
      return imported.body.status === 'done' || (await grid('tab=active')).total > 0;
    },
    'the listings import',
    120_000,
  );
  browser = await openBrowser(env);
}, 180_000);

afterAll(async () => {
  await emulatorControl(env.amazonUrl, '/clock/speed', { speedUp: 1 }).catch(() => undefined);
  await browser?.close();
});

const notice = async (text: RegExp, timeoutMs = 60_000) =>
  waitUntil(
    async () =>
      text.test(
        (await browser.page
          .getByTestId('listings-notice')
          .textContent()
          .catch(() => '')) ?? '',
      ),
    `notice ${text}`,
    timeoutMs,
  );

const openListings = async () => {
  const { page } = browser;
  await page.goto(`${env.baseUrl}/?standalone=1#/listings`);
  await page.getByTestId('listings-grid').waitFor({ timeout: 60_000 });
};

test('choose columns, sort, save a view, reload and pick it again', async () => {
  const { page } = browser;
  await openListings();
  expect(await headers(page)).toEqual(expect.arrayContaining(['Condition', 'Buy Box Won']));
  expect(await headers(page)).not.toContain('Catalog SKU');

  // Column chooser: show Catalog SKU, hide Condition.
  await page.getByTestId('columns-button').click();
  const chooser = page.getByTestId('columns-dialog');
  await chooser.getByRole('checkbox', { name: 'Catalog SKU' }).click();
  await chooser.getByRole('checkbox', { name: 'Condition', exact: true }).click();
  await page.keyboard.press('Escape');
  await waitUntil(async () => (await headers(page)).includes('Catalog SKU'), 'the Catalog SKU column');
  expect(await headers(page)).not.toContain('Condition');

  // Sort by price, highest first (two clicks on the header): the first row is the priciest listing of the tab.
  const priceHeader = page.getByTestId('listings-grid').getByRole('columnheader', { name: /Listing Price/ });
  await priceHeader.click();
  await page.getByTestId('sort-clear').waitFor();
  await priceHeader.click();
  await waitUntil(
    async () => /descending/.test((await page.getByTestId('sort-clear').textContent()) ?? ''),
    'descending sort',
  );
  const sorted = (await grid('tab=active&sort=price&direction=descending')).rows;
  const priciest = sorted[0];
  expect(Number(priciest.price)).toBeGreaterThanOrEqual(Number(sorted[sorted.length - 1].price));
  await waitUntil(
    async () =>
      ((await page.getByTestId('listings-grid').getByRole('row').nth(1).textContent()) ?? '').includes(
        priciest.sellerSku,
      ),
    'the priciest listing first',
  );

  // Save the view under a name.
  await page.getByTestId('view-save-open').click();
  await page.getByTestId('view-name').fill(VIEW);
  await page.getByTestId('view-save').click();
  await notice(new RegExp(`View "${VIEW}" saved`));
  await browser.screenshot('listings-grid-view-saved');

  // Reload: the grid is back to the tab's default columns and order…
  await page.reload();
  await page.getByTestId('listings-grid').waitFor({ timeout: 60_000 });
  expect(await headers(page)).toContain('Condition');
  expect(await headers(page)).not.toContain('Catalog SKU');
  // …and the saved view, kept on the server, brings columns and sort back.
  await page.getByTestId('views-picker').click();
  await page.getByRole('option', { name: VIEW }).click();
  await waitUntil(async () => (await headers(page)).includes('Catalog SKU'), 'the saved columns');
  expect(await headers(page)).not.toContain('Condition');
  expect(await page.getByTestId('sort-clear').textContent()).toMatch(/Listing Price, descending/);
  await waitUntil(
    async () =>
      ((await page.getByTestId('listings-grid').getByRole('row').nth(1).textContent()) ?? '').includes(
        priciest.sellerSku,
      ),
    'the saved sort',
  );
  const stored = await callAction<{ views: Array<{ name: string; columns: string[] }> }>(
    env,
    `asc/listing-views?storeId=${STORE}`,
  );
  expect(stored.body.views.find((v) => v.name === VIEW)?.columns).toContain('productSku');
  await browser.screenshot('listings-grid-view-picked');
  expect(browser.problems).toEqual([]);
}, 180_000);

test('View Details shows the Buy Box and the lowest competitors; an alias Seller SKU reaches Amazon', async () => {
  const { page } = browser;
  const target = (await grid('tab=active')).rows.find((r) => r.asin && r.fulfillment === 'FBM' && r.price);
  expect(target).toBeDefined();
  if (!target?.asin) return;
  // A competitor undercuts on Amazon with a New offer and top feedback: it takes the Buy Box.
  await emulatorControl(env.amazonUrl, '/competitor-offers', {
    asin: target.asin,
    marketplaceId: US,
    sellerId: 'AE2EGRIDCOMP1',
    condition: 'New',
    price: '1.11',
    shipping: '0.00',
    currency: 'USD',
    fulfilledByAmazon: true,
    feedbackPercent: 99,
    feedbackCount: 4321,
  });

  await openListings();
  await page.getByTestId('listings-filter').fill(target.sellerSku);
  await page.getByTestId('listings-search').click();
  await page.getByTestId(`details-${target.sellerSku}`).click();
  const details = page.getByTestId('listing-details');
  await details.waitFor();
  await details.getByRole('tab', { name: 'Buy Box Competitor Pricing' }).click();
  await details.getByTestId('competition-refresh').click();
  const box = details.getByTestId('buybox-table');
  // The tab may first show the snapshot the repricer already held; Refresh replaces it with Amazon's answer.
  await waitUntil(
    async () => ((await box.textContent().catch(() => '')) ?? '').includes('1.11'),
    'the refreshed Buy Box',
    60_000,
  );
  const boxRow = (await box.getByRole('row').nth(1).textContent()) ?? '';
  expect(boxRow).toContain(target.asin);
  expect(boxRow).toContain('1.11');
  expect(boxRow).toMatch(/No/);
  expect(await details.getByTestId('competition-freshness').textContent()).toMatch(/Fresh/);
  await browser.screenshot('listings-details-buybox');

  await details.getByRole('tab', { name: 'Lowest Competitor Pricing' }).click();
  const offers = details.getByTestId('offers-table');
  await offers.waitFor();
  const first = (await offers.getByRole('row').nth(1).textContent()) ?? '';
  expect(first).toMatch(/Competitor.*New.*Amazon.*1\.11/);
  expect(first).toContain('4321');
  // Every offer Amazon reported, lowest landed price first (Landed Price is the 7th cell).
  const landed = (
    await offers
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.slice(1).map((row) => row.querySelectorAll('[role="rowheader"], [role="gridcell"]')[6]?.textContent ?? ''),
      )
  ).map(Number);
  expect(landed.length).toBeGreaterThan(1);
  expect(landed).toEqual([...landed].sort((a, b) => a - b));
  await browser.screenshot('listings-details-lowest');
  await details.getByTestId('details-close').click();

  // Create Alias Seller SKU from the row menu, keeping the existing one: the alias is listed on Amazon.
  const alias = `E2E-ALIAS-${Date.now() % 100000}`;
  await page.getByTestId(`row-menu-${target.sellerSku}`).click();
  await page.getByRole('menuitem', { name: 'Create Alias Seller SKU' }).click();
  const dialog = page.getByTestId('alias-dialog');
  await dialog.waitFor();
  expect(await dialog.getByTestId('alias-asin').inputValue()).toBe(target.asin);
  await dialog.getByTestId('alias-sku').fill(alias);
  await dialog.getByTestId('row-dialog-save').click();
  await notice(/Saving: done/);
  await waitUntil(async () => (await amazonSkus()).includes(alias), `alias ${alias} on Amazon`, 60_000);
  expect(await amazonSkus()).toContain(target.sellerSku);
  const aliasRow =
    (await grid(`tab=active&filter=${alias}`)).rows[0] ?? (await grid(`tab=incomplete&filter=${alias}`)).rows[0];
  expect(aliasRow?.sellerSku).toBe(alias);
  await browser.screenshot('listings-alias');
  expect(browser.problems).toEqual([]);
}, 180_000);

test('Export CSV downloads every row of the tab (more than one grid page), in the grid order and columns', async () => {
  const { page } = browser;
  // The biggest tab the grid offers, shown 10 rows a page: the export holds more rows than the page.
  const first = (
    await callAction<{ counts: Record<string, number>; tabs: Array<{ id: string }> }>(
      env,
      `asc/listings-grid?storeId=${STORE}&tab=active&pageSize=1`,
    )
  ).body;
  const [tab, total] = first.tabs
    .map((t): [string, number] => [t.id, first.counts[t.id] ?? 0])
    .sort((a, b) => b[1] - a[1])[0];
  expect(total).toBeGreaterThan(10);
  const expected: string[] = [];
  for (let p = 0; expected.length < total; p++) {
    const rows = (await grid(`tab=${tab}&page=${p}`)).rows;
    if (rows.length === 0) break;
    expected.push(...rows.map((r) => r.sellerSku));
  }

  // A fresh page: the previous test left a SKU filter in the grid.
  await openListings();
  await page.reload();
  await page.getByTestId('listings-grid').waitFor({ timeout: 60_000 });
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId('page-size').click();
  await page.getByRole('option', { name: '10', exact: true }).click();
  let shown = '';
  await waitUntil(
    async () => {
      shown = (await page.getByTestId('listings-page').textContent()) ?? '';
      return shown.includes(`of ${Math.ceil(total / 10)} · ${total} records`);
    },
    `the ${tab} tab, 10 rows a page`,
    60_000,
  ).catch(async (error) => {
    await browser.screenshot('listings-export-page-size');
    throw new Error(`${error.message} (the grid shows "${shown}")`);
  });
  expect((await page.getByTestId('listings-grid').getByRole('row').count()) - 1).toBe(10);
  // The first header is the row-selection checkbox, the Action column holds buttons: neither is exported.
  const visible = (await headers(page)).filter((h) => h !== '' && h !== 'Action');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId('listings-export').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`listings-${tab}.csv`);
  const file = await download.path();
  const [header, ...rows] = parse(fs.readFileSync(file, 'utf8')) as string[][];
  expect(header).toEqual(visible.flatMap((h) => (h === 'Listing Price' ? [h, 'Currency'] : [h])));
  expect(rows).toHaveLength(total);
  expect(rows.map((r) => r[header.indexOf('Amazon Seller SKU')])).toEqual(expected);
  await notice(new RegExp(`Exported ${total} listings`));
  await browser.screenshot('listings-export');
  expect(browser.problems).toEqual([]);
}, 180_000);
