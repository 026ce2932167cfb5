import Big from 'big.js';
import fc from 'fast-check';
import {
  buildCreationPlan,
  cartPricing,
  decideCreation,
  orderFigures,
  parseAmazonOrder,
  type ProductMatches,
  totalsCheck,
} from '../../../src/core/orders';
import {
  DEFAULT_ORDER_SETTINGS,
  type OrderSettings,
  orderSettingsSchema,
} from '../../../src/core/settings/order-settings';

const parseOrderSettings = (input: unknown): OrderSettings => orderSettingsSchema.parse(input);
import { product, type RawItemInput, rawOrder } from './fixtures';

const createDecision = { kind: 'create', reserve: true, complete: false, reason: '' } as const;
const fbaDecision = { kind: 'create', reserve: false, complete: true, reason: '' } as const;
const caps = { cartCustomPrice: true };
const matchesFor = (items: RawItemInput[]): ProductMatches =>
  Object.fromEntries(items.map((i) => [i.sku, product(`C-${i.sku}`)]));

const cents = (max: number) => fc.integer({ min: 0, max }).map((n) => new Big(n).div(100).toFixed(2));
const itemArb = fc.record({
  sku: fc.constantFrom('A', 'B', 'C', 'D'),
  qty: fc.integer({ min: 1, max: 7 }),
  unit: cents(50_000),
  shipping: cents(2_000),
  itemTax: cents(5_000),
  shippingTax: cents(300),
  discount: cents(3_000),
});
const orderArb = fc
  .array(itemArb, { minLength: 1, maxLength: 5 })
  .map((items) => items.map((i, k) => ({ ...i, sku: `${i.sku}${k}` })));

describe('order figures and plans: totals equal Amazon to the cent', () => {
  it('property: lines + shipping − discount + tax = Amazon order total, on both paths', () => {
    fc.assert(
      fc.property(orderArb, (items) => {
        const order = parseAmazonOrder(rawOrder({ items }));
        const matches = matchesFor(items);
        const f = orderFigures(order, matches);
        const lines = f.lines.reduce((a, l) => a.plus(l.rowTotal), new Big(0));
        const recomputed = lines.plus(f.shipping).minus(f.discount).plus(f.tax);
        expect(recomputed.toFixed(2)).toBe(order.orderTotal);
        expect(f.grandTotal).toBe(order.orderTotal);
        // Independent of the parser: the raw proceeds add up to the same total.
        const raw = items.reduce(
          (a, i) =>
            a.plus(new Big(i.unit).times(i.qty)).plus(i.shipping).plus(i.itemTax).plus(i.shippingTax).minus(i.discount),
          new Big(0),
        );
        expect(raw.toFixed(2)).toBe(order.orderTotal);

        const plan = buildCreationPlan({
          order,
          settings: DEFAULT_ORDER_SETTINGS,
          matches,
          decision: createDecision,
          capabilities: caps,
        });
        if (plan.path === 'cart') {
          const cart = plan.items.reduce((a, i) => a.plus(new Big(i.customPrice).times(i.qty)), new Big(0));
          expect(cart.plus(plan.customAttributes.amazon_shipping_amount).toFixed(2)).toBe(order.orderTotal);
          for (const i of plan.items) expect(new Big(i.customPrice).toFixed(2)).toBe(i.customPrice);
          expect(new Big(plan.customAttributes.amazon_shipping_amount).gte(0)).toBe(true);
        } else {
          const e = plan.entity;
          const sumParts = new Big(e.subtotal as string)
            .plus(e.shipping_amount as string)
            .plus(e.discount_amount as string)
            .plus(e.tax_amount as string);
          expect(sumParts.toFixed(2)).toBe(e.grand_total);
        }
        const direct = buildCreationPlan({
          order,
          settings: DEFAULT_ORDER_SETTINGS,
          matches,
          decision: { ...createDecision, reserve: false },
          capabilities: caps,
        });
        expect(direct.path).toBe('direct');
        expect(direct.path === 'direct' && direct.entity.grand_total).toBe(order.orderTotal);
      }),
      { numRuns: 300 },
    );
  });

  it('cart pricing: Amazon unit prices, the rest (shipping + tax − promotions) on the amazon carrier', () => {
    const items = [
      { sku: 'A', qty: 2, unit: '12.50', shipping: '4.99', itemTax: '2.00', shippingTax: '0.40', discount: '1.00' },
    ];
    const f = orderFigures(parseAmazonOrder(rawOrder({ items })), matchesFor(items));
    expect(cartPricing(f)).toEqual({ items: [{ sku: 'C-A', qty: 2, customPrice: '12.50' }], carrierAmount: '6.39' });
  });

  it('cart pricing: moves promotions into the unit price when they exceed shipping and tax', () => {
    const items = [{ sku: 'A', qty: 3, unit: '10.00', discount: '10.00' }];
    const f = orderFigures(parseAmazonOrder(rawOrder({ items })), matchesFor(items));
    // 10.00 off 3 units: 3.33 per unit → 6.67 × 3 = 20.01 > 20.00, a negative carrier rate: the cart is refused
    expect(f.grandTotal).toBe('20.00');
    expect(cartPricing(f)).toBeUndefined();
    const even = [{ sku: 'A', qty: 2, unit: '10.00', discount: '5.00' }];
    const g = orderFigures(parseAmazonOrder(rawOrder({ items: even })), matchesFor(even));
    expect(cartPricing(g)).toEqual({ items: [{ sku: 'C-A', qty: 2, customPrice: '7.50' }], carrierAmount: '0.00' });
  });

  it('falls back to the direct path, without reservation and with a note, when the cart cannot carry the order', () => {
    const items = [{ sku: 'A', qty: 3, unit: '10.00', discount: '10.00' }];
    const plan = buildCreationPlan({
      order: parseAmazonOrder(rawOrder({ items })),
      settings: DEFAULT_ORDER_SETTINGS,
      matches: matchesFor(items),
      decision: createDecision,
      capabilities: caps,
    });
    expect(plan).toMatchObject({ path: 'direct', reserved: false });
    expect(plan.notes[0]).toContain('Stock not reserved');
    const noCustomPrice = buildCreationPlan({
      order: parseAmazonOrder(rawOrder()),
      settings: DEFAULT_ORDER_SETTINGS,
      matches: { 'SKU-1': product('SKU-1') },
      decision: createDecision,
      capabilities: { cartCustomPrice: false },
    });
    expect(noCustomPrice.path).toBe('direct');
    expect(noCustomPrice.notes[0]).toContain('does not accept cart custom prices');
  });
});

