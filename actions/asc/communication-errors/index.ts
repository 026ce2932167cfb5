import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/** GET ?storeId&limit&cursor → one page of the Communication Errors Log, newest first (SPEC 7.2). */
export const main = webAction({
  name: 'communication-errors',
  get: {
    input: z.object({
      storeId: storeIdSchema.optional(),
      limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(500).default(50),
      cursor: z.string().min(1).optional(),
    }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const page = await services.storage.logs.communicationErrors.page(query);
      return { items: page.items, nextCursor: page.nextCursor ?? null };
    },
  },
});
