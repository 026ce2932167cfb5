import type { StoreSummary } from '../src/core/store';
import type { ConnectionCheckResult, GlobalSettings } from '../web-src/src/api/schemas';
import { connectionSummary } from '../web-src/src/format';
import { type Browser, callAction, e2eEnv, openBrowser } from './support/browser';

/**
 * Foundation: the admin UI runs standalone against the local stack, lists the demo stores through the
 * stores-list web action, checks a store's Seller Central connection against the Amazon emulator, and
 * persists a global setting.
 */
const env = e2eEnv();
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser(env);
});

afterAll(async () => {
  await browser?.close();
});

const RETENTION_LABEL: Record<GlobalSettings['logRetention'], string> = {
  daily: 'Once Daily',
  weekly: 'Once Weekly',
  monthly: 'Once Monthly',
};

test('home lists the demo stores and checks a store connection with Amazon', async () => {
  const { page } = browser;
  const { body } = await callAction<{ stores: StoreSummary[] }>(env, 'asc/stores-list');
  expect(body.stores.length).toBeGreaterThan(0);

  await page.goto(`${env.baseUrl}/?standalone=1#/`);
  await page.getByTestId('standalone-badge').waitFor();
  await page.getByTestId('store-list').waitFor();
  const cards = page.locator('[data-testid^="store-card-"]');
  expect(await cards.count()).toBe(body.stores.length);
  for (const store of body.stores) {
    const card = page.getByTestId(`store-card-${store.id}`);
    await expect(card.getByTestId('store-name').textContent()).resolves.toBe(store.name);
    await expect(card.getByTestId('store-website').textContent()).resolves.toBe(store.websiteCode);
  }

  // Every authorized store's check reaches the Amazon emulator; each card must say what the action says
  // (active, vacation/paused, suspended listings, or the failure message).
  const authorized = body.stores.filter((candidate) => candidate.authorization.state === 'valid');
  expect(authorized.length).toBeGreaterThan(0);
  for (const store of authorized) {
    const card = page.getByTestId(`store-card-${store.id}`);
    await card.getByRole('button', { name: `Check connection for ${store.name}` }).click();
    const result = card.getByTestId('connection-result');
    await result.waitFor({ timeout: 30_000 });
    const shown = (await result.textContent()) ?? '';

    const direct = await callAction<ConnectionCheckResult>(env, 'asc/store-connection-check', {
      method: 'POST',
      body: { storeId: store.id },
    });
    expect(direct.status).toBe(200);
    expect(shown).toContain(direct.body.message);
    if (direct.body.ok) {
      expect(shown).toContain(connectionSummary(direct.body).title);
      expect(direct.body.marketplace?.id).toBe(store.marketplaceId);
    } else {
      expect(shown).toContain('Connection failed');
    }
  }
  await browser.screenshot('foundation-home');
});

test('every product area has its page', async () => {
  const { page } = browser;
  for (const area of ['listings', 'pricing', 'orders', 'reports', 'learning']) {
    await page.getByTestId(`nav-${area}`).click();
    const areaPage = page.getByTestId(`page-${area}`);
    await areaPage.waitFor();
    // Each area page opens with its own heading, not a blank frame.
    await areaPage.getByRole('heading').first().waitFor();
    await expect(page.getByTestId(`nav-${area}`).getAttribute('aria-current')).resolves.toBe('page');
  }
  await page.getByTestId('pre-setup-tasks').waitFor();
  await page.getByTestId('nav-logs').click();
  await page.locator('[data-testid="logs-table"], [data-testid="logs-empty"]').first().waitFor();
});

test('settings: a changed log retention is saved and survives a reload', async () => {
  const { page } = browser;
  await page.goto(`${env.baseUrl}/?standalone=1#/settings`);
  const picker = page.getByRole('button', { name: /Clear Log History/ });
  await picker.waitFor();

  const before = await callAction<{ settings: GlobalSettings }>(env, 'asc/global-settings');
  const current = before.body.settings.logRetention;
  await expect(picker.textContent()).resolves.toContain(RETENTION_LABEL[current]);
  const next: GlobalSettings['logRetention'] = current === 'weekly' ? 'daily' : 'weekly';

  await picker.click();
  await page.getByRole('option', { name: RETENTION_LABEL[next] }).click();
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor();

  await page.reload();
  const reloaded = page.getByRole('button', { name: /Clear Log History/ });
  await reloaded.waitFor();
  await expect(reloaded.textContent()).resolves.toContain(RETENTION_LABEL[next]);
  const after = await callAction<{ settings: GlobalSettings }>(env, 'asc/global-settings');
  expect(after.body.settings.logRetention).toBe(next);
  await browser.screenshot('foundation-settings');
});

test('settings: the service rejects a value the form cannot produce, naming the field', async () => {
  // The Picker only offers valid values, so the invalid path is exercised at the action the form posts to.
  const rejected = await callAction<{ error: string; fields?: Record<string, string> }>(env, 'asc/global-settings', {
    method: 'POST',
    body: { logRetention: 'hourly', debugLogging: false, readOnlyMode: false },
  });
  expect(rejected.status).toBe(400);
  expect(Object.keys(rejected.body.fields ?? {})).toContain('logRetention');
});

test('the page raised no script errors', () => {
  expect(browser.problems).toEqual([]);
});