describe('buildCreationPlan', () => {
  const order = parseAmazonOrder(rawOrder({ orderId: '113-2000000-0000001' }));
  const matches = { 'SKU-1': product('COMMERCE-1', { productId: 42 }) };
  const plan = (
    settings: Partial<OrderSettings> & { storeViewId?: number },
    decision = createDecision as typeof createDecision | typeof fbaDecision,
    o = order,
  ) =>
    buildCreationPlan({
      order: o,
      settings: parseOrderSettings({ ...settings, storeViewId: undefined }),
      ...(settings.storeViewId !== undefined ? { storeViewId: settings.storeViewId } : {}),
      matches,
      decision,
      capabilities: caps,
      websiteId: 1,
    });

  it('cart path: custom price, custom attributes, amazon carrier mfn and payment, marker comment, reservation', () => {
    const p = plan({});
    expect(p.path).toBe('cart');
    if (p.path !== 'cart') return;
    expect(p.items).toEqual([{ sku: 'COMMERCE-1', qty: 2, customPrice: '12.50' }]);
    expect(p.customAttributes).toEqual({
      amazon_order_id: '113-2000000-0000001',
      amazon_marketplace_id: 'ATVPDKIKX0DER',
      amazon_fulfillment_channel: 'MFN',
      amazon_shipping_amount: '7.39',
    });
    expect(p).toMatchObject({ carrierCode: 'amazon', methodCode: 'mfn', paymentMethod: 'amazon', reserved: true });
    expect(p.comment).toContain('[amazon-order:113-2000000-0000001]');
    expect(p.comment).toContain('items 25.00, shipping 4.99, promotions -0.00, tax 2.40');
    expect(p.expected).toEqual({
      subtotal: '25.00',
      shipping: '7.39',
      discount: '0.00',
      tax: '0.00',
      grandTotal: '32.39',
    });
    expect(p.customer).toEqual({
      mode: 'guest',
      email: 'abc123@marketplace.amazon.com',
      firstname: 'Alex',
      lastname: 'Smith',
    });
  });

  it('custom status becomes a follow-up comment with that status; build_customer makes an account plan', () => {
    const p = plan({
      orderStatus: 'custom',
      processingOrderStatus: 'fraud',
      customerCreation: 'build_customer',
      storeViewId: 3,
    });
    expect(p.followUps).toContainEqual({ kind: 'comment', comment: expect.any(String), status: 'fraud' });
    expect(p.customer).toMatchObject({ mode: 'account', websiteId: 1, storeId: 3 });
  });

  it('FBA: direct, created Complete with every figure, Amazon number as increment id when asked', () => {
    const fba = parseAmazonOrder(
      rawOrder({
        orderId: '113-3000000-0000001',
        fulfilledBy: 'AMAZON',
        status: 'SHIPPED',
        buyer: null,
        address: null,
      }),
    );
    const p = plan({ orderNumberSource: 'amazon', customerCreation: 'build_customer' }, fbaDecision, fba);
    expect(p.path).toBe('direct');
    if (p.path !== 'direct') return;
    expect(p.entity).toMatchObject({
      increment_id: '113-3000000-0000001',
      ext_order_id: '113-3000000-0000001',
      state: 'complete',
      status: 'complete',
      customer_email: 'amazon+113-3000000-0000001@example.com',
      customer_is_guest: 1,
      subtotal: '25.00',
      shipping_amount: '4.99',
      tax_amount: '2.40',
      discount_amount: '0.00',
      grand_total: '32.39',
      payment: { method: 'amazon', account_status: '', cc_last4: '' },
    });
    expect(p.entity.items[0]).toMatchObject({
      sku: 'COMMERCE-1',
      product_id: 42,
      qty_ordered: 2,
      price: '12.50',
      qty_shipped: 2,
    });
    // Placeholder e-mails never get customer accounts.
    expect(p.customer.mode).toBe('guest');
    expect(p.followUps).toEqual([]);
  });

  it('requires a custom status value when Order Status is Custom', () => {
    expect(() => parseOrderSettings({ orderStatus: 'custom' })).toThrow(/processingOrderStatus/);
  });

  it('is reachable from decideCreation output', () => {
    const d = decideCreation(order, {
      settings: DEFAULT_ORDER_SETTINGS,
      storeConnectedAt: '2026-01-01T00:00:00Z',
      matches,
    });
    expect(d.kind).toBe('create');
  });
});

