/** ORDER_CHANGE through the Amazon emulator's queue: a new order is imported without waiting for the window. */
import { ordersRepository } from '../../../src/adapters/state/orders/ledger-repository';
import { drainOrderChanges, ensureSubscriptions, orderChangeQueueFrom } from '../../../src/app/orders/notifications';
import { type Harness, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

it('does not subscribe Amazon to a placeholder queue when no queue is configured', async () => {
  const services = await h.services();
  const unconfigured = orderChangeQueueFrom({});
  expect(await ensureSubscriptions(services, unconfigured)).toBe(0);
  const { body } = await h.amazonControl('GET', '/requests?operation=createDestination');
  expect(body.requests).toEqual([]);
  await expect(unconfigured.receive(1)).rejects.toThrow(/ASC_ORDERS_QUEUE_URL/);
});

it('subscribes once and refreshes the orders named by ORDER_CHANGE messages, deleting handled messages', async () => {
  const services = await h.services();
  const queue = orderChangeQueueFrom(h.inputs);
  expect(await ensureSubscriptions(services, queue)).toBe(1);
  expect(await ensureSubscriptions(services, queue)).toBe(0);
  const id = await h.placeAmazonOrder([{ sku: 'MUG-1', quantity: 1 }], { status: 'UNSHIPPED' });
  const drained = await drainOrderChanges(services, queue);
  expect(drained.refreshed).toBeGreaterThanOrEqual(1);
  expect(drained.failed).toBe(0);
  expect((await ordersRepository(services.storage, 'us').get(id))?.record.status).toBe('created');
  expect((await queue.receive(10)).length).toBe(0);
});
