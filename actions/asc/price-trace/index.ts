import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { priceTrace } from '../../../src/app/pricing/rules-service';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/** GET ?storeId&sku → the listing's price as computed now (PriceResult with its trace) and one line per step. */
export const main = webAction({
  name: 'price-trace',
  get: {
    input: z.object({
      storeId: storeIdSchema,
      sku: z.string({ message: 'sku is required' }).min(1, 'sku is required'),
    }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return priceTrace(services, query.storeId, query.sku);
    },
  },
});
