/**
 * After import, through both emulators and the real Commerce events consumer: a Commerce shipment with tracking
 * confirms the shipment on Amazon and completes the Commerce order; a second order is canceled with a reason.
 */
import { main as orderCancel } from '../../../actions/asc/order-cancel';
import { main as ordersAction } from '../../../actions/asc/orders';
import { ordersRepository } from '../../../src/adapters/state/orders/ledger-repository';
import { importStoreOrders } from '../../../src/app/orders/import';
import { salesSeriesForStore } from '../../../src/app/orders/sales';
import { authHeaders } from '../../helpers/auth';
import { type Harness, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ deliverEvents: true });
});
afterAll(() => h.close());

const waitFor = async <T>(what: string, fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

it('ships in Commerce with tracking → Amazon Shipped, Commerce Complete; cancels another with a reason', async () => {
  const shipMe = await h.placeAmazonOrder([{ sku: 'MUG-2', quantity: 1 }]);
  const cancelMe = await h.placeAmazonOrder([{ sku: 'MUG-1', quantity: 3 }]);
  h.clock.advance(13 * 60_000);
  const services = await h.services();
  const store = (await services.storage.stores.get('us'))!;
  expect((await importStoreOrders(services, store)).created).toBe(2);
  const repo = ordersRepository(services.storage, 'us');
  const shipped = (await repo.get(shipMe))!;
  const commerceId = shipped.record.commerceOrderId!;
  const commerce = services.commerce();
  const order = await commerce.getOrder(commerceId);
  await commerce.createShipment(commerceId, {
    items: order.items.map((i) => ({ order_item_id: Number(i.item_id), qty: Number(i.qty_ordered) })),
    tracks: [{ track_number: '1Z999AA10123456784', title: 'UPS Ground', carrier_code: 'ups' }],
  });
  const amazonView = await waitFor('Amazon Shipped', async () => {
    const o = (await h.amazonControl('GET', `/orders/${shipMe}`)).body;
    return JSON.stringify(o).includes('"SHIPPED"') ? o : undefined;
  });
  expect(JSON.stringify(amazonView)).toContain('1Z999AA10123456784');
  await waitFor('Commerce complete', async () =>
    (await commerce.getOrder(commerceId)).state === 'complete' ? true : undefined,
  );
  // A refund in Commerce (credit memo) goes to Amazon as a payment adjustment feed.
  const shippedOrder = await commerce.getOrder(commerceId);
  await commerce.createCreditMemo(commerceId, {
    items: shippedOrder.items.map((i) => ({ order_item_id: Number(i.item_id), qty: 1 })),
  });
  await waitFor('the adjustment feed', async () => {
    const feeds = JSON.stringify((await h.amazonControl('GET', '/feeds')).body);
    return feeds.includes('POST_PAYMENT_ADJUSTMENT_DATA') ? true : undefined;
  });
  expect((await repo.get(shipMe))?.record.note).toMatch(/^Refund of \d+\.\d{2} sent to Amazon/);
  const detail = (await ordersAction({
    ...h.inputs,
    __ow_method: 'get',
    __ow_headers: authHeaders(),
    storeId: 'us',
    amazonOrderId: shipMe,
  })) as { statusCode: number; body: { order: { status: string; tracking: Array<{ trackingNumber: string }> } } };
  expect(detail.statusCode).toBe(200);
  expect(detail.body.order.status).toBe('Shipped');
  expect(detail.body.order.tracking[0].trackingNumber).toBe('1Z999AA10123456784');

  const bad = (await orderCancel({
    ...h.inputs,
    __ow_method: 'post',
    __ow_headers: authHeaders(),
    storeId: 'us',
    amazonOrderId: cancelMe,
    reason: 'Because',
  })) as { statusCode: number; body: { error: string; fields?: Record<string, string> } };
  expect(bad.statusCode).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('reason');
  const canceled = (await orderCancel({
    ...h.inputs,
    __ow_method: 'post',
    __ow_headers: authHeaders(),
    storeId: 'us',
    amazonOrderId: cancelMe,
    reason: 'NoInventory',
  })) as { statusCode: number; body: { feedId: string } };
  expect(canceled.statusCode).toBe(200);
  const cancelCommerceId = (await repo.get(cancelMe))!.record.commerceOrderId!;
  expect((await commerce.getOrder(cancelCommerceId)).state).toBe('canceled');
  // Amazon processes the feed within 2 emulated minutes, then shows the order Canceled by the merchant.
  h.clock.advance(3 * 60_000);
  await waitFor('feed done', async () => {
    const feeds = (await h.amazonControl('GET', '/feeds')).body;
    return JSON.stringify(feeds).includes('DONE') ? true : undefined;
  });
  const amazonCanceled = (await h.amazonControl('GET', `/orders/${cancelMe}`)).body;
  expect(JSON.stringify(amazonCanceled)).toContain('CANCELLED');
  const series = await salesSeriesForStore(services.storage, 'us', 7, h.clock.now());
  expect(series.points.at(-1)?.orders).toBe(2);
});
