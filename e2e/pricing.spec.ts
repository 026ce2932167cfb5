import type { Page } from 'playwright-core';
import { type Browser, callAction, e2eEnv, openBrowser, waitUntil } from './support/browser';

/**
 * Pricing end to end in the browser against the local stack: a standard and an intelligent rule made in the
 * rule editor, a dry run, saving; then a competitor's offer changes on the emulated Amazon, repricing runs, and
 * the new price reaches Amazon and is explained by the price trace.
 */
const env = e2eEnv();
let browser: Browser;
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';

beforeAll(async () => {
  browser = await openBrowser(env);
});

afterAll(async () => {
  await browser?.close();
});

interface EmulatedListing {
  sku: string;
  asin?: string;
  marketplaceId: string;
  price: string | number;
  status?: string[];
}

const amazonListings = async (): Promise<EmulatedListing[]> => {
  const response = await fetch(`${env.amazonUrl}/__control/listings?sellerId=${SELLER}`);
  return ((await response.json()) as { listings: EmulatedListing[] }).listings;
};
const livePrice = async (sku: string): Promise<string> => {
  const listing = (await amazonListings()).find((l) => l.sku === sku && l.marketplaceId === US);
  return Number(listing?.price).toFixed(2);
};

/** React Spectrum Picker: open it by its label, choose the option. */
const choose = async (page: Page, label: RegExp, option: string | RegExp, scope = page.locator('body')) => {
  await scope.getByRole('button', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
};

const fill = async (page: Page, label: string, value: string) => {
  const input = page.getByRole('textbox', { name: label, exact: false }).first();
  await input.fill(value);
};

test('rules made in the UI reprice a listing when a competitor changes its offer, with a trace', async () => {
  const { page } = browser;
  // A demo listing on the US marketplace that Commerce also has (its price trace answers).
  const candidates = (await amazonListings()).filter(
    (l) => l.marketplaceId === US && l.asin && (l.status ?? []).includes('BUYABLE'),
  );
  let target: EmulatedListing | undefined;
  for (const candidate of candidates.slice(0, 10)) {
    const trace = await callAction<{ result: { price: string | null } }>(
      env,
      `asc/price-trace?storeId=demo-us&sku=${encodeURIComponent(candidate.sku)}`,
    );
    if (trace.status === 200 && trace.body.result.price) {
      target = candidate;
      break;
    }
  }
  if (!target) throw new Error('no demo listing with a Commerce product on the US marketplace');
  const sku = target.sku;
  const before = await livePrice(sku);

  await page.goto(`${env.baseUrl}/?standalone=1#/pricing`);
  await page.getByTestId('add-rule').waitFor({ timeout: 30_000 });

  // Standard rule: +0.50 on every product, after the intelligent rule.
  await page.getByTestId('add-rule').click();
  await page.getByTestId('rule-editor').waitFor();
  await fill(page, 'Rule Name', 'E2E add fifty cents');
  await page.getByRole('textbox', { name: /Priority/ }).fill('2');
  await choose(page, /(?<!Floor |Ceiling )Price Action/, 'Increase By');
  await choose(page, /Apply/, 'Apply as fixed amount');
  await fill(page, 'Adjustment Amount', '0.50');
  await page.getByTestId('rule-save').click();
  await page.getByText('Pricing rule "E2E add fifty cents" saved.').waitFor();

  // Intelligent rule for the target SKU: beat the lowest competitor by 5 cents, never below cost.
  await page.getByTestId('add-rule').click();
  await page.getByTestId('rule-editor').waitFor();
  await fill(page, 'Rule Name', 'E2E beat lowest');
  await page.getByRole('textbox', { name: /Priority/ }).fill('1');
  await page.getByRole('button', { name: 'Add condition' }).click();
  const line = page.getByTestId('condition-line').first();
  await choose(page, /Condition/, /^SKU/, line);
  await line.getByRole('textbox', { name: 'Value' }).fill(sku);
  await choose(page, /Rule Type/, 'Intelligent repricing rule');
  await choose(page, /Competitor Price Source/, 'Use Lowest Competitor Price');
  await choose(page, /(?<!Floor |Ceiling )Price Action/, 'Decrease By');
  await choose(page, /Apply/, 'Apply as fixed amount');
  await fill(page, 'Adjustment Amount', '0.05');
  await choose(page, /Floor Price Source/, 'Cost');
  await choose(page, /Floor Price Action/, 'Match');

  await page.getByTestId('rule-dry-run').click();
  await page.getByTestId('dry-run-summary').waitFor({ timeout: 60_000 });
  await page
    .getByRole('row', { name: new RegExp(sku) })
    .first()
    .waitFor();
  expect(await page.getByTestId('dry-run-summary').textContent()).toMatch(/Priced: \d+/);
  await browser.screenshot('pricing-dry-run');

  await page.getByTestId('rule-save').click();
  await page.getByText('Pricing rule "E2E beat lowest" saved.').waitFor();
  const grid = page.getByTestId('rules-grid');
  await grid.getByText('E2E beat lowest').waitFor();
  await grid.getByText('E2E add fifty cents').waitFor();
  await browser.screenshot('pricing-rules-grid');

  // Reprice once so the store is subscribed to ANY_OFFER_CHANGED (the every-minute alarm would do it too).
  const repriceNow = async () => {
    await page.getByTestId('reprice-now').click();
    await page.getByTestId('guardrails-message').waitFor({ timeout: 120_000 });
  };
  await page.getByRole('tab', { name: 'Guardrails' }).click();
  await page.getByTestId('reprice-now').waitFor();
  await repriceNow();

  // A competitor undercuts on the emulated Amazon (this emits ANY_OFFER_CHANGED).
  const competitorPrice = (Number(before) * 0.9).toFixed(2);
  const posted = await fetch(`${env.amazonUrl}/__control/competitor-offers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      asin: target.asin,
      marketplaceId: US,
      sellerId: 'AE2ECOMPETITOR1',
      condition: 'New',
      price: competitorPrice,
      shipping: '0.00',
      currency: 'USD',
      fulfilledByAmazon: false,
      feedbackPercent: 99,
      feedbackCount: 5000,
    }),
  });
  expect(posted.ok).toBe(true);

  // Reprice now (the every-minute alarm does the same) until the notification was handled.
  await waitUntil(
    async () => {
      await repriceNow();
      return (await livePrice(sku)) !== before;
    },
    `a new price for ${sku} on Amazon`,
    90_000,
  );
  await browser.screenshot('pricing-reprice');
  const after = await livePrice(sku);

  await page.getByRole('tab', { name: 'Price trace' }).click();
  await page.getByTestId('trace-sku').fill(sku);
  await page.getByTestId('trace-lookup').click();
  await page.getByTestId('trace-result').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('trace-price').textContent()).toBe(after);
  const lines = (await page.getByTestId('trace-lines').textContent()) ?? '';
  expect(lines).toMatch(/intelligent/);
  expect(lines).toMatch(/standard/);
  await browser.screenshot('pricing-trace');

  // Competitive Price Analysis (SPEC 7.3): the listing's landed price beside the competitor who undercut.
  await page.getByRole('tab', { name: 'Competitive price analysis' }).click();
  await page.getByTestId('analysis').waitFor({ timeout: 60_000 });
  await page.getByTestId('analysis-filter').fill(sku);
  const row = page.getByRole('row').filter({ hasText: sku }).first();
  await row.waitFor();
  expect(await row.textContent()).toContain(after);
  await browser.screenshot('pricing-analysis');
  expect(browser.problems).toEqual([]);
}, 400_000);
