import { XMLParser } from 'fast-xml-parser';
import {
  buildAdjustmentFeed,
  buildCancellationFeed,
  canCancelOnAmazon,
  commerceCancelAction,
  completionInvoice,
  confirmShipmentBodies,
  mapCarrier,
  newLedgerRecord,
  parseAmazonOrder,
  planAdjustment,
} from '../../../src/core/orders';
import { product, rawOrder } from './fixtures';

const xml = (s: string) => new XMLParser({ parseTagValue: false, ignoreAttributes: false }).parse(s);
const two = () =>
  parseAmazonOrder(
    rawOrder({
      orderId: '113-5',
      items: [
        { id: 'A1', sku: 'A', qty: 2, unit: '10.00', shipping: '3.00', itemTax: '1.60', shippingTax: '0.24' },
        { id: 'B1', sku: 'B', qty: 1, unit: '5.00', shipping: '1.00', itemTax: '0.40', shippingTax: '0.08' },
      ],
    }),
  );
const commerceItems = [
  { item_id: 11, sku: 'C-A', qty_ordered: 2 },
  { item_id: 12, sku: 'C-B', qty_ordered: 1 },
];
const matches = { A: product('C-A'), B: product('C-B') };

describe('shipment → confirmShipment', () => {
  it('maps carriers: known codes, custom titles, and Other with a name', () => {
    expect(mapCarrier('ups')).toEqual({ carrierCode: 'UPS' });
    expect(mapCarrier('custom', 'Royal Mail')).toEqual({ carrierCode: 'Royal Mail' });
    expect(mapCarrier('custom', 'Bob’s Couriers')).toEqual({ carrierCode: 'Other', carrierName: 'Bob’s Couriers' });
  });

  it('confirms a partial shipment as one package with Amazon item ids and the tracking number', () => {
    const d = confirmShipmentBodies(
      two(),
      {
        shipmentId: 501,
        createdAt: '2026-03-02T09:00:00Z',
        items: [{ order_item_id: 11, qty: 2 }],
        tracks: [{ track_number: '1Z999', carrier_code: 'ups', title: 'UPS Ground' }],
      },
      commerceItems,
      matches,
    );
    expect(d).toEqual({
      kind: 'confirm',
      warnings: [],
      bodies: [
        {
          marketplaceId: 'ATVPDKIKX0DER',
          packageDetail: {
            packageReferenceId: '501',
            carrierCode: 'UPS',
            shippingMethod: 'UPS Ground',
            trackingNumber: '1Z999',
            shipDate: '2026-03-02T09:00:00.000Z',
            orderItems: [{ orderItemId: 'A1', quantity: 2 }],
          },
        },
      ],
    });
  });

  it('waits for a tracking number, skips FBA, clamps to what is unshipped and warns about extra tracks', () => {
    const s = {
      shipmentId: 1,
      createdAt: '2026-03-02T09:00:00Z',
      items: [{ order_item_id: 12, qty: 3 }],
      tracks: [] as Array<{ track_number: string; carrier_code: string }>,
    };
    expect(confirmShipmentBodies(two(), s, commerceItems, matches)).toMatchObject({
      kind: 'skip',
      reason: expect.stringContaining('tracking number'),
    });
    const fba = parseAmazonOrder(rawOrder({ fulfilledBy: 'AMAZON', status: 'SHIPPED' }));
    expect(confirmShipmentBodies(fba, s, commerceItems).kind).toBe('skip');
    const d = confirmShipmentBodies(
      two(),
      {
        ...s,
        tracks: [
          { track_number: 'T1', carrier_code: 'usps' },
          { track_number: 'T2', carrier_code: 'usps' },
        ],
      },
      commerceItems,
      matches,
    );
    expect(d.kind === 'confirm' && d.bodies[0].packageDetail.orderItems).toEqual([{ orderItemId: 'B1', quantity: 1 }]);
    expect(d.kind === 'confirm' && d.warnings).toEqual([
      expect.stringContaining('Only 1 of 3'),
      expect.stringContaining('T2 not sent'),
    ]);
  });

  it('invoices (→ Complete) only once every open item has shipped', () => {
    expect(
      completionInvoice([
        { ...commerceItems[0], qty_shipped: 2 },
        { ...commerceItems[1], qty_shipped: 0 },
      ]),
    ).toBeUndefined();
    expect(
      completionInvoice([
        { ...commerceItems[0], qty_shipped: 2 },
        { ...commerceItems[1], qty_shipped: 0, qty_canceled: 1 },
      ]),
    ).toEqual([{ order_item_id: 11, qty: 2 }]);
    expect(
      completionInvoice([
        { ...commerceItems[0], qty_shipped: 2, qty_invoiced: 2 },
        { ...commerceItems[1], qty_shipped: 1, qty_invoiced: 1 },
      ]),
    ).toBeUndefined();
  });
});

