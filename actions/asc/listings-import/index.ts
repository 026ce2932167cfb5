import { z } from 'zod';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { loadListingsContext } from '../../../src/app/listings/context';
import { importThirdPartyListings } from '../../../src/app/listings/report-import';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/** POST {storeId, waitSeconds?} → imports the store's Seller Central listings (resumes a pending report). */
export const main = webAction({
  name: 'listings-import',
  post: {
    input: z.object({
      storeId: storeIdSchema,
      waitSeconds: z.coerce.number().int().min(0).max(50).default(20),
    }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, input.storeId);
      return importThirdPartyListings(lc, { waitMs: input.waitSeconds * 1000 });
    },
  },
});
