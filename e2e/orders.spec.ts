import { type Browser, callAction, e2eEnv, emulatorControl, openBrowser, waitUntil } from './support/browser';

/**
 * Orders, as a merchant sees them: an Amazon order appears and is imported into Commerce with matching totals,
 * is shipped in Commerce with a tracking number and shows Shipped on Amazon; a second order is canceled with a
 * reason from the order details page.
 */
const env = e2eEnv();
let browser: Browser;
const STORE = 'demo-us';
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';

// biome-ignore lint/suspicious/noExplicitAny: control API bodies are read loosely in assertions
const control = (base: string, path: string, body?: unknown) => emulatorControl<Record<string, any>>(base, path, body);

type Details = {
  order: {
    status: string;
    ledgerStatus: string;
    commerceOrderId: number | null;
    orderTotal: string | null;
    totalsCheck: { ok: boolean } | null;
  };
};

beforeAll(async () => {
  browser = await openBrowser(env);
});
afterAll(async () => {
  await browser?.close();
});

/** A merchant-fulfilled US listing whose SKU is an enabled simple Commerce product; stock topped up. */
const pickSku = async (): Promise<string> => {
  const { listings } = await control(env.amazonUrl, `/listings?sellerId=${SELLER}`);
  for (const l of listings as Array<{ sku: string; marketplaceId: string; channel?: string }>) {
    if (l.marketplaceId !== US || (l.channel && l.channel !== 'DEFAULT')) continue;
    const found = await control(env.commerceUrl, `/state/products/${encodeURIComponent(l.sku)}`).catch(() => undefined);
    const product = found?.product as { type_id?: string; typeId?: string; status?: number } | undefined;
    if (!product || (product.type_id ?? product.typeId) !== 'simple' || Number(product.status ?? 1) !== 1) continue;
    await control(env.commerceUrl, '/stock', { sku: l.sku, quantity: 500, status: 1 });
    return l.sku;
  }
  throw new Error('no FBM listing with a Commerce product in the demo');
};

const placeOrder = async (sku: string): Promise<string> =>
  (
    await control(env.amazonUrl, '/orders', {
      sellerId: SELLER,
      marketplaceId: US,
      status: 'UNSHIPPED',
      items: [{ sku, quantity: 1 }],
    })
  ).internal.orderId as string;

test('an Amazon order is imported, shipped with tracking and shows Shipped on Amazon; another is canceled', async () => {
  const { page } = browser;
  const sku = await pickSku();
  const first = await placeOrder(sku);
  const second = await placeOrder(sku);

  // The merchant imports the order by its number (the 2-minute alarm would find it too, two minutes later).
  await page.goto(`${env.baseUrl}/?standalone=1#/orders`);
  await page.getByTestId('fetch-order-id').waitFor();
  await page.getByTestId('fetch-order-id').fill(first);
  await page.getByTestId('fetch-order').click();
  await page.getByTestId('detail-status').waitFor({ timeout: 30_000 });
  const imported = (await callAction<Details>(env, `asc/orders?storeId=${STORE}&amazonOrderId=${first}`)).body.order;
  expect(imported.ledgerStatus).toBe('created');
  expect(imported.totalsCheck?.ok).toBe(true);
  await expect(page.getByTestId('detail-total').textContent()).resolves.toBe(imported.orderTotal);
  await browser.screenshot('orders-imported');
  await page.getByTestId('order-back').click();

  // Ship it in Commerce with a tracking number (as the merchant would in the Admin).
  const ims = await control(env.commerceUrl, '/ims/token', {});
  const commerceOrder = (await (
    await fetch(`${env.commerceUrl}/rest/default/V1/orders/${imported.commerceOrderId}`, {
      headers: { authorization: `Bearer ${ims.access_token}` },
    })
  ).json()) as { items: Array<{ item_id: number; qty_ordered: number }>; grand_total: number };
  expect(commerceOrder.grand_total).toBe(Number(imported.orderTotal));
  const shipped = await fetch(`${env.commerceUrl}/rest/default/V1/order/${imported.commerceOrderId}/ship`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ims.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      items: commerceOrder.items.map((i) => ({ order_item_id: i.item_id, qty: i.qty_ordered })),
      tracks: [{ track_number: '1Z999AA10123456784', title: 'UPS Ground', carrier_code: 'ups' }],
    }),
  });
  expect(shipped.status).toBe(200);
  await waitUntil(
    async () =>
      /"(status|fulfillmentStatus)":"SHIPPED"/.test(JSON.stringify(await control(env.amazonUrl, `/orders/${first}`))),
    'Amazon to show the order Shipped',
    30_000,
  );
  await waitUntil(
    async () =>
      (await callAction<Details>(env, `asc/orders?storeId=${STORE}&amazonOrderId=${first}`)).body.order.status ===
      'Shipped',
    'the order details to show Shipped',
    30_000,
  );
  await page.getByTestId('orders-refresh').click();
  await page.getByTestId(`order-${first}`).click();
  await waitUntil(
    async () => (await page.getByTestId('detail-status').textContent()) === 'Shipped',
    'Shipped in details',
  );
  await page.getByRole('tab', { name: 'Tracking' }).click();
  await page.getByTestId('tracking-table').getByText('1Z999AA10123456784').waitFor();
  await browser.screenshot('orders-shipped');
  await page.getByTestId('order-back').click();

  // The second order: imported, then canceled from its details page with a reason.
  await page.getByTestId('fetch-order-id').fill(second);
  await page.getByTestId('fetch-order').click();
  await page.getByTestId('order-cancel').click();
  await page.getByTestId('cancel-reason').click();
  await page.getByRole('option', { name: 'Buyer canceled' }).click();
  await page.getByTestId('cancel-confirm').click();
  await waitUntil(
    async () => ((await page.getByTestId('detail-notes').textContent()) ?? '').includes('BuyerCanceled'),
    'the cancellation note',
    30_000,
  );
  const canceled = (await callAction<Details>(env, `asc/orders?storeId=${STORE}&amazonOrderId=${second}`)).body.order;
  expect(canceled.ledgerStatus).toBe('canceled');
  const { feeds } = await control(env.amazonUrl, '/feeds');
  expect(JSON.stringify(feeds)).toContain('POST_ORDER_ACKNOWLEDGEMENT_DATA');
  await browser.screenshot('orders-canceled');
});