describe('cancellation', () => {
  it('only Unshipped merchant-fulfilled orders can be canceled here', () => {
    expect(canCancelOnAmazon(two())).toEqual({ ok: true });
    expect(canCancelOnAmazon(parseAmazonOrder(rawOrder({ status: 'SHIPPED' })))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('returns'),
    });
    expect(canCancelOnAmazon(parseAmazonOrder(rawOrder({ status: 'PENDING', pending: true })))).toMatchObject({
      ok: false,
    });
    expect(canCancelOnAmazon(parseAmazonOrder(rawOrder({ status: 'PARTIALLY_SHIPPED' })))).toMatchObject({ ok: false });
  });

  it('builds the acknowledgement feed with StatusCode Failure and a CancelReason per item', () => {
    const doc = xml(
      buildCancellationFeed({
        merchantIdentifier: 'A1DEMOSELLER0001',
        orders: [{ order: two(), reason: 'NoInventory' }],
      }),
    );
    expect(doc.AmazonEnvelope.Header.MerchantIdentifier).toBe('A1DEMOSELLER0001');
    expect(doc.AmazonEnvelope.MessageType).toBe('OrderAcknowledgement');
    expect(doc.AmazonEnvelope.Message.OrderAcknowledgement).toEqual({
      AmazonOrderID: '113-5',
      StatusCode: 'Failure',
      Item: [
        { AmazonOrderItemCode: 'A1', CancelReason: 'NoInventory' },
        { AmazonOrderItemCode: 'B1', CancelReason: 'NoInventory' },
      ],
    });
    expect(() =>
      buildCancellationFeed({ merchantIdentifier: 'S', orders: [{ order: two(), reason: 'Whim' as never }] }),
    ).toThrow(/CancelReason/);
    expect(() =>
      buildCancellationFeed({
        merchantIdentifier: 'S',
        orders: [{ order: parseAmazonOrder(rawOrder({ status: 'SHIPPED' })), reason: 'NoInventory' }],
      }),
    ).toThrow(/cannot be canceled/);
  });

  it('Amazon-side cancel → cancel the Commerce order (Canceled, reservation released); partial → merchant', () => {
    const rec = {
      ...newLedgerRecord('113-5', 's', '2026-01-01T00:00:00Z'),
      status: 'created' as const,
      commerceOrderId: 9,
      reserved: true,
    };
    const canceled = parseAmazonOrder(
      rawOrder({ status: 'CANCELLED', items: [{ sku: 'A', qty: 1, unit: '1', canceled: true }] }),
    );
    expect(commerceCancelAction(canceled, rec)).toEqual({
      kind: 'cancel',
      commerceOrderId: 9,
      releasesReservation: true,
      comment: 'Canceled on Amazon (BuyerCanceled).',
    });
    expect(commerceCancelAction(canceled, undefined).kind).toBe('none');
    expect(commerceCancelAction(canceled, { ...rec, status: 'canceled' }).kind).toBe('none');
    const partial = parseAmazonOrder(
      rawOrder({
        items: [
          { sku: 'A', qty: 1, unit: '1' },
          { sku: 'B', qty: 1, unit: '1', canceled: true },
        ],
      }),
    );
    expect(commerceCancelAction(partial, rec)).toMatchObject({ kind: 'manual', reason: expect.stringContaining('B') });
  });
});

describe('refunds → payment adjustment feed', () => {
  const shipped = () => {
    const o = two();
    return { ...o, status: 'SHIPPED' as const };
  };

  it('refunds principal, tax, shipping and shipping tax pro rata per line', () => {
    const plan = planAdjustment(shipped(), {
      items: [{ orderItemId: 'A1', qty: 1 }],
      shippingAmount: '3.00',
      reason: 'CustomerReturn',
    });
    expect(plan.items).toEqual([
      {
        orderItemId: 'A1',
        reason: 'CustomerReturn',
        components: [
          { type: 'Principal', amount: '10.00' },
          { type: 'Tax', amount: '0.80' },
          { type: 'Shipping', amount: '3.00' },
          { type: 'ShippingTax', amount: '0.24' },
        ],
      },
    ]);
    expect(plan.total).toBe('14.04');
    const doc = xml(buildAdjustmentFeed('S1', shipped(), plan));
    const item = doc.AmazonEnvelope.Message.OrderAdjustment.AdjustedItem;
    expect(doc.AmazonEnvelope.MessageType).toBe('OrderAdjustment');
    expect(item.AmazonOrderItemCode).toBe('A1');
    expect(item.ItemPriceAdjustments.Component[0]).toEqual({
      Type: 'Principal',
      Amount: { '#text': '10.00', '@_currency': 'USD' },
    });
  });

  it('caps at what is left, reports what cannot be sent, and refuses unshipped orders', () => {
    const plan = planAdjustment(
      shipped(),
      {
        items: [{ orderItemId: 'B1', qty: 1 }],
        shippingAmount: '5.00',
        adjustmentPositive: '2.00',
        reason: 'GeneralAdjustment',
      },
      { B1: '5.00' },
    );
    expect(plan.total).toBe('1.48');
    expect(plan.notSent).toEqual([
      expect.stringContaining('above Amazon'),
      expect.stringContaining('Principal of B1 capped'),
      'Tax of B1 capped: already refunded on Amazon.',
      'Shipping of B1 capped: already refunded on Amazon.',
      'ShippingTax of B1 capped: already refunded on Amazon.',
      'Adjustment refund 2.00 has no Amazon line: refund it in Seller Central.',
    ]);
    expect(() => planAdjustment(two(), { items: [{ orderItemId: 'A1', qty: 1 }], reason: 'CustomerReturn' })).toThrow(
      /cancel unshipped/,
    );
  });
});
