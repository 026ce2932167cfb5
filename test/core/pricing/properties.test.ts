import fc from 'fast-check';
import { formatScaled, parseScaled } from '../../../src/core/money';
import {
  applyGuardrails,
  compilePricing,
  ITEM_CONDITIONS,
  type PricingOffer,
  type PricingRule,
} from '../../../src/core/pricing';
import { intelligent, offer, OUR_SELLER, rule, settings, standard, TODAY } from './fixtures';

/** Invariants of the engine and guardrails over generated catalogues. */
const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => formatScaled(c, 2));
const condition = fc.constantFrom(...ITEM_CONDITIONS);
const competitor = fc.record({
  sellerId: fc.constantFrom('S1', 'S2', 'S3', 'S4', OUR_SELLER),
  condition,
  price: cents(1, 50_000),
  shipping: cents(0, 1_000),
  feedbackPercent: fc.integer({ min: 0, max: 100 }),
  feedbackCount: fc.integer({ min: 0, max: 5_000 }),
});
const intelligentAction = fc.record({
  competitorSource: fc.constantFrom('buy_box' as const, 'lowest' as const),
  conditionMode: fc.constantFrom('all_conditions' as const, 'matching_only' as const, 'variance' as const),
  minFeedbackPercent: fc.constantFrom(0 as const, 80 as const, 95 as const),
  adjustment: fc.oneof(
    fc.constant({ action: 'match' as const }),
    fc.record({
      action: fc.constantFrom('decrease' as const, 'increase' as const),
      apply: fc.constantFrom('percent' as const, 'fixed' as const),
      amount: fc.constantFrom('0.01', '1', '5', '12.5'),
    }),
  ),
  floorPercent: fc.constantFrom('0', '3', '10'),
  ceilingPercent: fc.option(fc.constantFrom('0', '2', '20'), { nil: undefined }),
});
const pricedOffer = fc.record({
  price: cents(100, 50_000),
  cost: cents(50, 30_000),
  msrp: cents(100, 80_000),
  map: fc.option(cents(50, 40_000), { nil: undefined }),
  current: cents(100, 50_000),
  condition,
  buyBox: fc.option(fc.record({ sellerId: fc.constantFrom('S9', OUR_SELLER), condition, price: cents(100, 50_000) }), {
    nil: null,
  }),
  competitors: fc.array(competitor, { maxLength: 20 }),
});

type Generated = typeof pricedOffer extends fc.Arbitrary<infer T> ? T : never;
const toOffer = (g: Generated): PricingOffer =>
  offer({
    condition: g.condition,
    prices: { price: g.price, cost: g.cost, msrp: g.msrp, map_price: g.map ?? null },
    currentPrice: g.current,
    buyBox: g.buyBox,
    competitors: g.competitors,
  });

type GeneratedAction = typeof intelligentAction extends fc.Arbitrary<infer T> ? T : never;
const toRule = (a: GeneratedAction, id = 'I'): PricingRule =>
  rule(
    intelligent({
      competitorSource: a.competitorSource,
      conditionMode: a.conditionMode,
      minFeedbackPercent: a.minFeedbackPercent,
      variances: { used_good: '80', used_acceptable: '70', refurbished: '90' },
      adjustment: a.adjustment,
      floor: { attribute: 'cost', action: 'increase', percent: a.floorPercent },
      ceiling:
        a.ceilingPercent === undefined ? null : { attribute: 'msrp', action: 'decrease', percent: a.ceilingPercent },
    }),
    { id },
  );

const engineFor = (rules: PricingRule[], over = {}) =>
  compilePricing({ settings: settings(over), rules, catalog: {}, ourSellerIds: [OUR_SELLER], today: TODAY });

const intelligentStep = (steps: ReturnType<ReturnType<typeof engineFor>['priceOffer']>['trace']['steps']) =>
  steps.find((s) => s.kind === 'rule' && s.outcome === 'applied' && s.ruleType === 'intelligent') as
    | Extract<(typeof steps)[number], { ruleType: 'intelligent' }>
    | undefined;

