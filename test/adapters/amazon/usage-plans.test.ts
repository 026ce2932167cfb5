import { join } from 'node:path';
import { usagePlansFromModels } from '../../../scripts/generate-usage-plans';
import plans from '../../../src/adapters/amazon/usage-plans.json';
import { OPERATIONS } from '../../../src/adapters/amazon/operations';

describe('usage plans table', () => {
  it('matches the official models exactly (regenerate with scripts/generate-usage-plans.ts)', () => {
    expect(plans).toEqual(usagePlansFromModels(join(__dirname, '../../../models/sp-api')));
  });

  it('has a plan for every operation the app calls, at its pinned version', () => {
    const missing = Object.values(OPERATIONS).filter((op) => !(`${op.operation}@${op.version}` in plans));
    expect(missing).toEqual([]);
  });
});
