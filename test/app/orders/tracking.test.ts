/**
 * Tracking added to a Commerce shipment after the shipment was saved: the track event (signed CloudEvent, real
 * events consumer) confirms the shipment on Amazon; a replaced tracking number corrects the package on Amazon.
 */
import { ordersRepository } from '../../../src/adapters/state/orders/ledger-repository';
import { importStoreOrders } from '../../../src/app/orders/import';
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

interface AmazonView {
  status: string;
  packages: Array<{ packageReferenceId: string; trackingNumber: string; carrier: string }>;
}
const amazonOrder = async (id: string): Promise<AmazonView> =>
  (await h.amazonControl('GET', `/orders/${id}`)).body.order as AmazonView;

it('confirms on Amazon when the tracking number is added later, and corrects it when it is replaced', async () => {
  const id = await h.placeAmazonOrder([{ sku: 'MUG-1', quantity: 2 }], { status: 'UNSHIPPED' });
  h.clock.advance(3 * 60_000);
  const services = await h.services();
  const store = (await services.storage.stores.get('us'))!;
  expect((await importStoreOrders(services, store)).created).toBe(1);
  const repo = ordersRepository(services.storage, 'us');
  const commerceId = (await repo.get(id))!.record.commerceOrderId!;
  const commerce = services.commerce();
  const order = await commerce.getOrder(commerceId);

  // Shipped without a tracking number: Amazon needs one, so nothing is confirmed yet.
  const shipmentId = await commerce.createShipment(commerceId, {
    items: order.items.map((i) => ({ order_item_id: Number(i.item_id), qty: Number(i.qty_ordered) })),
  });
  await waitFor('the waiting note', async () =>
    (await repo.get(id))?.record.note?.includes('Waiting for a tracking number') ? true : undefined,
  );
  expect((await amazonOrder(id)).status).toBe('UNSHIPPED');

  // The merchant adds the track to the shipment: Commerce saves the track only (no shipment save event).
  const first = await commerce.addShipmentTrack({
    order_id: commerceId,
    parent_id: shipmentId,
    track_number: '1Z999AA10123456784',
    title: 'UPS Ground',
    carrier_code: 'ups',
  });
  const shipped = await waitFor('Amazon Shipped', async () => {
    const o = await amazonOrder(id);
    return o.status === 'SHIPPED' ? o : undefined;
  });
  expect(shipped.packages).toEqual([
    expect.objectContaining({ packageReferenceId: String(shipmentId), trackingNumber: '1Z999AA10123456784' }),
  ]);
  await waitFor('Commerce complete', async () =>
    (await commerce.getOrder(commerceId)).state === 'complete' ? true : undefined,
  );

  // A wrong number replaced: the same package on Amazon now carries the new number.
  await commerce.deleteShipmentTrack(Number(first.entity_id));
  await commerce.addShipmentTrack({
    order_id: commerceId,
    parent_id: shipmentId,
    track_number: '9400111899223856928499',
    title: 'USPS Priority Mail',
    carrier_code: 'usps',
  });
  const corrected = await waitFor('the corrected tracking number', async () => {
    const o = await amazonOrder(id);
    return o.packages[0]?.trackingNumber === '9400111899223856928499' ? o : undefined;
  });
  expect(corrected.status).toBe('SHIPPED');
  expect(corrected.packages).toHaveLength(1);
  expect(corrected.packages[0]).toMatchObject({ packageReferenceId: String(shipmentId), carrier: 'USPS' });
});
