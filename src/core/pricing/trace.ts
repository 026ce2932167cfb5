import { formatScaled } from '../money';
import type { ItemCondition } from './item-condition';

/**
 * The trace of one price decision. Amounts are integers of the marketplace currency's minor unit
 * (`digits` says how many decimals), so a trace is cheap to build and exact; `describeTrace` renders it.
 */
export type SkipReason =
  | 'inactive'
  | 'outside_dates'
  | 'discarded'
  | 'conditions_not_met'
  | 'no_buy_box'
  | 'no_competitor'
  | 'no_matching_condition'
  | 'no_floor_value';

export type BoundKind = 'floor' | 'ceiling' | 'map' | 'buy_box_held' | 'business_floor';

export interface BoundHit {
  bound: BoundKind;
  /** The rule whose bound it is (floor, ceiling, buy-box hold); absent for MAP and business floor. */
  ruleId?: string;
  /** The bound's value in minor units, in the basis it was applied in. */
  limit: number;
  before: number;
  after: number;
  /** Business tier quantity for business_floor hits on a tier. */
  minQty?: number;
}

export interface CompetitorChoice {
  source: 'buy_box' | 'lowest';
  /** Landed price (price + shipping) of the chosen offer. */
  landed: number;
  condition: ItemCondition;
  /** Set when the price came from a different condition than ours. */
  fallbackFrom?: ItemCondition;
  /** Set in variance mode: the formula's result (BMP × (100 − (BMC − MCV)) / 100). */
  varianceBase?: number;
  considered: number;
  excludedOwn: number;
  excludedFeedback: number;
}

export type TraceStep =
  | { kind: 'override'; price: number }
  | {
      kind: 'source';
      attribute: string;
      /** Where the value came from: a website code, or 'default'. */
      scope: string;
      /** The value as read from Commerce, in the Commerce currency. */
      amount: string;
      fellBackToPrice: boolean;
      specialPrice: boolean;
      price: number;
    }
  | { kind: 'conversion'; rate: string; price: number }
  | { kind: 'rule'; ruleId: string; outcome: 'skipped'; reason: SkipReason; discardedBy?: string }
  | { kind: 'rule'; ruleId: string; outcome: 'applied'; ruleType: 'standard'; before: number; after: number }
  | {
      kind: 'rule';
      ruleId: string;
      outcome: 'applied';
      ruleType: 'intelligent';
      before: number;
      after: number;
      competitor: CompetitorChoice;
      /** Competitor price after the price adjustment, before bounds. */
      adjusted: number;
      floor: number;
      ceiling: number | null;
      vatAdded: boolean;
      buyBoxHeld: boolean;
    }
  | { kind: 'vat'; percent: string; before: number; after: number }
  | { kind: 'business'; price: number; tiers: Array<{ minQty: number; price: number }> }
  | { kind: 'msrp'; listPrice: number; shown: boolean };

export interface PriceTraceInputs {
  priceSource: string;
  overridePrice: string | null;
  currentPrice: string | null;
  currencyRate: string | null;
  vatPercent: string | null;
  buyBoxSellerId: string | null;
  competitorCount: number;
  today: string;
}

export interface PriceTrace {
  sku: string;
  currency: string;
  digits: number;
  inputs: PriceTraceInputs;
  steps: TraceStep[];
  bounds: BoundHit[];
  final: { price: number | null; businessPrice: number | null; listPrice: number | null };
}

const money = (trace: PriceTrace, minor: number): string => formatScaled(minor, trace.digits);

/** One human-readable line per step, for logs and the listing details page. */
export const describeTrace = (trace: PriceTrace): string[] => {
  const m = (minor: number) => `${money(trace, minor)} ${trace.currency}`;
  const lines = trace.steps.map((step): string => {
    switch (step.kind) {
      case 'override':
        return `price override ${m(step.price)} replaces source and rules`;
      case 'source':
        return (
          `price source ${step.attribute} (${step.scope}${step.fellBackToPrice ? ', fell back to price' : ''}` +
          `${step.specialPrice ? ', special price' : ''}) = ${step.amount} → ${m(step.price)}`
        );
      case 'conversion':
        return `currency conversion × ${step.rate} → ${m(step.price)}`;
      case 'vat':
        return `VAT ${step.percent}% ${m(step.before)} → ${m(step.after)}`;
      case 'business':
        return `business price ${m(step.price)}${step.tiers.map((t) => `; ${t.minQty}+ at ${m(t.price)}`).join('')}`;
      case 'msrp':
        return `MSRP ${m(step.listPrice)} ${step.shown ? 'shown as strike-through price' : 'not above price, not shown'}`;
      case 'rule':
        if (step.outcome === 'skipped')
          return `rule ${step.ruleId} skipped: ${step.reason}${step.discardedBy ? ` by ${step.discardedBy}` : ''}`;
        if (step.ruleType === 'standard') return `rule ${step.ruleId} (standard) ${m(step.before)} → ${m(step.after)}`;
        return (
          `rule ${step.ruleId} (intelligent) ${step.competitor.source} ${m(step.competitor.landed)} ` +
          `(${step.competitor.condition}${step.competitor.fallbackFrom ? ` for ${step.competitor.fallbackFrom}` : ''}) ` +
          `adjusted ${m(step.adjusted)}, floor ${m(step.floor)}` +
          `${step.ceiling === null ? '' : `, ceiling ${m(step.ceiling)}`} → ${m(step.after)}` +
          `${step.vatAdded ? ' (VAT added on bound)' : ''}${step.buyBoxHeld ? ' (we hold the Buy Box)' : ''}`
        );
      default:
        return 'unknown step';
    }
  });
  for (const hit of trace.bounds)
    lines.push(`bound ${hit.bound}${hit.ruleId ? ` of ${hit.ruleId}` : ''} ${m(hit.before)} → ${m(hit.after)}`);
  return lines;
};
