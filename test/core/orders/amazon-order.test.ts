import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZodError } from 'zod';
import { parseAmazonOrder, parseGetOrderResponse, parseSearchOrdersResponse } from '../../../src/core/orders';
import { rawOrder } from './fixtures';

const model = JSON.parse(readFileSync(join(__dirname, '../../../models/sp-api/orders_2026-01-01.json'), 'utf8'));
const examples = (path: string) =>
  (model.paths[path].get.responses['200']['x-amzn-api-sandbox'].static as Array<{ response: unknown }>).map(
    (e) => e.response,
  );

describe('parseAmazonOrder', () => {
  it('parses every sandbox example of the official model (searchOrders and getOrder)', () => {
    for (const res of examples('/orders/2026-01-01/orders'))
      expect(parseSearchOrdersResponse(res).orders.length).toBeGreaterThan(0);
    const order = parseGetOrderResponse(examples('/orders/2026-01-01/orders/{orderId}')[0]);
    expect(order).toMatchObject({
      orderId: '171-9876543-2109876',
      status: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      currency: 'BRL',
      orderTotal: '299.90',
      buyer: { name: 'Maria Silva Santos' },
    });
    expect(order.items[0]).toMatchObject({
      sku: 'ECHO-DOT-4-BR-PRETO',
      unitPrice: '299.90',
      giftMessage: expect.any(String),
    });
  });

  it('keeps money exact as decimal strings and splits tax into item and shipping tax', () => {
    const o = parseAmazonOrder(
      rawOrder({
        items: [
          { sku: 'A', qty: 3, unit: '0.10', shipping: '0.20', itemTax: '0.03', shippingTax: '0.01', discount: '0.05' },
        ],
      }),
    );
    expect(o.items[0].charges).toEqual({
      principal: '0.30',
      itemTax: '0.03',
      shipping: '0.20',
      shippingTax: '0.01',
      otherCharges: '0.00',
      discount: '0.05',
    });
    // 0.30 + 0.20 − 0.05 + 0.04 (a float sum would give 0.49000000000000005)
    expect(o.orderTotal).toBe('0.49');
  });

  it('leaves canceled lines out of the order total', () => {
    const o = parseAmazonOrder(
      rawOrder({
        items: [
          { sku: 'A', qty: 1, unit: '10.00' },
          { sku: 'B', qty: 1, unit: '5.00', canceled: true },
        ],
      }),
    );
    expect(o.orderTotal).toBe('10.00');
    expect(o.items[1].canceled).toEqual({ by: 'BUYER', reason: 'BuyerCanceled' });
  });

  it('has no total while Amazon withholds pricing (Pending)', () => {
    const o = parseAmazonOrder(rawOrder({ status: 'PENDING', pending: true }));
    expect(o.orderTotal).toBeUndefined();
    expect(o.items[0].charges).toBeUndefined();
  });

  it('uses whole yen for JPY', () => {
    const raw = rawOrder({ items: [{ sku: 'J', qty: 2, unit: '5980', currency: 'JPY' }] });
    expect(parseAmazonOrder(raw).orderTotal).toBe('11960');
  });

  it('rejects bad input with an error naming the field', () => {
    const bad = rawOrder();
    (bad.orderItems as Array<Record<string, unknown>>)[0].quantityOrdered = 'two';
    expect(() => parseAmazonOrder(bad)).toThrow(ZodError);
    try {
      parseAmazonOrder(bad);
    } catch (e) {
      expect((e as ZodError).issues[0].path).toEqual(['orderItems', 0, 'quantityOrdered']);
    }
    expect(() => parseAmazonOrder({ ...rawOrder(), fulfillment: { fulfillmentStatus: 'LOST' } })).toThrow(
      /fulfillmentStatus/,
    );
  });

  it('reads buyer-requested cancellation and marketplace-facilitator tax', () => {
    const raw = rawOrder();
    const item = (raw.orderItems as Array<Record<string, unknown>>)[0];
    item.cancellation = { cancellationRequest: { requester: 'BUYER', cancelReason: 'Order placed by mistake' } };
    item.tax = { taxCollections: [{ model: 'MarketplaceFacilitator' }] };
    const o = parseAmazonOrder(raw);
    expect(o.items[0].buyerCancelRequest).toEqual({ reason: 'Order placed by mistake' });
    expect(o.items[0].canceled).toBeUndefined();
    expect(o.items[0].marketplaceFacilitatorTax).toBe(true);
  });
});
