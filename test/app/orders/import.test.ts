/** Import through both emulators over HTTP: Amazon order → Commerce order with matching totals, exactly once. */
import { ordersRepository } from '../../../src/adapters/state/orders/ledger-repository';
import { importStoreOrders } from '../../../src/app/orders/import';
import { type Harness, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const importNow = async () => {
  const services = await h.services();
  const store = (await services.storage.stores.get('us'))!;
  return importStoreOrders(services, store);
};

it('imports an Unshipped FBM order once, with Amazon totals and the stock reserved', async () => {
  const id = await h.placeAmazonOrder([
    { sku: 'MUG-1', quantity: 2, promotionDiscount: '1.00' },
    { sku: 'LAMP-1', quantity: 1 },
  ]);
  // Pending → Unshipped after 10 emulated minutes; Amazon lists changes 2 minutes late.
  h.clock.advance(13 * 60_000);
  const summary = await importNow();
  expect(summary.created).toBe(1);
  const services = await h.services();
  const entry = await ordersRepository(services.storage, 'us').get(id);
  expect(entry?.record).toMatchObject({ status: 'created', path: 'cart', reserved: true });
  expect(entry?.record.totalsCheck).toEqual({ ok: true, mismatches: [] });
  const commerceOrder = await services.commerce().getOrder(entry!.record.commerceOrderId!);
  expect(commerceOrder.grand_total).toBe(entry!.order!.orderTotal);
  // Running the import again creates nothing new.
  h.clock.advance(5 * 60_000);
  await importNow();
  const all = await services.commerce().searchOrders();
  expect(all.items.filter((o) => JSON.stringify(o).includes(id))).toHaveLength(1);
  const rows = await ordersRepository(services.storage, 'us').grid.page(0, 50);
  expect(rows.items.find((r) => r.orderId === id)).toMatchObject({ statusLabel: 'Unshipped', ledgerStatus: 'created' });
});
