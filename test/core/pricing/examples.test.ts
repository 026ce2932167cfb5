import { compilePricing, type PricingOffer, type PricingRule } from '../../../src/core/pricing';
import { attributeIs, intelligent, offer, OUR_SELLER, rule, settings, standard, TODAY } from './fixtures';

/** Every worked example of SPEC 3.3 and 5.2–5.6, with its exact figures. */
const priceWith = (rules: PricingRule[], o: PricingOffer, over = {}) =>
  compilePricing({
    settings: settings(over),
    rules,
    catalog: CATALOG,
    ourSellerIds: [OUR_SELLER],
    today: TODAY,
  }).priceOffer(o);

const CATALOG = {
  sale: { code: 'sale', label: 'On Sale', frontendInput: 'boolean' as const, usedForPromoRules: true },
};

describe('SPEC 3.3 price priority (website walk, decision #16)', () => {
  const websites = [
    { code: 'store1', sortOrder: 1 },
    { code: 'store2', sortOrder: 2 },
  ];
  const base = { websiteCode: 'store1', websites };

  it('Default $31.99, Store1 $24.99 with its own value → $24.99', () => {
    const o = offer({ prices: { price: { default: '31.99', websites: { store1: '24.99' } } } });
    expect(priceWith([], o, base).price).toBe('24.99');
  });

  it('Store1 uses Default, Store2 $27.99 → $27.99', () => {
    const o = offer({ prices: { price: { default: '31.99', websites: { store1: null, store2: '27.99' } } } });
    const result = priceWith([], o, base);
    expect(result.price).toBe('27.99');
    expect(result.trace.steps[0]).toMatchObject({ kind: 'source', scope: 'store2' });
  });

  it('price source = another attribute: Store1 none, Store2 $20.00 → $20.00', () => {
    const o = offer({ prices: { price: '31.99', amazon_price: { websites: { store2: '20.00' } } } });
    expect(priceWith([], o, { ...base, priceSource: 'amazon_price' }).price).toBe('20.00');
  });

  it('falls back to Price when the source attribute is empty everywhere', () => {
    const o = offer({ prices: { price: '31.99', amazon_price: { default: null } } });
    const result = priceWith([], o, { ...base, priceSource: 'amazon_price' });
    expect(result.price).toBe('31.99');
    expect(result.trace.steps[0]).toMatchObject({ attribute: 'price', fellBackToPrice: true });
  });
});

describe('SPEC 5.2 priority and Discard Subsequent Rules', () => {
  const saleOnly = attributeIs('sale', '1');
  const rules = [
    rule(standard('decrease', 'percent', '5'), { id: 'R3', priority: 3 }),
    rule(standard('decrease', 'fixed', '2'), { id: 'R2', priority: 2, discardSubsequent: true, conditions: saleOnly }),
    rule(standard('decrease', 'percent', '10'), { id: 'R1', priority: 1, conditions: saleOnly }),
  ];

  it('sale products get R1 then R2 and not R3: $50 → $45 → $43', () => {
    const result = priceWith(
      rules,
      offer({ price: '50.00', product: { ...offer().product, attributes: { sale: true } } }),
    );
    expect(result.price).toBe('43.00');
    expect(result.trace.steps.filter((s) => s.kind === 'rule')).toEqual([
      expect.objectContaining({ ruleId: 'R1', outcome: 'applied', before: 5000, after: 4500 }),
      expect.objectContaining({ ruleId: 'R2', outcome: 'applied', before: 4500, after: 4300 }),
      expect.objectContaining({ ruleId: 'R3', outcome: 'skipped', reason: 'discarded', discardedBy: 'R2' }),
    ]);
  });

  it('other products get only R3: $50 → $47.50', () => {
    const result = priceWith(
      rules,
      offer({ price: '50.00', product: { ...offer().product, attributes: { sale: false } } }),
    );
    expect(result.price).toBe('47.50');
  });
});

