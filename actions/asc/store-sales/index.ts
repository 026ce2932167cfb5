import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { dailySales } from '../../../src/app/stores/sales';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

/** GET [storeId] → { sales: DailySales[] }: 30 days of sales per store for the home page cards. */
export const main = webAction({
  name: 'store-sales',
  get: {
    input: z.object({ storeId: storeIdSchema.optional() }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const stores = (await services.storage.stores.list()).filter(
        (store) => !input.storeId || store.id === input.storeId,
      );
      const sales = [];
      for (const store of stores) sales.push(await dailySales(services.storage, store, ctx.clock.now()));
      return { sales };
    },
  },
});
