import { z } from 'zod';
import { mulDivHalfUp, parseScaled } from '../../money';
import { addVat, adjustByPercent, HUNDRED_PERCENT, type OfferFrame, PERCENT_SCALE } from '../frame';
import {
  CONDITION_INDEX,
  FALLBACK_ORDER,
  ITEM_CONDITION_LABELS,
  ITEM_CONDITIONS,
  type ItemCondition,
} from '../item-condition';
import { decimalString, itemConditionSchema, percentString } from '../schemas';
import type { CompetitorChoice, SkipReason, TraceStep } from '../trace';
import { APPLY_OPTIONS, DIRECTION_OPTIONS, type FormField, type PriceState, type RuleDeclaration } from './declaration';
import { intelligentForm } from './intelligent-form';

/** SPEC 5.5: a bound from a Commerce price attribute, ± percent or matched. */
const boundSchema = z
  .object({
    attribute: z.string().min(1),
    action: z.enum(['decrease', 'increase', 'match']),
    percent: percentString('bound adjustment').optional(),
  })
  .strict()
  .refine((b) => b.action === 'match' || b.percent !== undefined, {
    message: 'percent is required',
    path: ['percent'],
  });

export const FEEDBACK_THRESHOLDS = [0, 80, 90, 95, 98] as const;

export const intelligentActionSchema = z
  .object({
    type: z.literal('intelligent'),
    competitorSource: z.enum(['buy_box', 'lowest']),
    /** Lowest price only: minimum positive feedback %, 0 = all competitors. */
    minFeedbackPercent: z.union(FEEDBACK_THRESHOLDS.map((t) => z.literal(t))).default(0),
    /** Lowest price only: minimum number of ratings. */
    minFeedbackCount: z.number().int().min(0).max(10_000_000).default(0),
    conditionMode: z.enum(['all_conditions', 'matching_only', 'variance']).default('all_conditions'),
    /** Variance mode: % of New per condition; New is fixed at 100. 1–100, collectibles up to 1000. */
    variances: z.partialRecord(itemConditionSchema, decimalString('condition variance', 2)).default({}),
    adjustment: z
      .object({
        action: z.enum(['decrease', 'increase', 'match']),
        apply: z.enum(['percent', 'fixed']).optional(),
        amount: decimalString('adjustment amount', 4).optional(),
      })
      .strict()
      .refine((a) => a.action === 'match' || (a.apply !== undefined && a.amount !== undefined), {
        message: 'apply and amount are required unless matching the competitor price',
        path: ['amount'],
      }),
    floor: boundSchema,
    ceiling: boundSchema.nullable().default(null),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const [condition, value] of Object.entries(a.variances)) {
      const n = Number(value);
      const max = condition.startsWith('collectible') ? 1000 : 100;
      if (condition === 'new' && n !== 100)
        ctx.addIssue({
          code: 'custom',
          path: ['variances', condition],
          message: 'New Condition Variance is fixed at 100',
        });
      else if (n < 1 || n > max)
        ctx.addIssue({ code: 'custom', path: ['variances', condition], message: `variance must be 1–${max}` });
    }
  });

export type IntelligentAction = z.infer<typeof intelligentActionSchema>;

type Bound = IntelligentAction['floor'];

const compileBound = (bound: Bound) => {
  const percent = bound.action === 'match' ? 0 : parseScaled(bound.percent ?? '0', PERCENT_SCALE);
  const increase = bound.action === 'increase';
  const attribute = bound.attribute;
  return (frame: OfferFrame): number => {
    const base = frame.attributeMinor(attribute);
    if (Number.isNaN(base) || percent === 0) return base;
    return adjustByPercent(base, percent, increase);
  };
};