describe('SPEC 5.3 conditions: Category is 4 (Books) with a 25% decrease', () => {
  const books = rule(standard('decrease', 'percent', '25'), {
    conditions: {
      type: 'combine',
      aggregator: 'all',
      value: true,
      conditions: [{ type: 'category', args: { operator: 'is', value: ['4'] } }],
    },
  });
  it('a book at $20 → $15; a non-book stays $20', () => {
    const book = offer({ price: '20.00', product: { ...offer().product, categoryIds: [2, 4] } });
    expect(priceWith([books], book).price).toBe('15.00');
    expect(priceWith([books], offer({ price: '20.00' })).price).toBe('20.00');
  });
});

describe('SPEC 5.4 standard rules stack', () => {
  const rules = [
    rule(standard('decrease', 'percent', '10'), { priority: 1 }),
    rule(standard('decrease', 'fixed', '10'), { priority: 2 }),
  ];
  it.each([
    ['45.49', '30.94'],
    ['47.76', '32.98'],
  ])('%s → %s', (source, expected) => {
    expect(priceWith(rules, offer({ price: source })).price).toBe(expected);
  });
  it('shows the intermediate figure $40.94', () => {
    const step = priceWith(rules, offer({ price: '45.49' })).trace.steps.find((s) => s.kind === 'rule');
    expect(step).toMatchObject({ before: 4549, after: 4094 });
  });
});

describe('SPEC 5.5 conditional variance formula', () => {
  it('BMP $7.99 New, own Used; Good at 80 → $6.39', () => {
    const r = rule(
      intelligent({
        conditionMode: 'variance',
        variances: { new: '100', used_good: '80' },
        floor: { attribute: 'cost', action: 'match' },
      }),
    );
    const o = offer({
      condition: 'used_good',
      prices: { price: '10.00', cost: '1.00' },
      competitors: [{ sellerId: 'X', condition: 'new', price: '7.99', feedbackPercent: 99, feedbackCount: 10 }],
    });
    const result = priceWith([r], o);
    expect(result.price).toBe('6.39');
    expect(result.trace.steps[1]).toMatchObject({ competitor: { varianceBase: 639, fallbackFrom: 'used_good' } });
  });
});

