import type { StoreSummary } from '../src/core/store';
import { type Browser, callAction, e2eEnv, openBrowser, waitUntil } from './support/browser';

/**
 * Communication errors: when Amazon fails a call, the store card shows the failure in plain words and the
 * Logs page lists the error with the store's name, Amazon's code and the message.
 */
const env = e2eEnv();
let browser: Browser;
let faultId: string | undefined;

const amazonControl = (path: string, init: RequestInit = {}) =>
  fetch(`${env.amazonUrl}/__control${path}`, { ...init, headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  browser = await openBrowser(env);
});

afterAll(async () => {
  if (faultId) await amazonControl(`/faults/${faultId}`, { method: 'DELETE' });
  await browser?.close();
});

test('an Amazon outage during a connection check is shown on the card and recorded in the log', async () => {
  const { page } = browser;
  const { body } = await callAction<{ stores: StoreSummary[] }>(env, 'asc/stores-list');
  const store = body.stores.find((candidate) => candidate.authorization.state === 'valid');
  if (!store) throw new Error('the demo has no authorized store');

  const injected = await amazonControl('/faults', {
    method: 'POST',
    body: JSON.stringify({ operation: 'getMarketplaceParticipations', kind: 'server-error', status: 503, rate: 1 }),
  });
  expect(injected.status).toBe(201);
  faultId = ((await injected.json()) as { faults: Array<{ id: string }> }).faults[0].id;

  await page.goto(`${env.baseUrl}/?standalone=1#/`);
  const card = page.getByTestId(`store-card-${store.id}`);
  await card.getByRole('button', { name: `Check connection for ${store.name}` }).click();
  const result = card.getByTestId('connection-result');
  await result.waitFor({ timeout: 60_000 });
  await expect(result.textContent()).resolves.toContain('Connection failed');

  await page.getByTestId('nav-logs').click();
  const table = page.getByTestId('logs-table');
  await table.waitFor();
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow.textContent()).resolves.toContain(store.name);
  await expect(firstRow.textContent()).resolves.toContain('503');
  await browser.screenshot('logs-communication-errors');

  // Filtering by another store hides this store's errors.
  const other = body.stores.find((candidate) => candidate.id !== store.id);
  if (other) {
    await page.getByRole('button', { name: /Amazon store/ }).click();
    await page.getByRole('option', { name: other.name }).click();
    // The filtered answer replaces the table: either no errors, or only the other store's.
    await waitUntil(async () => {
      if (await page.getByTestId('logs-empty').isVisible()) return true;
      const table = page.getByTestId('logs-table');
      return (await table.isVisible()) && !((await table.textContent()) ?? '').includes(store.name);
    }, 'the log filtered to another store');
  }
});
