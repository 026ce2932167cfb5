import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { competitiveAnalysis } from '../../../src/app/pricing/analysis';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/** GET ?storeId → Competitive Price Analysis rows (SPEC 7.3): your landed price beside the lowest and the Buy Box. */
export const main = webAction({
  name: 'pricing-analysis',
  get: {
    input: z.object({ storeId: storeIdSchema }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return { rows: await competitiveAnalysis(services, query.storeId) };
    },
  },
});
