import type { UsagePlan } from '../../../scripts/generate-usage-plans';
import plans from './usage-plans.json';

/** Default usage plans from the official models (generated; see scripts/generate-usage-plans.ts). */
const table: Record<string, UsagePlan> = plans;

/** Conservative plan for an operation the models do not describe: one call a second. */
const FALLBACK: UsagePlan = { rate: 1, burst: 1 };

export const usagePlanFor = (operation: string, version: string): UsagePlan =>
  table[`${operation}@${version}`] ?? FALLBACK;

export type { UsagePlan };