const compileAdjustment = (adjustment: IntelligentAction['adjustment'], digits: number) => {
  if (adjustment.action === 'match') return (competitor: number) => competitor;
  const increase = adjustment.action === 'increase';
  if (adjustment.apply === 'percent') {
    const percent = parseScaled(adjustment.amount!, PERCENT_SCALE);
    return (competitor: number) => adjustByPercent(competitor, percent, increase);
  }
  const amount = parseScaled(adjustment.amount!, digits);
  return (competitor: number) => (increase ? competitor + amount : competitor - amount);
};

/** Scratch for the lowest landed price per condition; single-threaded, reset per use. */
const lowest = new Float64Array(ITEM_CONDITIONS.length);

const skip = (ruleId: string, reason: SkipReason): TraceStep => ({ kind: 'rule', ruleId, outcome: 'skipped', reason });

export const intelligentRule: RuleDeclaration<IntelligentAction> = {
  code: 'intelligent',
  label: 'Intelligent repricing rule',
  argsSchema: intelligentActionSchema as z.ZodType<IntelligentAction>,
  describeForm: () => intelligentForm(DIRECTION_OPTIONS, APPLY_OPTIONS, varianceFields()),
  compile: (args, ruleId, compiled) => {
    const floorOf = compileBound(args.floor);
    const ceilingOf = args.ceiling ? compileBound(args.ceiling) : null;
    const adjust = compileAdjustment(args.adjustment, compiled.digits);
    const useBuyBox = args.competitorSource === 'buy_box';
    const minPercent = args.minFeedbackPercent;
    const minCount = args.minFeedbackCount;
    const mode = args.conditionMode;
    const fallback = FALLBACK_ORDER[mode];
    // Variance % per condition at PERCENT_SCALE, -1 when not configured; New is always 100.
    const variance = new Float64Array(ITEM_CONDITIONS.length).fill(-1);
    for (const [condition, value] of Object.entries(args.variances))
      variance[CONDITION_INDEX[condition]] = parseScaled(value, PERCENT_SCALE);
    variance[0] = HUNDRED_PERCENT;
    const vatEnabled = compiled.vatEnabled;
    const vatScaled = compiled.vatScaled;

    /** BMP × (100 − (BMC − MCV)) / 100; NaN when a variance is missing or the result is not positive. */
    const varianceBase = (bmp: number, competitorCondition: number, own: number): number => {
      const bmc = variance[competitorCondition];
      const mcv = variance[own];
      if (bmc < 0 || mcv < 0) return Number.NaN;
      const base = mulDivHalfUp(bmp, HUNDRED_PERCENT - (bmc - mcv), HUNDRED_PERCENT);
      return base > 0 ? base : Number.NaN;
    };

    return (state: PriceState, frame: OfferFrame): TraceStep => {
      const floor = floorOf(frame);
      if (Number.isNaN(floor)) return skip(ruleId, 'no_floor_value');
      const own = CONDITION_INDEX[frame.offer.condition];
      frame.ensureBuyBox();
      let landed: number;
      let chosen: number;
      let considered = 0;
      let excludedOwn = 0;
      let excludedFeedback = 0;
      if (useBuyBox) {
        if (Number.isNaN(frame.buyBoxLanded)) return skip(ruleId, 'no_buy_box');
        landed = frame.buyBoxLanded;
        chosen = frame.buyBoxCondition;
        considered = 1;
        if (chosen !== own && mode === 'matching_only') return skip(ruleId, 'no_matching_condition');
      } else {
        frame.ensureCompetitors();
        lowest.fill(Number.POSITIVE_INFINITY);
        const n = frame.count;
        for (let i = 0; i < n; i++) {
          // Never compete with ourselves (magento2#32776): our own offers leave the set first.
          if (frame.own[i] === 1) {
            excludedOwn++;
            continue;
          }
          if (frame.feedbackPercent[i] < minPercent || frame.feedbackCount[i] < minCount) {
            excludedFeedback++;
            continue;
          }
          considered++;
          const c = frame.condition[i];
          if (frame.landed[i] < lowest[c]) lowest[c] = frame.landed[i];
        }
        if (considered === 0) return skip(ruleId, 'no_competitor');
        chosen = own;
        landed = lowest[own];
        if (landed === Number.POSITIVE_INFINITY) {
          const order = fallback[own];
          for (let k = 0; k < order.length; k++) {
            const candidate = order[k];
            if (lowest[candidate] === Number.POSITIVE_INFINITY) continue;
            if (mode === 'variance' && Number.isNaN(varianceBase(lowest[candidate], candidate, own))) continue;
            chosen = candidate;
            landed = lowest[candidate];
            break;
          }
          if (landed === Number.POSITIVE_INFINITY) return skip(ruleId, 'no_matching_condition');
        }
      }
      let competitorPrice = landed;
      let base: number | undefined;
      if (chosen !== own && mode === 'variance') {
        base = varianceBase(landed, chosen, own);
        if (Number.isNaN(base)) return skip(ruleId, 'no_matching_condition');
        competitorPrice = base;
      }
      const adjusted = adjust(competitorPrice);
      const ceiling = ceilingOf ? ceilingOf(frame) : Number.NaN;
      const before = state.price;
      let net = adjusted;
      let bounded = false;
      if (!Number.isNaN(ceiling) && net > ceiling) {
        state.bounds.push({ bound: 'ceiling', ruleId, limit: ceiling, before: net, after: ceiling });
        net = ceiling;
        bounded = true;
      }
      // The floor wins over a ceiling set below it: never sell under the floor.
      if (net < floor) {
        state.bounds.push({ bound: 'floor', ruleId, limit: floor, before: net, after: floor });
        net = floor;
        bounded = true;
      }
      // Competitor prices are VAT-inclusive; floor and ceiling are Commerce (net) prices, so VAT goes on a bound.
      const vatAdded = bounded && vatEnabled;
      let price = vatAdded ? addVat(net, vatScaled) : net;
      const buyBoxHeld = frame.buyBoxOwn && !Number.isNaN(frame.buyBoxLanded);
      if (buyBoxHeld) {
        const current = Number.isNaN(frame.currentPrice()) ? before : frame.currentPrice();
        if (price < current) {
          state.bounds.push({ bound: 'buy_box_held', ruleId, limit: current, before: price, after: current });
          price = current;
        }
      }
      state.price = price;
      state.gross = true;
      if (floor > state.floorNet) {
        state.floorNet = floor;
        state.floorRuleId = ruleId;
      }
      const competitor: CompetitorChoice = {
        source: useBuyBox ? 'buy_box' : 'lowest',
        landed,
        condition: ITEM_CONDITIONS[chosen],
        considered,
        excludedOwn,
        excludedFeedback,
      };
      if (chosen !== own) competitor.fallbackFrom = ITEM_CONDITIONS[own];
      if (base !== undefined) competitor.varianceBase = base;
      return {
        kind: 'rule',
        ruleId,
        outcome: 'applied',
        ruleType: 'intelligent',
        before,
        after: price,
        competitor,
        adjusted,
        floor,
        ceiling: Number.isNaN(ceiling) ? null : ceiling,
        vatAdded,
        buyBoxHeld,
      };
    };
  },
  apply: (args, state, ctx) => intelligentRule.compile(args, ctx.ruleId, ctx.frame.compiled)(state, ctx.frame),
};

const varianceFields = (): FormField[] =>
  ITEM_CONDITIONS.map((condition: ItemCondition) => ({
    name: `variances.${condition}`,
    label: `${ITEM_CONDITION_LABELS[condition]} Condition Variance %`,
    kind: 'decimal' as const,
    required: condition === 'new',
    default: condition === 'new' ? 100 : undefined,
    visibleWhen: { field: 'conditionMode', oneOf: ['variance'] },
    hint: condition === 'new' ? 'fixed at 100' : condition.startsWith('collectible') ? '1 or more' : '1–100',
  }));
