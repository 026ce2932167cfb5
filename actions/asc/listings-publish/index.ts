import { z } from 'zod';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { syncCatalogListings } from '../../../src/app/listings/catalog-sync';
import { loadListingsContext } from '../../../src/app/listings/context';
import { publishListings } from '../../../src/app/listings/publish';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/** POST {storeId} → "publish now": re-evaluates the catalogue (rules, matching) and sends every pending change. */
export const main = webAction({
  name: 'listings-publish',
  post: {
    input: z.object({
      storeId: storeIdSchema,
      catalog: z.boolean().default(true),
      waitSeconds: z.coerce.number().int().min(0).max(50).default(20),
    }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, input.storeId);
      const catalog = input.catalog ? await syncCatalogListings(lc) : undefined;
      const published = await publishListings(lc, {
        reason: 'publish now',
        jobId: `publish-now-${ctx.clock.now()}`,
        feedWaitMs: input.waitSeconds * 1000,
      });
      return { catalog, published };
    },
  },
});
