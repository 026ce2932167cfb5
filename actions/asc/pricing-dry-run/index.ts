import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { dryRunCsv } from '../../../src/core/pricing';
import { dryRun } from '../../../src/app/pricing/rules-service';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/**
 * POST {storeId, rules, format?} → prices the store's listings with the draft rule set (nothing saved or sent):
 * totals, min/max/mean change, floor/ceiling/MAP hits and one row per listing; `format=csv` answers the rows as CSV.
 */
export const main = webAction({
  name: 'pricing-dry-run',
  post: {
    input: z.object({
      storeId: storeIdSchema,
      rules: z.array(z.unknown(), { message: 'rules must be a list' }),
      format: z.enum(['json', 'csv']).default('json'),
    }),
    handler: async (body, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const report = await dryRun(services, body.storeId, body.rules);
      if (body.format === 'csv')
        return {
          statusCode: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="pricing-dry-run-${body.storeId}.csv"`,
          },
          body: dryRunCsv(report),
        };
      return { report };
    },
  },
});
