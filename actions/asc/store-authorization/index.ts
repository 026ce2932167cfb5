import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { startAuthorization } from '../../../src/app/stores/authorization';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

/**
 * POST {storeId} → { consentUrl, expiresAt }: the Seller Central consent page for this store, carrying a fresh
 * single-use state nonce (valid 15 minutes). Used for the first authorisation and for the yearly renewal.
 */
export const main = webAction({
  name: 'store-authorization',
  post: {
    input: z.object({ storeId: storeIdSchema }),
    handler: async ({ storeId }, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return startAuthorization(services, storeId);
    },
  },
});
