import type { z } from 'zod';
import type { CompiledSettings, OfferFrame } from '../frame';
import type { BoundHit, TraceStep } from '../trace';

/** The running price of one offer while rules apply. Amounts are marketplace minor units. */
export interface PriceState {
  price: number;
  /** True once the price is VAT-inclusive (a competitor-based price, or a bound with VAT added). */
  gross: boolean;
  /** Highest floor (net) of the intelligent rules applied so far; it keeps protecting later rules. -1 = none. */
  floorNet: number;
  floorRuleId: string | null;
  bounds: BoundHit[];
}

export interface RuleContext {
  ruleId: string;
  frame: OfferFrame;
}

/** A compiled rule action: runs on one offer's state and returns its trace step. */
export type CompiledAction = (state: PriceState, frame: OfferFrame) => TraceStep;

export type FormFieldKind = 'select' | 'decimal' | 'integer' | 'price_attribute' | 'condition_variances';

export interface FormField {
  name: string;
  label: string;
  kind: FormFieldKind;
  required: boolean;
  options?: Array<{ value: string | number; label: string }>;
  default?: string | number;
  /** Shown only when another field (dot path) has one of these values. */
  visibleWhen?: { field: string; oneOf: Array<string | number> };
  hint?: string;
}

/** Serialisable description of a rule type's action form (SPEC 5.4, 5.5). */
export interface RuleFormDescription {
  code: string;
  label: string;
  sections: Array<{ title: string; fields: FormField[] }>;
}

/** One declaration per rule type: validation, editor form and engine behaviour from the same object. */
export interface RuleDeclaration<A> {
  code: string;
  label: string;
  argsSchema: z.ZodType<A>;
  describeForm(): RuleFormDescription;
  compile(args: A, ruleId: string, compiled: CompiledSettings): CompiledAction;
  apply(args: A, state: PriceState, ctx: RuleContext): TraceStep;
}

export const DIRECTION_OPTIONS = [
  { value: 'decrease', label: 'Decrease By' },
  { value: 'increase', label: 'Increase By' },
];
export const APPLY_OPTIONS = [
  { value: 'percent', label: 'Apply as percentage' },
  { value: 'fixed', label: 'Apply as fixed amount' },
];
