import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { toStoreSummary } from '../../../src/core/store';
import { webAction } from '../../../src/platform/web-action';

/** GET → { stores: StoreSummary[] }: every store, without its secrets. */
export const main = webAction({
  name: 'stores-list',
  get: {
    input: z.object({}),
    handler: async (_input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const stores = await services.storage.stores.list();
      return { stores: stores.map((store) => toStoreSummary(store, ctx.clock.now())) };
    },
  },
});
