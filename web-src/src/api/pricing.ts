import { z } from 'zod';
import type { FetchLike } from './config';
import { createTransport, type HttpMethod } from './transport';
import type { Session } from '../host/session';

/** Client and response schemas of the pricing actions (asc/pricing-rules, -guardrails, -dry-run, price-trace). */

export interface ConditionLine {
  type: string;
  args: { attribute?: string; operator: string; value: string | string[] };
}
export interface ConditionGroup {
  type: 'combine';
  aggregator: 'all' | 'any';
  value: boolean;
  conditions: Array<ConditionGroup | ConditionLine>;
}

const conditionNode: z.ZodType<ConditionGroup | ConditionLine> = z.lazy(() =>
  z.union([
    z.object({
      type: z.literal('combine'),
      aggregator: z.enum(['all', 'any']),
      value: z.boolean(),
      conditions: z.array(conditionNode),
    }),
    z.object({
      type: z.string(),
      args: z.object({
        attribute: z.string().optional(),
        operator: z.string(),
        value: z.union([z.string(), z.array(z.string())]),
      }),
    }),
  ]),
);

export const pricingRuleSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  active: z.boolean(),
  fromDate: z.string().nullish(),
  toDate: z.string().nullish(),
  priority: z.number().nullish(),
  discardSubsequent: z.boolean(),
  conditions: conditionNode,
  action: z.looseObject({ type: z.enum(['standard', 'intelligent']) }),
});
export type PricingRule = z.infer<typeof pricingRuleSchema>;
/** A rule being edited: no id yet for a new one; the action is a flat record of the form's fields. */
export type RuleDraft = Omit<PricingRule, 'id' | 'action' | 'conditions'> & {
  id?: string;
  conditions: ConditionGroup;
  action: Record<string, unknown>;
};

const formField = z.object({
  name: z.string(),
  label: z.string(),
  kind: z.enum(['select', 'decimal', 'integer', 'price_attribute', 'condition_variances']),
  required: z.boolean(),
  options: z.array(z.object({ value: z.union([z.string(), z.number()]), label: z.string() })).optional(),
  default: z.union([z.string(), z.number()]).optional(),
  visibleWhen: z.object({ field: z.string(), oneOf: z.array(z.union([z.string(), z.number()])) }).optional(),
  hint: z.string().optional(),
});
export type FormField = z.infer<typeof formField>;
const ruleForm = z.object({
  code: z.string(),
  label: z.string(),
  sections: z.array(z.object({ title: z.string(), fields: z.array(formField) })),
});
export type RuleForm = z.infer<typeof ruleForm>;

