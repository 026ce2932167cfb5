/**
 * Reads the default usage plan (rate, burst) of every operation from the official SP-API models and writes
 * src/adapters/amazon/usage-plans.json, which seeds the app's rate limiter. A test re-derives it from the
 * models so the table cannot drift. Run: npx tsx scripts/generate-usage-plans.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface UsagePlan {
  rate: number;
  burst: number;
}

const PLAN =
  /\|\s*Rate \(requests per second\)\s*\|\s*Burst\s*\|\s*\n\|[-\s|]+\|\s*\n\|\s*([0-9.]+)\s*\|\s*([0-9.]+)\s*\|/;

export const usagePlansFromModels = (modelsDir: string): Record<string, UsagePlan> => {
  const plans: Record<string, UsagePlan> = {};
  for (const file of readdirSync(modelsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const model = JSON.parse(readFileSync(join(modelsDir, file), 'utf8'));
    const version: string = model.info?.version ?? 'v0';
    for (const operations of Object.values<Record<string, { operationId?: string; description?: string }>>(
      model.paths,
    )) {
      for (const operation of Object.values(operations)) {
        if (!operation || typeof operation !== 'object' || !operation.operationId) continue;
        const found = PLAN.exec(operation.description ?? '');
        if (!found) continue;
        plans[`${operation.operationId}@${version}`] = { rate: Number(found[1]), burst: Number(found[2]) };
      }
    }
  }
  return plans;
};

if (require.main === module) {
  const plans = usagePlansFromModels(join(__dirname, '..', 'models', 'sp-api'));
  writeFileSync(
    join(__dirname, '..', 'src', 'adapters', 'amazon', 'usage-plans.json'),
    `${JSON.stringify(plans, null, 2)}\n`,
  );
  console.log(`wrote ${Object.keys(plans).length} usage plans`);
}