describe('SPEC 5.6 intelligent rule worked examples', () => {
  const buyBox = (price: string) => ({ sellerId: 'COMPETITOR', condition: 'new' as const, price });

  it.each([
    ['15.00', '10.00', '15.00'],
    ['5.00', '10.00', '10.00'],
  ])('1. Buy Box, floor = Price match: price %s, Buy Box %s → %s', (price, box, expected) => {
    const r = rule(intelligent({ competitorSource: 'buy_box' }));
    expect(priceWith([r], offer({ price, buyBox: buyBox(box) })).price).toBe(expected);
  });

  it.each([
    ['20.00', '16.00'],
    ['15.00', '15.00'],
    ['17.00', '15.00'],
  ])('2. floor = Price −20%%: price %s, Buy Box $15 → %s', (price, expected) => {
    const r = rule(
      intelligent({ competitorSource: 'buy_box', floor: { attribute: 'price', action: 'decrease', percent: '20' } }),
    );
    expect(priceWith([r], offer({ price, buyBox: buyBox('15.00') })).price).toBe(expected);
  });

  it('2. the floor of $17 is $13.60', () => {
    const r = rule(
      intelligent({ competitorSource: 'buy_box', floor: { attribute: 'price', action: 'decrease', percent: '20' } }),
    );
    const step = priceWith([r], offer({ price: '17.00', buyBox: buyBox('15.00') })).trace.steps[1];
    expect(step).toMatchObject({ floor: 1360 });
  });

  const competitors = [
    { sellerId: 'A', condition: 'new' as const, price: '17.00' },
    { sellerId: 'B', condition: 'new' as const, price: '15.00' },
    { sellerId: 'C', condition: 'used_very_good' as const, price: '14.00' },
    { sellerId: 'D', condition: 'used_good' as const, price: '13.00' },
  ];
  it('3. lowest, all conditions: own New at $10 → $15 (lowest New)', () => {
    expect(priceWith([rule(intelligent())], offer({ price: '10.00', competitors })).price).toBe('15.00');
  });
  it('3. own Used; Acceptable at $10 → $13 (nearest Used, decision #4)', () => {
    const result = priceWith(
      [rule(intelligent())],
      offer({ price: '10.00', condition: 'used_acceptable', competitors }),
    );
    expect(result.price).toBe('13.00');
    expect(result.trace.steps[1]).toMatchObject({
      competitor: { condition: 'used_good', fallbackFrom: 'used_acceptable' },
    });
  });

  const ceilingRule = (id: string) =>
    rule(
      intelligent({
        competitorSource: 'buy_box',
        floor: { attribute: 'cost', action: 'match' },
        ceiling: { attribute: 'msrp', action: 'match' },
      }),
      { id, priority: 1 },
    );
  const euOffer = () => offer({ prices: { price: '9.00', cost: '4.00', msrp: '10.00' }, buyBox: buyBox('20.00') });
  const eu = {
    sourceCurrency: 'USD',
    marketplaceCurrency: 'EUR',
    currencyRate: '1.25',
    vatEnabled: true,
    vatPercent: '10',
  };

  it('4. ceiling $10 × 1.25 = $12.50 is hit, so VAT 10% is added → $13.75', () => {
    const result = priceWith([ceilingRule('I')], euOffer(), eu);
    expect(result.price).toBe('13.75');
    expect(result.trace.bounds).toEqual([expect.objectContaining({ bound: 'ceiling', limit: 1250 })]);
    expect(result.trace.steps[2]).toMatchObject({ vatAdded: true, after: 1375 });
  });

  it('5. a standard +$5 rule stacked after the intelligent one → $18.75', () => {
    const rules = [ceilingRule('I'), rule(standard('increase', 'fixed', '5'), { id: 'S', priority: 2 })];
    const result = priceWith(rules, euOffer(), eu);
    expect(result.price).toBe('18.75');
    expect(result.trace.steps.some((s) => s.kind === 'vat')).toBe(false);
  });

  it('6. lowest among 95%/1000+ competitors is $25, decrease $0.01 → $24.99', () => {
    const r = rule(
      intelligent({
        minFeedbackPercent: 95,
        minFeedbackCount: 1000,
        adjustment: { action: 'decrease', apply: 'fixed', amount: '0.01' },
        floor: { attribute: 'cost', action: 'increase', percent: '5' },
      }),
    );
    const o = offer({
      prices: { price: '30.00', cost: '5.00' },
      competitors: [
        { sellerId: 'LOWRATED', condition: 'new', price: '20.00', feedbackPercent: 90, feedbackCount: 5000 },
        { sellerId: 'FEW', condition: 'new', price: '21.00', feedbackPercent: 99, feedbackCount: 999 },
        { sellerId: 'GOOD', condition: 'new', price: '25.00', feedbackPercent: 95, feedbackCount: 1000 },
        { sellerId: 'GOOD2', condition: 'new', price: '26.00', feedbackPercent: 98, feedbackCount: 3000 },
      ],
    });
    const result = priceWith([r], o);
    expect(result.price).toBe('24.99');
    expect(result.trace.steps[1]).toMatchObject({ competitor: { excludedFeedback: 2, considered: 2 }, floor: 525 });
  });

  it('floor example: Cost $5 increased by 5% → floor $5.25 holds against a $4 competitor', () => {
    const r = rule(intelligent({ floor: { attribute: 'cost', action: 'increase', percent: '5' } }));
    const o = offer({
      prices: { price: '9.00', cost: '5.00' },
      competitors: [{ sellerId: 'X', condition: 'new', price: '4.00' }],
    });
    const result = priceWith([r], o);
    expect(result.price).toBe('5.25');
    expect(result.trace.bounds[0]).toMatchObject({ bound: 'floor', limit: 525 });
  });
});