const conditionField = z.object({
  key: z.string(),
  label: z.string(),
  attributeType: z.string(),
  operators: z.array(z.object({ code: z.string(), label: z.string(), valueIsList: z.boolean() })),
  valueInput: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
const conditionType = z.object({ code: z.string(), label: z.string(), fields: z.array(conditionField) });
export type ConditionTypeDescription = z.infer<typeof conditionType>;

const rulesResponse = z.object({
  rules: z.array(pricingRuleSchema),
  conditionTypes: z.array(conditionType).optional(),
  ruleForms: z.array(ruleForm).optional(),
  priceAttributes: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type RulesResponse = z.infer<typeof rulesResponse>;

export const guardrailsSchema = z.object({
  killSwitch: z.boolean(),
  maxStepPercent: z.string().nullable(),
  maxDailyPercent: z.string().nullable(),
  cooldownMinutes: z.number(),
  /** How stale listings are polled: getItemOffersBatch (default) or getCompetitiveSummary. */
  competitorPollSource: z.enum(['itemOffers', 'competitiveSummary']).default('itemOffers'),
});
export type Guardrails = z.infer<typeof guardrailsSchema>;
const guardrailsResponse = z.object({
  guardrails: guardrailsSchema.omit({ competitorPollSource: true }),
  competitorPollSource: z.enum(['itemOffers', 'competitiveSummary']).default('itemOffers'),
});
const guardrailsAnswer = (answer: z.infer<typeof guardrailsResponse>): Guardrails => ({
  ...answer.guardrails,
  competitorPollSource: answer.competitorPollSource,
});

const dryRunRow = z.object({
  sku: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  currentPrice: z.string().nullable(),
  newPrice: z.string().nullable(),
  change: z.string().nullable(),
  changePercent: z.string().nullable(),
  rulesApplied: z.array(z.string()),
  bounds: z.array(z.string()),
});
export const dryRunReportSchema = z.object({
  currency: z.string(),
  total: z.number(),
  priced: z.number(),
  unpriceable: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  minChange: z.string().nullable(),
  maxChange: z.string().nullable(),
  meanChange: z.string().nullable(),
  hitFloor: z.array(z.string()),
  hitCeiling: z.array(z.string()),
  hitMap: z.array(z.string()),
  rows: z.array(dryRunRow),
});
export type DryRunReport = z.infer<typeof dryRunReportSchema>;

/** Age of a listing's competitor data and whether the repricing job considers it stale. */
export const competitorFreshnessSchema = z.object({
  state: z.enum(['fresh', 'stale', 'none']),
  ageMs: z.number().nullable(),
});
export type CompetitorFreshness = z.infer<typeof competitorFreshnessSchema>;

export const priceTraceSchema = z.object({
  sku: z.string(),
  asin: z.string().nullable(),
  livePrice: z.string().nullable(),
  competitorsUpdatedAt: z.string().nullable(),
  competitorFreshness: competitorFreshnessSchema.optional(),
  /** Prices Amazon accepted for the listing, oldest first (older actions answer without it). */
  history: z
    .array(z.object({ at: z.number(), price: z.string(), source: z.enum(['repricer', 'publish']) }))
    .default([]),
  lastOutcome: z
    .object({ at: z.number(), decision: z.string(), price: z.string().nullable(), reason: z.string().optional() })
    .nullable(),
  result: z.looseObject({
    status: z.string(),
    price: z.string().nullable(),
    currency: z.string(),
    reason: z.string().optional(),
  }),
  lines: z.array(z.string()),
});
export type PriceTrace = z.infer<typeof priceTraceSchema>;

export interface PricingClient {
  listRules(storeId: string, meta?: boolean): Promise<RulesResponse>;
  saveRule(storeId: string, rule: RuleDraft): Promise<PricingRule>;
  deleteRule(storeId: string, id: string): Promise<void>;
  getGuardrails(storeId: string): Promise<Guardrails>;
  saveGuardrails(storeId: string, guardrails: Guardrails): Promise<Guardrails>;
  dryRun(storeId: string, rules: Array<PricingRule | RuleDraft>): Promise<DryRunReport>;
  dryRunCsv(storeId: string, rules: Array<PricingRule | RuleDraft>): Promise<string>;
  priceTrace(storeId: string, sku: string): Promise<PriceTrace>;
  repriceNow(storeId: string): Promise<RepriceSummary>;
  competitiveAnalysis(storeId: string): Promise<AnalysisRow[]>;
}

export const analysisRowSchema = z.object({
  sku: z.string(),
  asin: z.string().nullable(),
  name: z.string().nullable(),
  yourLandedPrice: z.string().nullable(),
  lowestLandedPrice: z.string().nullable(),
  lowestCondition: z.string().nullable(),
  buyBoxLandedPrice: z.string().nullable(),
  isBuyBoxSeller: z.enum(['Yes', 'No', 'NA']),
  buyBoxCondition: z.string().nullable(),
  lastUpdated: z.string().nullable(),
  freshness: competitorFreshnessSchema.optional(),
});
export type AnalysisRow = z.infer<typeof analysisRowSchema>;

export const repriceSummarySchema = z.object({
  messages: z.number(),
  polled: z.number(),
  outcomes: z.array(
    z.object({ sku: z.string(), decision: z.string(), price: z.string().nullable(), reason: z.string().nullable() }),
  ),
  errors: z.array(z.string()),
});
export type RepriceSummary = z.infer<typeof repriceSummarySchema>;

export const createPricingClient = (
  session: Pick<Session, 'config' | 'credentials'>,
  fetchFn?: FetchLike,
): PricingClient => {
  const transport = createTransport(session, fetchFn);
  const send = (action: string, method: HttpMethod, request: Record<string, unknown>): Promise<Response> =>
    transport.send(action, method, request);
  const json = <T>(response: Response, schema: z.ZodType<T>): Promise<T> => transport.parse(response, schema);
  return {
    listRules: async (storeId, meta = false) =>
      json(await send('asc/pricing-rules', 'GET', { storeId, ...(meta ? { meta: '1' } : {}) }), rulesResponse),
    saveRule: async (storeId, rule) =>
      (await json(await send('asc/pricing-rules', 'POST', { storeId, rule }), z.object({ rule: pricingRuleSchema })))
        .rule,
    deleteRule: async (storeId, id) => {
      await send('asc/pricing-rules', 'DELETE', { storeId, id });
    },
    getGuardrails: async (storeId) =>
      guardrailsAnswer(await json(await send('asc/pricing-guardrails', 'GET', { storeId }), guardrailsResponse)),
    saveGuardrails: async (storeId, guardrails) =>
      guardrailsAnswer(
        await json(await send('asc/pricing-guardrails', 'POST', { storeId, ...guardrails }), guardrailsResponse),
      ),
    dryRun: async (storeId, rules) =>
      (
        await json(
          await send('asc/pricing-dry-run', 'POST', { storeId, rules }),
          z.object({ report: dryRunReportSchema }),
        )
      ).report,
    dryRunCsv: async (storeId, rules) =>
      (await send('asc/pricing-dry-run', 'POST', { storeId, rules, format: 'csv' })).text(),
    competitiveAnalysis: async (storeId) =>
      (
        await json(
          await send('asc/pricing-analysis', 'GET', { storeId }),
          z.object({ rows: z.array(analysisRowSchema) }),
        )
      ).rows,
    repriceNow: async (storeId) => json(await send('asc/pricing-reprice', 'POST', { storeId }), repriceSummarySchema),
    priceTrace: async (storeId, sku) => json(await send('asc/price-trace', 'GET', { storeId, sku }), priceTraceSchema),
  };
};
