import { z } from 'zod';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/** GET ?storeId&limit&cursor → the Listing Changes Log (SPEC 7.1), newest first. */
export const main = webAction({
  name: 'listing-changes-log',
  get: {
    input: z.object({
      storeId: storeIdSchema.optional(),
      limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(500).default(50),
      cursor: z.string().min(1).optional(),
    }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const page = await services.storage.logs.listingChanges.page(query);
      return { items: page.items, nextCursor: page.nextCursor ?? null };
    },
  },
});