describe('pricing invariants', () => {
  it('an intelligent price is never below its floor, never above its ceiling unless the floor or our held Buy Box wins', () => {
    fc.assert(
      fc.property(intelligentAction, pricedOffer, (action, generated) => {
        const result = engineFor([toRule(action)]).priceOffer(toOffer(generated));
        const step = intelligentStep(result.trace.steps);
        if (!step) return;
        expect(step.after).toBeGreaterThanOrEqual(step.floor);
        if (step.ceiling !== null && !step.buyBoxHeld && step.ceiling >= step.floor)
          expect(step.after).toBeLessThanOrEqual(step.ceiling);
        expect(result.priceMinor!).toBeGreaterThanOrEqual(step.floor);
      }),
    );
  });

  it('a later standard decrease never takes the price below an applied floor', () => {
    fc.assert(
      fc.property(intelligentAction, pricedOffer, fc.constantFrom('10', '50', '90'), (action, generated, cut) => {
        const rules = [toRule(action), rule(standard('decrease', 'percent', cut), { id: 'S', priority: 2 })];
        const result = engineFor(rules).priceOffer(toOffer(generated));
        const step = intelligentStep(result.trace.steps);
        if (step) expect(result.priceMinor!).toBeGreaterThanOrEqual(step.floor);
      }),
    );
  });

  it('the published price is never below MAP (with VAT: MAP plus VAT)', () => {
    fc.assert(
      fc.property(intelligentAction, pricedOffer, fc.boolean(), (action, generated, vat) => {
        const over = { mapAttribute: 'map_price', vatEnabled: vat, vatPercent: '20' };
        const result = engineFor([toRule(action), rule(standard('decrease', 'percent', '60'))], over).priceOffer(
          toOffer(generated),
        );
        if (generated.map === undefined || result.priceMinor === null) return;
        const map = parseScaled(generated.map, 2);
        const limit = vat ? Math.round((map * 12) / 10) : map;
        expect(result.priceMinor).toBeGreaterThanOrEqual(limit);
        expect(result.hardMinimumMinor).toBeGreaterThanOrEqual(limit);
      }),
    );
  });

  it('our own offers never change the outcome (we never undercut ourselves, magento2#32776)', () => {
    fc.assert(
      fc.property(intelligentAction, pricedOffer, cents(1, 50_000), (action, generated, ownPrice) => {
        const engine = engineFor([
          { ...toRule(action), action: { ...toRule(action).action, competitorSource: 'lowest' } } as PricingRule,
        ]);
        const without = toOffer({
          ...generated,
          competitors: generated.competitors.filter((c) => c.sellerId !== OUR_SELLER),
        });
        const withOwn = {
          ...without,
          competitors: [
            ...(without.competitors ?? []),
            { sellerId: OUR_SELLER, condition: generated.condition, price: ownPrice },
          ],
        };
        expect(engine.priceOffer(withOwn).price).toBe(engine.priceOffer(without).price);
      }),
    );
  });

  it('holding the Buy Box never lowers our price', () => {
    fc.assert(
      fc.property(intelligentAction, pricedOffer, (action, generated) => {
        const held: Generated = {
          ...generated,
          buyBox: { sellerId: OUR_SELLER, condition: generated.condition, price: generated.current },
        };
        const result = engineFor([toRule(action)]).priceOffer(toOffer(held));
        const step = intelligentStep(result.trace.steps);
        if (step) expect(step.after).toBeGreaterThanOrEqual(parseScaled(generated.current, 2));
      }),
    );
  });

  it('every figure is a whole number of minor units and formats with the currency digits (JPY 0, USD 2)', () => {
    fc.assert(
      fc.property(
        pricedOffer,
        fc.constantFrom('USD', 'JPY', 'KWD'),
        fc.constantFrom('0.0067', '1.2345', '150.5'),
        (g, currency, rate) => {
          const over = { marketplaceCurrency: currency, currencyRate: rate, vatEnabled: true, vatPercent: '7.7' };
          const result = engineFor([rule(standard('decrease', 'percent', '3.33'))], over).priceOffer(toOffer(g));
          const digits = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
          const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${digits}}$`);
          if (result.price === null) return;
          expect(result.price).toMatch(pattern);
          for (const step of result.trace.steps) if ('after' in step) expect(Number.isInteger(step.after)).toBe(true);
        },
      ),
    );
  });

  it('business price and every tier are at least one unit of currency', () => {
    fc.assert(
      fc.property(cents(1, 500), fc.constantFrom('USD', 'JPY'), (price, currency) => {
        const business = {
          enabled: true,
          tieredEnabled: true,
          tiers: [
            { minQty: 2, percentOff: '50' },
            { minQty: 5, percentOff: '99.99' },
          ],
        };
        const result = engineFor([], { marketplaceCurrency: currency, business }).priceOffer(offer({ price }));
        const unit = currency === 'JPY' ? 1 : 100;
        // Under half a yen rounds to ¥0: nothing to sell at, so no business price either.
        if (result.status === 'unpriceable') return expect(result.reason).toBe('non_positive_price');
        expect(parseScaled(result.businessPrice!, currency === 'JPY' ? 0 : 2)).toBeGreaterThanOrEqual(unit);
        for (const tier of result.businessTiers)
          expect(parseScaled(tier.price, currency === 'JPY' ? 0 : 2)).toBeGreaterThanOrEqual(unit);
      }),
    );
  });
});

describe('guardrail invariants', () => {
  const history = fc.array(
    fc.record({ minutesAgo: fc.integer({ min: 0, max: 600 }), from: cents(100, 10_000), to: cents(100, 10_000) }),
    {
      maxLength: 5,
    },
  );
  const now = Date.parse('2026-03-15T12:00:00Z');

  it('never sends with the kill switch, respects step, daily band and cooldown unless the hard minimum forces a rise', () => {
    fc.assert(
      fc.property(
        cents(100, 10_000),
        cents(100, 10_000),
        fc.option(cents(100, 10_000), { nil: null }),
        history,
        fc.record({
          killSwitch: fc.boolean(),
          maxStepPercent: fc.option(fc.constantFrom('1', '5', '20'), { nil: null }),
          maxDailyPercent: fc.option(fc.constantFrom('10', '30'), { nil: null }),
          cooldownMinutes: fc.constantFrom(0, 15, 60),
        }),
        (proposed, lastSent, hardMinimum, changes, guard) => {
          const todaysChanges = changes
            .map((c) => ({ at: now - c.minutesAgo * 60_000, from: c.from, to: c.to }))
            .sort((a, b) => a.at - b.at);
          const minimum =
            hardMinimum !== null && parseScaled(hardMinimum, 2) <= parseScaled(proposed, 2) ? hardMinimum : null;
          const decision = applyGuardrails({
            currency: 'USD',
            proposed,
            hardMinimum: minimum,
            lastSent,
            todaysChanges,
            now,
            settings: guard,
          });
          if (guard.killSwitch) return expect(decision.decision).toBe('hold');
          if (decision.decision !== 'send') return;
          const sent = parseScaled(decision.price, 2);
          const last = parseScaled(lastSent, 2);
          const forced = minimum !== null && last < parseScaled(minimum, 2);
          if (forced) return expect(sent).toBe(Math.max(parseScaled(minimum, 2), sent));
          const lastAt = Math.max(...todaysChanges.map((c) => c.at), Number.NEGATIVE_INFINITY);
          expect(now - lastAt).toBeGreaterThanOrEqual(guard.cooldownMinutes * 60_000);
          if (guard.maxStepPercent)
            expect(Math.abs(sent - last) * 100).toBeLessThanOrEqual(last * Number(guard.maxStepPercent));
          if (guard.maxDailyPercent) {
            const opening = todaysChanges.length ? parseScaled(todaysChanges[0].from, 2) : last;
            const band = Math.max(opening * Number(guard.maxDailyPercent), Math.abs(last - opening) * 100);
            expect(Math.abs(sent - opening) * 100).toBeLessThanOrEqual(band);
          }
        },
      ),
    );
  });
});
