/** Order import and fulfilment through the gateway, against the Commerce emulator over real HTTP. */
import Big from 'big.js';
import { type CommerceGateway, createCommerceGateway, criteria } from '../../../src/adapters/commerce';
import { demoIntegration, type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { buildDemoScenario } from '../../../src/emulators/demo';

let emulator: RunningCommerceEmulator;
let commerce: CommerceGateway;
let sku: string;

const address = {
  firstname: 'Amazon',
  lastname: 'Buyer',
  street: ['1 Main St'],
  city: 'Seattle',
  region: 'Washington',
  region_code: 'WA',
  region_id: 62,
  postcode: '98101',
  country_id: 'US',
  telephone: '5555555555',
  email: 'buyer-1@marketplace.amazon.com',
};

beforeAll(async () => {
  emulator = await startCommerceEmulator({ port: 0, seed: buildDemoScenario(1).commerce });
  commerce = createCommerceGateway({
    baseUrl: emulator.baseUrl,
    params: {
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: demoIntegration.consumerKey,
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: demoIntegration.consumerSecret,
      AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: demoIntegration.accessToken,
      AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: demoIntegration.accessTokenSecret,
    },
    retry: { retries: 2, initialDelayMs: 5, maxDelayMs: 50 },
  });
  const simple = await commerce.searchProducts(
    criteria().where('type_id', 'eq', 'simple').where('status', 'eq', 1).where('visibility', 'eq', 4).pageSize(1),
  );
  sku = simple.items[0].sku;
});
afterAll(() => emulator.close());

describe('importing an Amazon order through a cart', () => {
  it('places an order at the Amazon price, reserves stock, and fulfils it: comment, invoice, shipment, tracking, refund', async () => {
    const stock = await commerce.resolveStock('website', 'base');
    const salableBefore = await commerce.getSalableQuantity(sku, stock.stock_id);

    const cartId = await commerce.createCart();
    const line = await commerce.addCartItem(cartId, { sku, qty: 2, customPrice: '12.34' });
    expect(line.price).toBe('12.34');
    await commerce.setCartCustomAttributes(cartId, {
      amazon_order_id: '111-1111111-1111111',
      amazon_shipping_amount: '4.99',
    });
    const details = await commerce.setShippingInformation(cartId, {
      shippingAddress: address,
      carrierCode: 'amazon',
      methodCode: 'mfn',
    });
    expect(details.payment_methods.map((m) => m.code)).toContain('amazon');
    const orderId = await commerce.placeCartOrder(cartId, 'amazon');

    const order = await commerce.getOrder(orderId);
    expect(order.grand_total).toBe(new Big('12.34').times(2).plus('4.99').toFixed());
    expect(order.items[0]).toMatchObject({ sku, qty_ordered: 2, price: '12.34' });
    expect(await commerce.getSalableQuantity(sku, stock.stock_id)).toBe(salableBefore - 2);
    expect((await commerce.findOrderByIncrementId(order.increment_id ?? ''))?.entity_id).toBe(orderId);

    expect(await commerce.addOrderComment(orderId, { comment: 'Amazon order 111-1111111-1111111' })).toBe(true);
    expect((await commerce.getOrderComments(orderId)).map((c) => c.comment)).toContain(
      'Amazon order 111-1111111-1111111',
    );

    const itemId = order.items[0].item_id as number;
    const invoiceId = await commerce.createInvoice(orderId, { capture: false });
    const invoices = await commerce.searchInvoices(criteria().where('order_id', 'eq', orderId));
    expect(invoices.items.map((i) => i.entity_id)).toEqual([invoiceId]);

    const shipmentId = await commerce.createShipment(orderId, {
      items: [{ order_item_id: itemId, qty: 2 }],
      tracks: [{ track_number: '1Z999', title: 'UPS', carrier_code: 'ups' }],
    });
    const track = await commerce.addShipmentTrack({
      order_id: orderId,
      parent_id: shipmentId,
      track_number: '1Z1000',
      title: 'UPS',
      carrier_code: 'ups',
    });
    expect(track.parent_id).toBe(shipmentId);
    const shipments = await commerce.searchShipments(criteria().where('order_id', 'eq', orderId));
    expect(shipments.items[0].tracks.map((t) => t.track_number).sort()).toEqual(['1Z1000', '1Z999']);
    expect((await commerce.getOrder(orderId)).state).toBe('complete');

    const memoId = await commerce.createCreditMemo(orderId, {
      items: [{ order_item_id: itemId, qty: 1 }],
      shipping_amount: '0',
    });
    const memos = await commerce.searchCreditMemos(criteria().where('order_id', 'eq', orderId));
    expect(memos.items.map((m) => m.entity_id)).toEqual([memoId]);
    expect(memos.items[0].grand_total).toBe('12.34');
  });
});

describe('creating an order directly and cancelling it', () => {
  it('creates an order with Amazon figures, finds it by ext_order_id, and cancels it', async () => {
    const created = await commerce.createOrder({
      customer_email: 'buyer-2@marketplace.amazon.com',
      customer_firstname: 'Direct',
      customer_lastname: 'Buyer',
      ext_order_id: '222-2222222-2222222',
      store_id: 1,
      grand_total: '19.99',
      base_grand_total: '19.99',
      items: [{ sku, qty_ordered: 1, price: '19.99', name: 'Thing' }],
      billing_address: { ...address, address_type: 'billing' },
      payment: { method: 'checkmo', account_status: '', additional_information: [], cc_last4: '' },
    });
    expect(created.grand_total).toBe('19.99');
    const found = await commerce.findOrderByExtOrderId('222-2222222-2222222');
    expect(found?.entity_id).toBe(created.entity_id);
    expect(await commerce.cancelOrder(created.entity_id)).toBe(true);
    expect((await commerce.getOrder(created.entity_id)).state).toBe('canceled');
    let count = 0;
    for await (const o of commerce.iterateOrders(criteria().sortBy('entity_id'), 1)) count += o ? 1 : 0;
    expect(count).toBe((await commerce.searchOrders()).total_count);
  });

  it('creates and finds customers', async () => {
    const customer = await commerce.createCustomer({
      email: 'new.buyer@marketplace.amazon.com',
      firstname: 'New',
      lastname: 'Buyer',
      website_id: 1,
    });
    expect((await commerce.findCustomerByEmail('new.buyer@marketplace.amazon.com', 1))?.id).toBe(customer.id);
    await expect(
      commerce.createCustomer({
        email: 'new.buyer@marketplace.amazon.com',
        firstname: 'New',
        lastname: 'Buyer',
        website_id: 1,
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
