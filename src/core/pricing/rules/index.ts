import { z } from 'zod';
import type { AttributeCatalog } from '../../conditions/types';
import { type ConditionGroup, conditionTreeSchema, emptyConditionTree } from '../../conditions/tree';
import { isoDay } from '../schemas';
import type { RuleDeclaration, RuleFormDescription } from './declaration';
import { type IntelligentAction, intelligentActionSchema, intelligentRule } from './intelligent';
import { type StandardAction, standardActionSchema, standardRule } from './standard';

export * from './declaration';
export { FEEDBACK_THRESHOLDS, type IntelligentAction, intelligentActionSchema, intelligentRule } from './intelligent';
export { type StandardAction, standardActionSchema, standardRule } from './standard';

export type RuleAction = StandardAction | IntelligentAction;

/** Every rule type by code; the rule editor, validation and the engine all read this. */
export const RULE_DECLARATIONS: {
  standard: RuleDeclaration<StandardAction>;
  intelligent: RuleDeclaration<IntelligentAction>;
} = {
  standard: standardRule,
  intelligent: intelligentRule,
};

export const describeRuleForms = (): RuleFormDescription[] =>
  Object.values(RULE_DECLARATIONS).map((declaration) => declaration.describeForm());

/** A pricing rule (SPEC 5.1–5.5): general settings, conditions, action. */
export interface PricingRule {
  id: string;
  name: string;
  description?: string;
  active: boolean;
  /** Inclusive whole days in the store's marketplace time zone (decision #7). */
  fromDate?: string | null;
  toDate?: string | null;
  /** 1 = highest. Rules without a priority run after numbered ones, in list order. */
  priority?: number | null;
  /** "Discard Subsequent Rules" / "Stop Further Rules Processing". */
  discardSubsequent: boolean;
  conditions: ConditionGroup;
  action: RuleAction;
}

const generalSchema = {
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'Rule Name is required').max(255),
  description: z.string().max(2000).optional(),
  active: z.boolean(),
  fromDate: isoDay.nullable().optional(),
  toDate: isoDay.nullable().optional(),
  priority: z.number().int().min(1).max(1_000_000).nullable().optional(),
  discardSubsequent: z.boolean().default(false),
};

/** Validates a rule; with the store's attribute catalogue it also checks condition lines against attributes. */
export const pricingRuleSchema = (catalog?: AttributeCatalog) =>
  z
    .object({
      ...generalSchema,
      conditions: conditionTreeSchema(catalog).default(emptyConditionTree()),
      action: z.discriminatedUnion('type', [standardActionSchema, intelligentActionSchema]),
    })
    .strict()
    .superRefine((rule, ctx) => {
      if (rule.discardSubsequent && (rule.priority === undefined || rule.priority === null))
        ctx.addIssue({
          code: 'custom',
          path: ['priority'],
          message: 'Priority is required with Discard Subsequent Rules',
        });
      if (rule.fromDate && rule.toDate && rule.fromDate > rule.toDate)
        ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'To date must not be before From date' });
    });

/** A whole rule set; ids must be unique. */
export const pricingRuleSetSchema = (catalog?: AttributeCatalog) =>
  z
    .array(pricingRuleSchema(catalog))
    .max(1000)
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((rule, i) => {
        if (seen.has(rule.id))
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id ${rule.id}` });
        seen.add(rule.id);
      });
    });
