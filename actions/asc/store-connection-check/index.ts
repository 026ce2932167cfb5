import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { interpretParticipations } from '../../../src/core/connection';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { NotFoundError, UpstreamError } from '../../../src/platform/errors';
import { webAction } from '../../../src/platform/web-action';

/**
 * POST { storeId } → whether Amazon accepts the store's authorisation and the marketplace is active,
 * from getMarketplaceParticipations. An Amazon failure is a result to show, not a server error.
 */
export const main = webAction({
  name: 'store-connection-check',
  post: {
    input: z.object({ storeId: storeIdSchema }),
    handler: async ({ storeId }, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const store = await services.storage.stores.get(storeId);
      if (!store) throw new NotFoundError(`No store with id ${storeId}`);
      const checkedAt = new Date(ctx.clock.now()).toISOString();
      try {
        const gateway = await services.amazonFor(store);
        const participations = await gateway.getMarketplaceParticipations();
        return { storeId, checkedAt, ...interpretParticipations(store.marketplaceId, participations) };
      } catch (error) {
        if (error instanceof UpstreamError)
          return { storeId, checkedAt, ok: false, marketplace: null, message: error.message };
        throw error;
      }
    },
  },
});