describe('totalsCheck', () => {
  const order = parseAmazonOrder(rawOrder());
  const matches = { 'SKU-1': product('C-1') };
  const p = buildCreationPlan({
    order,
    settings: DEFAULT_ORDER_SETTINGS,
    matches,
    decision: createDecision,
    capabilities: caps,
  });

  it('passes for an order Commerce created as planned', () => {
    const commerce = {
      order_currency_code: 'USD',
      grand_total: '32.39',
      subtotal: '25',
      shipping_amount: '7.39',
      tax_amount: 0,
      discount_amount: 0,
      items: [{ sku: 'C-1', qty_ordered: 2 }],
    };
    expect(totalsCheck(order, commerce, { matches, expected: p.expected })).toEqual({ ok: true, mismatches: [] });
  });

  it('reports each mismatch: currency, grand total, tax Commerce added, missing and extra lines', () => {
    const commerce = {
      order_currency_code: 'EUR',
      grand_total: 34.99,
      subtotal: '25.00',
      shipping_amount: '7.39',
      tax_amount: '2.60',
      discount_amount: null,
      items: [
        { sku: 'C-1', qty_ordered: 1 },
        { sku: 'X', qty_ordered: 1 },
      ],
    };
    const r = totalsCheck(order, commerce, { matches, expected: p.expected });
    expect(r.ok).toBe(false);
    expect(r.mismatches.map((m) => m.field)).toEqual([
      'currency',
      'grand_total',
      'tax_amount',
      'items.C-1.qty',
      'items.X.qty',
    ]);
    expect(r.mismatches[1].message).toBe('Grand total differs: Amazon 32.39, Commerce 34.99.');
  });
});
