import { createVerify } from 'node:crypto';
import { type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { EmulatorClock } from '../../../src/emulators/shared';
import { type EventSink, controlCall, criteria, restCall, smallSeed, startEventSink } from './helpers';

let emu: RunningCommerceEmulator;
let sink: EventSink;

const address = {
  region: 'California',
  region_id: 12,
  region_code: 'CA',
  country_id: 'US',
  street: ['1 Market St'],
  telephone: '5550100',
  postcode: '94105',
  city: 'San Francisco',
  firstname: 'Ama',
  lastname: 'Zon',
  email: 'buyer@marketplace.amazon.com',
};

const salable = async (sku: string, stockId = 1): Promise<number> =>
  (await restCall<number>(emu, 'GET', `V1/inventory/get-product-salable-quantity/${sku}/${stockId}`)).body;

/** The B3 quote path: cart → items at Amazon's unit prices → custom attributes → OOPE carrier → place. */
const placeAmazonOrder = async (
  lines: Array<{ sku: string; qty: number; price: number }>,
  shipping: string,
  amazonOrderId: string,
) => {
  const cartId = (await restCall<number>(emu, 'POST', 'V1/carts/')).body;
  for (const line of lines) {
    const added = await restCall(emu, 'POST', `V1/carts/${cartId}/items`, {
      cartItem: {
        sku: line.sku,
        qty: line.qty,
        quote_id: String(cartId),
        extension_attributes: { custom_price: line.price },
      },
    });
    expect(added.status).toBe(200);
  }
  const attrs = await restCall(emu, 'POST', `V1/carts/${cartId}/customAttributes`, {
    custom_attributes: [
      { attribute_code: 'amazon_order_id', value: amazonOrderId },
      { attribute_code: 'amazon_shipping_amount', value: shipping },
    ],
  });
  expect(attrs.status).toBe(200);
  const info = await restCall(emu, 'POST', `V1/carts/${cartId}/shipping-information`, {
    addressInformation: {
      shipping_address: address,
      billing_address: address,
      shipping_carrier_code: 'amazon',
      shipping_method_code: 'mfn',
    },
  });
  expect(info.status).toBe(200);
  const placed = await restCall<number>(emu, 'PUT', `V1/carts/${cartId}/order`, {
    paymentMethod: { method: 'amazon' },
  });
  expect(placed.status).toBe(200);
  return (await restCall(emu, 'GET', `V1/orders/${placed.body}`)).body;
};

beforeAll(async () => {
  sink = await startEventSink();
  emu = await startCommerceEmulator({
    port: 0,
    seed: smallSeed(),
    eventsUrl: sink.url,
    clock: new EmulatorClock({ start: '2026-01-10T12:00:00Z', speedUp: 0 }),
    eventRetryDelaysMs: [50],
  });
});
afterAll(async () => {
  await emu.close();
  await sink.close();
});

describe('order creation at Amazon prices', () => {
  it('places a quote order with exact totals and reserves salable quantity', async () => {
    expect(await salable('MUG-1')).toBe(10);
    const order = await placeAmazonOrder(
      [
        { sku: 'MUG-1', qty: 3, price: 17.33 },
        { sku: 'MUG-2', qty: 1, price: 8.1 },
      ],
      '4.99',
      '111-0000001-0000001',
    );
    expect(order).toMatchObject({
      subtotal: 60.09,
      shipping_amount: 4.99,
      grand_total: 65.08,
      tax_amount: 0,
      order_currency_code: 'USD',
      state: 'new',
    });
    expect(
      order.items.map((i: { sku: string; price: number; row_total: number }) => [i.sku, i.price, i.row_total]),
    ).toEqual([
      ['MUG-1', 17.33, 51.99],
      ['MUG-2', 8.1, 8.1],
    ]);
    expect(order.extension_attributes.custom_attributes).toContainEqual({
      attribute_code: 'amazon_order_id',
      value: '111-0000001-0000001',
    });
    expect(await salable('MUG-1')).toBe(7);
    expect((await restCall(emu, 'GET', 'V1/stockItems/MUG-1')).body.qty).toBe(10);
  });

  it('refuses to add more than the salable quantity', async () => {
    const cartId = (await restCall<number>(emu, 'POST', 'V1/carts/')).body;
    const res = await restCall(emu, 'POST', `V1/carts/${cartId}/items`, {
      cartItem: { sku: 'MUG-2', qty: 5, quote_id: String(cartId) },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('The requested qty is not available');
  });

  it('ships (deducting the source, compensating the reservation), invoices, refunds, and finds the order by increment id', async () => {
    const order = await placeAmazonOrder([{ sku: 'MUG-1', qty: 2, price: 18 }], '0', '111-0000002-0000002');
    const before = await salable('MUG-1');
    const itemId = order.items[0].item_id;
    const shipmentId = await restCall<number>(emu, 'POST', `V1/order/${order.entity_id}/ship`, {
      items: [{ order_item_id: itemId, qty: 2 }],
      tracks: [{ track_number: '1Z999', title: 'UPS', carrier_code: 'ups' }],
    });
    expect(shipmentId.status).toBe(200);
    expect(await salable('MUG-1')).toBe(before);
    expect((await restCall(emu, 'GET', 'V1/stockItems/MUG-1')).body.qty).toBe(8);
    const shipment = (await restCall(emu, 'GET', `V1/shipment/${shipmentId.body}`)).body;
    expect(shipment.tracks[0]).toMatchObject({ track_number: '1Z999', carrier_code: 'ups' });
    expect((await restCall(emu, 'POST', `V1/order/${order.entity_id}/invoice`, { capture: false })).status).toBe(200);
    expect((await restCall(emu, 'GET', `V1/orders/${order.entity_id}`)).body.state).toBe('complete');
    const memo = await restCall<number>(emu, 'POST', `V1/order/${order.entity_id}/refund`, {
      items: [{ order_item_id: itemId, qty: 1 }],
      arguments: { shipping_amount: 0, adjustment_positive: 0, adjustment_negative: 0 },
    });
    expect(memo.status).toBe(200);
    const after = (await restCall(emu, 'GET', `V1/orders/${order.entity_id}`)).body;
    expect(after.total_refunded).toBe(18);
    const found = await restCall(emu, 'GET', `V1/orders?${criteria([[['increment_id', order.increment_id, 'eq']]])}`);
    expect(found.body.items.map((o: { entity_id: number }) => o.entity_id)).toEqual([order.entity_id]);
  });

  it('cancels an unshipped order and releases its reservation', async () => {
    const before = await salable('MUG-2');
    const order = await placeAmazonOrder([{ sku: 'MUG-2', qty: 1, price: 9 }], '0', '111-0000003-0000003');
    expect(await salable('MUG-2')).toBe(before - 1);
    expect((await restCall(emu, 'POST', `V1/orders/${order.entity_id}/cancel`)).body).toBe(true);
    expect(await salable('MUG-2')).toBe(before);
    expect((await restCall(emu, 'GET', `V1/orders/${order.entity_id}`)).body.status).toBe('canceled');
    expect(
      (
        await restCall(emu, 'POST', `V1/orders/${order.entity_id}/comments`, {
          statusHistory: {
            comment: 'Canceled on Amazon',
            is_customer_notified: 0,
            is_visible_on_front: 0,
            parent_id: order.entity_id,
          },
        })
      ).body,
    ).toBe(true);
    const comments = (await restCall(emu, 'GET', `V1/orders/${order.entity_id}/comments`)).body;
    expect(comments.items[0].comment).toBe('Canceled on Amazon');
  });

  it('creates a direct order with the caller totals and ext_order_id, without reservation', async () => {
    const before = await salable('MUG-1');
    const res = await restCall(emu, 'POST', 'V1/orders', {
      entity: {
        base_grand_total: 21.5,
        grand_total: 21.5,
        customer_email: 'fba@marketplace.amazon.com',
        ext_order_id: '111-9999999-0000001',
        items: [{ sku: 'MUG-1', qty_ordered: 1, price: 20 }],
        shipping_amount: 1.5,
        payment: { method: 'amazon', account_status: '', additional_information: [], cc_last4: '' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ grand_total: 21.5, ext_order_id: '111-9999999-0000001' });
    expect(await salable('MUG-1')).toBe(before);
    const found = await restCall(
      emu,
      'GET',
      `V1/orders?${criteria([[['ext_order_id', '111-9999999-0000001', 'eq']]])}`,
    );
    expect(found.body.total_count).toBe(1);
  });
});

describe('events', () => {
  it('POSTs signed CloudEvents for product, stock, shipment, cancel and credit memo', async () => {
    await restCall(emu, 'POST', 'V1/products/special-price', {
      prices: [
        { sku: 'LAMP-1', store_id: 0, price: 39, price_from: '2026-01-01 00:00:00', price_to: '2026-01-31 00:00:00' },
      ],
    });
    await controlCall(emu, 'POST', '/stock', { sku: 'LAMP-1', quantity: 12 });
    await controlCall(emu, 'POST', '/events/flush');
    const types = new Set(sink.received.map((r) => JSON.parse(r.body).type));
    for (const observer of [
      'catalog_product_save_commit_after',
      'cataloginventory_stock_item_save_commit_after',
      'sales_order_shipment_save_after',
      'order_cancel_after',
      'sales_order_creditmemo_save_after',
    ]) {
      expect(types).toContain(`com.adobe.commerce.observer.${observer}`);
    }
    const pem = await (await fetch(`${emu.url}/__control/events/public-key.pem`)).text();
    for (const delivery of sink.received) {
      const signature = String(delivery.headers['x-adobe-digital-signature-1']);
      expect(createVerify('RSA-SHA256').update(delivery.body).verify(pem, signature, 'base64')).toBe(true);
      expect(delivery.headers['x-adobe-public-key1-path']).toBe('/__control/events/public-key.pem');
      expect(createVerify('RSA-SHA256').update(`${delivery.body} `).verify(pem, signature, 'base64')).toBe(false);
    }
    const productEvent = sink.received
      .map((r) => JSON.parse(r.body))
      .find((e) => e.type.endsWith('catalog_product_save_commit_after') && e.data.value.sku === 'LAMP-1');
    expect(productEvent).toMatchObject({
      specversion: '1.0',
      data: {
        value: { sku: 'LAMP-1', special_price: '39', special_from_date: '2026-01-01 00:00:00' },
        _metadata: {
          commerceVersion: '2.4.9',
          storeId: '1',
          websiteId: '1',
          storeGroupId: '1',
          commerceEdition: expect.any(String),
          eventsClientVersion: expect.any(String),
        },
      },
    });
    const shipmentEvent = sink.received
      .map((r) => JSON.parse(r.body))
      .find((e) => e.type.endsWith('sales_order_shipment_save_after'));
    expect(shipmentEvent.data.value.tracks[0]).toMatchObject({ track_number: '1Z999' });
  });

  it('keeps undeliverable events in the outbox and retries them', async () => {
    const count = sink.received.length;
    sink.failFirst = Number.POSITIVE_INFINITY;
    await controlCall(emu, 'POST', '/stock', { sku: 'MUG-2', quantity: 5 });
    await controlCall(emu, 'POST', '/events/flush');
    const pending = await controlCall<{ events: Array<{ attempts: number; lastError: string }> }>(
      emu,
      'GET',
      '/events?status=pending',
    );
    expect(pending.events).toHaveLength(1);
    expect(pending.events[0].lastError).toBe('HTTP 503');
    sink.failFirst = 0;
    await sink.waitFor(count + 1);
    expect((await controlCall<{ events: unknown[] }>(emu, 'GET', '/events?status=pending')).events).toHaveLength(0);
  });
});

describe('fault injection', () => {
  it('injects 5xx, 429, malformed bodies and connection resets per operation', async () => {
    await controlCall(emu, 'POST', '/faults', [
      { operation: 'GetV1ProductsSku', kind: 'server-error', status: 503, nextN: 1 },
      { operation: 'GetV1StoreWebsites', kind: 'throttle', nextN: 1 },
      { operation: 'GetV1DirectoryCurrency', kind: 'malformed', nextN: 1 },
      { operation: 'GetV1StoreStoreViews', kind: 'reset', nextN: 1 },
    ]);
    expect((await restCall(emu, 'GET', 'V1/products/MUG-1')).status).toBe(503);
    expect((await restCall(emu, 'GET', 'V1/products/MUG-1')).status).toBe(200);
    const throttled = await restCall(emu, 'GET', 'V1/store/websites');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    const malformed = await restCall(emu, 'GET', 'V1/directory/currency');
    expect(() => JSON.parse(malformed.text)).toThrow();
    await expect(restCall(emu, 'GET', 'V1/store/storeViews')).rejects.toThrow();
    const log = await controlCall<{ requests: Array<{ operation: string; fault?: string }> }>(
      emu,
      'GET',
      '/requests?operation=GetV1ProductsSku',
    );
    expect(log.requests.some((r) => r.fault === 'server-error')).toBe(true);
  });

  it('records a response that breaks the schema and answers 500 in strict mode', async () => {
    const seed = smallSeed();
    (seed.products[2] as unknown as { name: number }).name = 42;
    const strict = await startCommerceEmulator({ port: 0, seed });
    try {
      const res = await restCall(strict, 'GET', 'V1/products/LAMP-1');
      expect(res.status).toBe(500);
      const violations = await controlCall<{
        violations: Array<{ operation: string; issues: Array<{ field: string }> }>;
      }>(strict, 'GET', '/violations');
      expect(violations.violations[0]).toMatchObject({
        operation: 'GetV1ProductsSku',
        issues: [{ field: 'response.name' }],
      });
    } finally {
      await strict.close();
    }
  });
});
