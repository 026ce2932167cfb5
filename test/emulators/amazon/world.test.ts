import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmulatorClock, startAmazonEmulator } from '../../../src/emulators/amazon';
import { SEED, SELLER, US, startHarness } from './harness';

it('order streams generate orders on the emulator clock, FBA ones ship by themselves', async () => {
  const h = await startHarness({
    seed: {
      ...SEED,
      orderStreams: [{ sellerId: SELLER, marketplaceId: US, ordersPerHour: 6, skus: ['MUG-1', 'MUG-FBA'] }],
    },
  });
  try {
    h.emu.control.advance(2 * 3_600_000);
    const orders = (await h.control('GET', '/orders')).body.orders;
    expect(orders).toHaveLength(12);
    h.emu.control.advance(6 * 3_600_000);
    const later = (await h.control('GET', '/orders')).body.orders as Array<{
      fulfilledBy: string;
      status: string;
      createdTime: string;
    }>;
    const early = later.filter((o) => Date.parse(o.createdTime) < Date.parse('2026-03-02T12:00:00Z'));
    expect(
      early.filter((o) => o.fulfilledBy === 'AMAZON').every((o) => o.status === 'SHIPPED' || o.status === 'CANCELLED'),
    ).toBe(true);
    expect(
      early
        .filter((o) => o.fulfilledBy === 'MERCHANT')
        .every((o) => o.status === 'UNSHIPPED' || o.status === 'CANCELLED'),
    ).toBe(true);
  } finally {
    await h.emu.close();
  }
});

it('a buyer cancel request shows up on the order without cancelling it', async () => {
  const h = await startHarness();
  try {
    const id = (
      await h.control('POST', '/orders', {
        sellerId: SELLER,
        marketplaceId: US,
        items: [{ sku: 'MUG-1', quantity: 1 }],
      })
    ).body.internal.orderId;
    await h.control('POST', `/orders/${id}/buyer-cancel-request`, { reason: 'Found it cheaper' });
    const o = (
      await h.sp().callAPI({
        operation: 'getOrder',
        endpoint: 'orders',
        path: { orderId: id },
        query: { includedData: ['CANCELLATION', 'FULFILLMENT'] },
        options: { version: '2026-01-01' },
      })
    ).order;
    expect(o.fulfillment.fulfillmentStatus).toBe('PENDING');
    expect(o.orderItems[0].cancellation).toEqual({
      cancellationRequest: { requester: 'BUYER', cancelReason: 'Found it cheaper' },
    });
  } finally {
    await h.emu.close();
  }
});

it('seed errors name the field; persistPath keeps the world across restarts', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'amz-')), 'state.json');
  const clock = new EmulatorClock({ start: '2026-03-02T10:00:00Z', speedUp: 0 });
  const first = await startAmazonEmulator({ port: 0, clock, seed: SEED, persistPath: file });
  await expect(first.control.call('POST', '/seed', { listings: [{ sku: 'X' }] })).rejects.toThrow(
    /seed\.listings\.0\.sellerId/,
  );
  await first.control.call('POST', '/orders', {
    sellerId: SELLER,
    marketplaceId: US,
    items: [{ sku: 'MUG-1', quantity: 1 }],
  });
  await first.close();
  const second = await startAmazonEmulator({ port: 0, clock, persistPath: file });
  try {
    expect(second.state.orders.size).toBe(1);
    expect(second.state.listings.size).toBe(SEED.listings!.length);
  } finally {
    await second.close();
  }
});
