import type { ConditionGroup } from '../../../src/core/conditions';
import type { ListingPriceSettingsInput, PricingOffer, PricingRule, RuleAction } from '../../../src/core/pricing';

/** Builders for pricing tests: a US store in USD, website `base`, no VAT, no conversion, unless overridden. */
export const settings = (over: Partial<ListingPriceSettingsInput> = {}): ListingPriceSettingsInput => ({
  sourceCurrency: 'USD',
  marketplaceCurrency: 'USD',
  websiteCode: 'base',
  websites: [{ code: 'base', sortOrder: 0 }],
  ...over,
});

export const offer = (over: Partial<PricingOffer> & { price?: string } = {}): PricingOffer => {
  const { price = '10.00', ...rest } = over;
  return {
    sku: 'SKU-1',
    condition: 'new',
    product: { sku: 'SKU-1', typeId: 'simple', attributeSetId: 4, categoryIds: [], price, attributes: {} },
    prices: { price },
    competitors: [],
    ...rest,
  };
};

let counter = 0;
export const rule = (action: RuleAction, over: Partial<PricingRule> = {}): PricingRule => ({
  id: over.id ?? `r${++counter}`,
  name: 'rule',
  active: true,
  discardSubsequent: false,
  conditions: { type: 'combine', aggregator: 'all', value: true, conditions: [] },
  action,
  ...over,
});

export const standard = (
  direction: 'decrease' | 'increase',
  apply: 'percent' | 'fixed',
  amount: string,
): RuleAction => ({
  type: 'standard',
  direction,
  apply,
  amount,
});

type Intelligent = Extract<RuleAction, { type: 'intelligent' }>;
export const intelligent = (over: Partial<Intelligent> = {}): Intelligent => ({
  type: 'intelligent',
  competitorSource: 'lowest',
  minFeedbackPercent: 0,
  minFeedbackCount: 0,
  conditionMode: 'all_conditions',
  variances: {},
  adjustment: { action: 'match' },
  floor: { attribute: 'price', action: 'match' },
  ceiling: null,
  ...over,
});

export const attributeIs = (attribute: string, value: string): ConditionGroup => ({
  type: 'combine',
  aggregator: 'all',
  value: true,
  conditions: [{ type: 'product_attribute', args: { attribute, operator: 'is', value } }],
});

export const OUR_SELLER = 'A1DEMOSELLER0001';
export const TODAY = '2026-03-15';
