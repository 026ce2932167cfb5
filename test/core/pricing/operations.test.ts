import { parse } from 'csv-parse/sync';
import {
  applyGuardrails,
  compilePricing,
  describeRuleForms,
  describeTrace,
  dryRunCsv,
  dryRunPricing,
  guardrailSettingsSchema,
  itemConditionFromAmazon,
  localDay,
  marketplaceTimeZone,
  pricingRuleSchema,
} from '../../../src/core/pricing';
import { intelligent, offer, OUR_SELLER, rule, settings, standard, TODAY } from './fixtures';

const run = (rules = [rule(standard('decrease', 'percent', '10'))], over = {}) =>
  compilePricing({ settings: settings(over), rules, catalog: {}, ourSellerIds: [OUR_SELLER], today: TODAY });

describe('pipeline decisions', () => {
  it('an override beats rules, MAP and VAT; business price still follows it', () => {
    const result = run(undefined, {
      mapAttribute: 'map_price',
      vatEnabled: true,
      vatPercent: '20',
      business: { enabled: true },
    }).priceOffer(offer({ overridePrice: '5.00', prices: { price: '10.00', map_price: '9.00' } }));
    expect(result).toMatchObject({ price: '5.00', businessPrice: '5.00', hardMinimumMinor: 0 });
    expect(result.trace.steps[0]).toEqual({ kind: 'override', price: 500 });
  });

  it('special price applies inside its window only and only on Price', () => {
    const special = (from: string, to: string) =>
      offer({
        prices: { price: '20.00', special_price: '15.00' },
        product: { ...offer().product, attributes: { special_from_date: from, special_to_date: to } },
      });
    expect(run([]).priceOffer(special('2026-03-01 00:00:00', '2026-03-15 00:00:00')).price).toBe('15.00');
    expect(run([]).priceOffer(special('2026-03-16', '2026-04-01')).price).toBe('20.00');
  });

  it('standard prices get VAT at the end; MAP is raised before VAT', () => {
    const result = run([rule(standard('decrease', 'percent', '50'))], {
      mapAttribute: 'map_price',
      vatEnabled: true,
      vatPercent: '10.2',
    }).priceOffer(offer({ prices: { price: '10.00', map_price: '8.00' } }));
    expect(result.price).toBe('8.82');
    expect(result.trace.bounds).toEqual([{ bound: 'map', limit: 800, before: 500, after: 800 }]);
  });

  it('an intelligent rule is skipped without competitors and a lower standard rule still applies (decision #5)', () => {
    const rules = [
      rule(intelligent(), { id: 'I', priority: 1, discardSubsequent: true }),
      rule(standard('decrease', 'fixed', '1'), { id: 'S', priority: 2 }),
    ];
    const result = run(rules).priceOffer(
      offer({ competitors: [{ sellerId: OUR_SELLER, condition: 'new', price: '8.00' }] }),
    );
    expect(result.price).toBe('9.00');
    expect(result.trace.steps[1]).toEqual({ kind: 'rule', ruleId: 'I', outcome: 'skipped', reason: 'no_competitor' });
  });

  it('matching-only mode with no same-condition offer keeps the source price', () => {
    const r = rule(intelligent({ conditionMode: 'matching_only' }));
    const result = run([r]).priceOffer(
      offer({ condition: 'used_good', competitors: [{ sellerId: 'X', condition: 'new', price: '30.00' }] }),
    );
    expect(result.price).toBe('10.00');
    expect(result.trace.steps[1]).toMatchObject({ reason: 'no_matching_condition' });
  });

  it('inactive and out-of-date rules are skipped with a reason; unpriceable offers say why', () => {
    const rules = [
      rule(standard('decrease', 'percent', '10'), { id: 'off', active: false }),
      rule(standard('decrease', 'percent', '10'), { id: 'later', fromDate: '2026-03-16' }),
      rule(standard('decrease', 'percent', '10'), { id: 'today', fromDate: '2026-03-15', toDate: '2026-03-15' }),
    ];
    const result = run(rules).priceOffer(offer());
    expect(result.price).toBe('9.00');
    expect(describeTrace(result.trace)).toEqual([
      'price source price (default) = 10.00 → 10.00 USD',
      'rule off skipped: inactive',
      'rule later skipped: outside_dates',
      'rule today (standard) 10.00 USD → 9.00 USD',
    ]);
    expect(run([]).priceOffer(offer({ prices: {} }))).toMatchObject({
      status: 'unpriceable',
      reason: 'no_source_price',
    });
    expect(run([rule(standard('decrease', 'fixed', '20'))]).priceOffer(offer())).toMatchObject({
      reason: 'non_positive_price',
    });
  });

  it('MSRP is the strike-through list price only when above the price', () => {
    const engine = run([], { msrpAttribute: 'msrp' });
    expect(engine.priceOffer(offer({ prices: { price: '10.00', msrp: '12.00' } })).listPrice).toBe('12.00');
    expect(engine.priceOffer(offer({ prices: { price: '10.00', msrp: '9.00' } })).listPrice).toBeNull();
  });

  it('business tiers take % off the business price', () => {
    const business = {
      enabled: true,
      tieredEnabled: true,
      tiers: [
        { minQty: 5, percentOff: '5' },
        { minQty: 10, percentOff: '10' },
      ],
    };
    const result = run([], { business }).priceOffer(offer({ price: '20.00' }));
    expect(result.businessTiers).toEqual([
      { minQty: 5, price: '19.00' },
      { minQty: 10, price: '18.00' },
    ]);
  });
});

