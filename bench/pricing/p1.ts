/**
 * Benchmark P1: pricing pipeline time for 100k offers × 50 rules (intelligent rules included, 20 competitor
 * offers each) against JSON.parse of the same input, measured in the same run.
 * Prints `P1 <ratio> (goal <= 1.0)` and a linearity detail line. Run: `npx tsx bench/pricing/p1.ts`.
 */
import type { AttributeCatalog, ConditionGroup } from '../../src/core/conditions';
import {
  compilePricing,
  ITEM_CONDITIONS,
  type ListingPriceSettingsInput,
  type PricingOffer,
  type PricingRule,
} from '../../src/core/pricing';

const OFFERS = Number(process.env.P1_OFFERS ?? 100_000);
const RULES = 50;
const COMPETITORS = 20;
const OUR_SELLER = 'A1DEMOSELLER0001';

/** Deterministic PRNG (mulberry32) so every run prices the same catalogue. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = rng(20260315);
const int = (n: number) => Math.floor(random() * n);
const money = (min: number, max: number) => (min + random() * (max - min)).toFixed(2);

const catalog: AttributeCatalog = {
  brand: { code: 'brand', label: 'Brand', frontendInput: 'select', usedForPromoRules: true },
  color: { code: 'color', label: 'Color', frontendInput: 'multiselect', usedForPromoRules: true },
  weight: { code: 'weight', label: 'Weight', frontendInput: 'weight', usedForPromoRules: true },
  sale: { code: 'sale', label: 'Sale', frontendInput: 'boolean', usedForPromoRules: true },
  name: { code: 'name', label: 'Name', frontendInput: 'text', usedForPromoRules: true },
  amazon_fba: { code: 'amazon_fba', label: 'Amazon FBA', frontendInput: 'boolean', usedForPromoRules: true },
};

const settings: ListingPriceSettingsInput = {
  sourceCurrency: 'USD',
  marketplaceCurrency: 'EUR',
  currencyRate: '0.9213',
  vatEnabled: true,
  vatPercent: '19',
  mapAttribute: 'map_price',
  msrpAttribute: 'msrp',
  websiteCode: 'eu',
  websites: [
    { code: 'base', sortOrder: 0 },
    { code: 'eu', sortOrder: 1 },
  ],
  business: {
    enabled: true,
    tieredEnabled: true,
    tiers: [
      { minQty: 5, percentOff: '5' },
      { minQty: 10, percentOff: '8' },
      { minQty: 50, percentOff: '12.5' },
    ],
  },
};

const conditionFor = (i: number): ConditionGroup => {
  const lines: ConditionGroup['conditions'] = [
    {
      type: 'product_attribute',
      args: { attribute: 'brand', operator: 'is_one_of', value: [`${i % 7}`, `${(i + 3) % 7}`] },
    },
    { type: 'category', args: { operator: 'is_one_of', value: [`${10 + (i % 12)}`, `${10 + ((i * 5) % 12)}`] } },
    { type: 'product_attribute', args: { attribute: 'weight', operator: 'gte', value: `${(i % 5) * 0.7}` } },
    {
      type: 'combine',
      aggregator: 'any',
      value: true,
      conditions: [
        { type: 'product_attribute', args: { attribute: 'sale', operator: 'is', value: i % 2 ? '1' : '0' } },
        { type: 'product_attribute', args: { attribute: 'color', operator: 'contains', value: [`c${i % 9}`] } },
        { type: 'product_attribute', args: { attribute: 'name', operator: 'contains', value: `w${i % 10}` } },
      ],
    },
  ];
  return {
    type: 'combine',
    aggregator: i % 3 === 0 ? 'any' : 'all',
    value: true,
    conditions: lines.slice(0, 2 + (i % 3)),
  };
};

const buildRules = (): PricingRule[] =>
  Array.from({ length: RULES }, (_, i): PricingRule => {
    const isIntelligent = i % 5 < 2; // 20 intelligent, 30 standard
    return {
      id: `rule-${i}`,
      name: `Rule ${i}`,
      active: i % 17 !== 16,
      fromDate: i % 11 === 10 ? '2026-01-01' : null,
      toDate: i % 13 === 12 ? '2026-12-31' : null,
      priority: i + 1,
      discardSubsequent: i === 45,
      conditions: i % 10 === 9 ? { type: 'combine', aggregator: 'all', value: true, conditions: [] } : conditionFor(i),
      action: isIntelligent
        ? {
            type: 'intelligent',
            competitorSource: i % 2 ? 'lowest' : 'buy_box',
            minFeedbackPercent: ([0, 80, 90, 95, 98] as const)[i % 5],
            minFeedbackCount: (i % 4) * 100,
            conditionMode: (['all_conditions', 'matching_only', 'variance'] as const)[i % 3],
            variances: {
              new: '100',
              refurbished: '90',
              used_like_new: '85',
              used_very_good: '80',
              used_good: '70',
              used_acceptable: '60',
            },
            adjustment:
              i % 4 === 0
                ? { action: 'match' }
                : { action: 'decrease', apply: i % 3 ? 'fixed' : 'percent', amount: i % 3 ? '0.01' : '1.5' },
            floor: { attribute: 'cost', action: 'increase', percent: '5' },
            ceiling: i % 2 ? { attribute: 'msrp', action: 'decrease', percent: '2' } : null,
          }
        : {
            type: 'standard',
            direction: i % 4 ? 'decrease' : 'increase',
            apply: i % 2 ? 'percent' : 'fixed',
            amount: i % 2 ? '3.5' : '0.25',
          },
    };
  });

const buildOffer = (n: number): PricingOffer => {
  const base = 5 + random() * 200;
  const price = base.toFixed(2);
  const competitors = Array.from({ length: COMPETITORS }, (_, k) => ({
    sellerId: k === 7 && n % 4 === 0 ? OUR_SELLER : `SELLER${int(5000)}`,
    condition: ITEM_CONDITIONS[random() < 0.6 ? 0 : int(6)],
    price: money(base * 0.7, base * 1.3),
    shipping: random() < 0.5 ? '0.00' : money(1, 6),
    feedbackPercent: 70 + int(31),
    feedbackCount: int(20_000),
    fulfilledByAmazon: random() < 0.4,
  }));
  return {
    sku: `SKU-${n}`,
    condition: random() < 0.8 ? 'new' : ITEM_CONDITIONS[1 + int(5)],
    product: {
      sku: `SKU-${n}`,
      typeId: 'simple',
      attributeSetId: 4 + (n % 3),
      categoryIds: [2, 10 + (n % 12), 10 + ((n * 7) % 12)],
      price,
      attributes: {
        brand: `${n % 7}`,
        color: [`c${n % 9}`, `c${(n * 3) % 9}`],
        weight: Number(((n % 50) / 10).toFixed(1)),
        sale: n % 3 === 0,
        name: `Widget w${n % 10} model ${n}`,
        amazon_fba: n % 2 === 0,
      },
    },
    prices: {
      price: n % 5 === 0 ? { default: price, websites: { eu: (base * 0.95).toFixed(2) } } : price,
      cost: (base * 0.6).toFixed(2),
      msrp: (base * 1.4).toFixed(2),
      map_price: n % 6 === 0 ? (base * 0.8).toFixed(2) : null,
    },
    overridePrice: n % 97 === 0 ? money(10, 50) : null,
    currentPrice: money(base * 0.9, base * 1.1),
    buyBox:
      random() < 0.85
        ? {
            sellerId: n % 9 === 0 ? OUR_SELLER : `SELLER${int(5000)}`,
            condition: 'new',
            price: money(base * 0.8, base * 1.2),
            shipping: '0.00',
          }
        : null,
    competitors,
  };
};

const time = (fn: () => void): number => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const main = () => {
  const input = { rules: buildRules(), offers: Array.from({ length: OFFERS }, (_, n) => buildOffer(n)) };
  const json = JSON.stringify(input);
  input.offers.length = 0;

  let parsed: { rules: PricingRule[]; offers: PricingOffer[] } = JSON.parse(json);
  const runPipeline = (count: number): number => {
    let checksum = 0;
    const ms = time(() => {
      const engine = compilePricing({
        settings,
        rules: parsed.rules,
        catalog,
        ourSellerIds: [OUR_SELLER],
        today: '2026-03-15',
      });
      const offers = parsed.offers;
      for (let i = 0; i < count; i++) {
        const result = engine.priceOffer(offers[i]);
        checksum += (result.priceMinor ?? 0) + result.trace.steps.length;
      }
    });
    if (checksum === 0) throw new Error('pipeline produced nothing');
    return ms;
  };

  // Warm up both paths once, then take the best of three runs of each, interleaved.
  runPipeline(Math.min(OFFERS, 20_000));
  const parseRuns: number[] = [];
  const full: number[] = [];
  const half: number[] = [];
  for (let round = 0; round < 3; round++) {
    parseRuns.push(
      time(() => {
        parsed = JSON.parse(json);
      }),
    );
    half.push(runPipeline(Math.floor(OFFERS / 2)));
    full.push(runPipeline(OFFERS));
  }
  const parseMs = Math.min(...parseRuns);
  const fullMs = Math.min(...full);
  const halfMs = Math.min(...half);
  console.log(`P1 ${(fullMs / parseMs).toFixed(3)} (goal <= 1.0)`);
  console.log(
    `  P1 detail: ${OFFERS / 2 / 1000}k=${halfMs.toFixed(0)}ms ${OFFERS / 1000}k=${fullMs.toFixed(0)}ms ` +
      `growth=${(fullMs / halfMs).toFixed(2)}x (linear = 2.00x) JSON.parse=${parseMs.toFixed(0)}ms ` +
      `input=${(json.length / 1e6).toFixed(0)}MB rules=${RULES} competitors/offer=${COMPETITORS}`,
  );
};

main();
