/**
 * Usage plans parsed from the official models: each operation's description carries a table
 * "| Rate (requests per second) | Burst |" — we read it instead of hand-typing numbers.
 */
import type { RatePlan } from '../shared/token-bucket';

const PLAN_TABLE =
  /Rate \(requests per second\)\s*\|\s*Burst\s*\|\s*\n\s*\|[-\s|]+\|\s*\n\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|/;

export function parseUsagePlan(description: string): RatePlan | undefined {
  const m = PLAN_TABLE.exec(description);
  if (!m) return undefined;
  return { rate: Number(m[1]), burst: Number(m[2]) };
}