describe('validation and forms', () => {
  it('names the field of a bad rule', () => {
    const bad = pricingRuleSchema().safeParse({
      ...rule(standard('decrease', 'percent', '120')),
      discardSubsequent: true,
      priority: null,
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['action.amount', 'priority']);
    const variance = pricingRuleSchema().safeParse(
      rule(intelligent({ conditionMode: 'variance', variances: { new: '90', used_good: '150' } })),
    );
    expect(variance.error!.issues.map((i) => i.message)).toEqual([
      'New Condition Variance is fixed at 100',
      'variance must be 1–100',
    ]);
    expect(() => run([rule(standard('decrease', 'percent', 'ten'))])).toThrow();
  });

  it('describes both rule forms serialisably', () => {
    const forms = describeRuleForms();
    expect(forms.map((f) => f.code)).toEqual(['standard', 'intelligent']);
    expect(forms[1].sections.map((s) => s.title)).toEqual([
      'Select Rule Type',
      'Competitor Conditional Variances',
      'Price Adjustment',
      'Floor Price',
      'Optional Ceiling Price',
    ]);
    expect(JSON.parse(JSON.stringify(forms))).toEqual(forms);
  });

  it('maps Amazon conditions and computes the marketplace day', () => {
    expect(itemConditionFromAmazon('Used', 'VeryGood')).toBe('used_very_good');
    expect(itemConditionFromAmazon('new_new')).toBe('new');
    expect(itemConditionFromAmazon('Collectible', 'Mint')).toBe('collectible_like_new');
    expect(itemConditionFromAmazon('Club')).toBeUndefined();
    expect(marketplaceTimeZone('A1VC38T7YXB528')).toBe('Asia/Tokyo');
    expect(localDay(Date.parse('2026-03-15T16:00:00Z'), 'Asia/Tokyo')).toBe('2026-03-16');
    expect(localDay(Date.parse('2026-03-15T06:00:00Z'), marketplaceTimeZone('ATVPDKIKX0DER'))).toBe('2026-03-14');
  });
});

describe('guardrails', () => {
  const now = Date.parse('2026-03-15T12:00:00Z');
  const base = { currency: 'USD', lastSent: '20.00', todaysChanges: [], now };
  const guard = (over = {}) => guardrailSettingsSchema.parse(over);

  it('kill switch and cooldown hold the change with a reason', () => {
    expect(applyGuardrails({ ...base, proposed: '19.00', settings: guard({ killSwitch: true }) })).toMatchObject({
      decision: 'hold',
      reason: 'kill_switch',
    });
    const recent = [{ at: now - 5 * 60_000, from: '21.00', to: '20.00' }];
    expect(
      applyGuardrails({ ...base, proposed: '19.00', todaysChanges: recent, settings: guard({ cooldownMinutes: 15 }) }),
    ).toMatchObject({
      decision: 'hold',
      reason: 'cooldown',
      message: 'last change 5 min ago; next allowed in 10 min',
    });
  });

  it('limits the step and the daily move, but never holds a price below the hard minimum', () => {
    expect(applyGuardrails({ ...base, proposed: '10.00', settings: guard({ maxStepPercent: '5' }) })).toEqual({
      decision: 'send',
      price: '19.00',
      limitedBy: ['max_step'],
      forcedByMinimum: false,
    });
    const day = [{ at: now - 3600_000, from: '22.00', to: '20.00' }];
    expect(
      applyGuardrails({ ...base, proposed: '15.00', todaysChanges: day, settings: guard({ maxDailyPercent: '10' }) }),
    ).toMatchObject({
      decision: 'send',
      price: '19.80',
    });
    expect(
      applyGuardrails({
        ...base,
        proposed: '15.00',
        todaysChanges: [{ at: now - 3600_000, from: '20.20', to: '20.00' }],
        settings: guard({ maxDailyPercent: '1' }),
      }),
    ).toMatchObject({
      decision: 'hold',
      reason: 'max_daily',
    });
    expect(
      applyGuardrails({
        ...base,
        lastSent: '10.00',
        proposed: '18.00',
        hardMinimum: '17.00',
        settings: guard({ maxStepPercent: '5', cooldownMinutes: 60 }),
      }),
    ).toEqual({ decision: 'send', price: '17.00', limitedBy: ['max_step'], forcedByMinimum: true });
    expect(applyGuardrails({ ...base, proposed: '20.00', settings: guard() })).toEqual({
      decision: 'unchanged',
      price: '20.00',
    });
    expect(
      applyGuardrails({ ...base, lastSent: null, proposed: '20.00', settings: guard({ maxStepPercent: '1' }) }),
    ).toMatchObject({ decision: 'send' });
  });
});

describe('dry run', () => {
  it('reports changes, bounds and a CSV of every row', () => {
    const rules = [
      rule(
        intelligent({ floor: { attribute: 'cost', action: 'match' }, ceiling: { attribute: 'msrp', action: 'match' } }),
        { id: 'I' },
      ),
    ];
    const offers = [
      offer({
        sku: 'A',
        currentPrice: '10.00',
        prices: { price: '10.00', cost: '8.00', msrp: '12' },
        competitors: [{ sellerId: 'X', condition: 'new', price: '9.00' }],
      }),
      offer({
        sku: 'B',
        currentPrice: '10.00',
        prices: { price: '10.00', cost: '8.00', msrp: '12' },
        competitors: [{ sellerId: 'X', condition: 'new', price: '5.00' }],
      }),
      offer({
        sku: 'C',
        currentPrice: '10.00',
        prices: { price: '10.00', cost: '8.00', msrp: '12' },
        competitors: [{ sellerId: 'X', condition: 'new', price: '30.00' }],
      }),
      offer({ sku: 'D', currentPrice: '10.00', prices: { price: '10.00', cost: '8.00' } }),
      offer({ sku: 'E', prices: {} }),
    ];
    const report = dryRunPricing(
      { settings: settings(), rules, catalog: {}, ourSellerIds: [OUR_SELLER], today: TODAY },
      offers,
    );
    expect(report).toMatchObject({
      total: 5,
      priced: 4,
      unpriceable: 1,
      changed: 3,
      unchanged: 1,
      minChange: '-2.00',
      maxChange: '2.00',
      meanChange: '-0.25',
      hitFloor: ['B'],
      hitCeiling: ['C'],
    });
    const rows = parse(dryRunCsv(report), { columns: true });
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual({
      sku: 'B',
      status: 'priced',
      reason: '',
      current_price: '10.00',
      new_price: '8.00',
      change: '-2.00',
      change_percent: '-20.00',
      rules_applied: 'I',
      bounds: 'floor',
    });
  });
});
