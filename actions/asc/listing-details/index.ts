import { z } from 'zod';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { loadListingsContext } from '../../../src/app/listings/context';
import { requireListing } from '../../../src/app/listings/merchant-actions';
import { createServices } from '../../../src/app/services';
import { STATUS_LABELS } from '../../../src/core/listings';
import { webAction } from '../../../src/platform/web-action';

/** GET ?storeId&sku → the listing (SPEC 4.5 Listing Details) and its Listing Activity Log. */
export const main = webAction({
  name: 'listing-details',
  get: {
    input: z.object({ storeId: storeIdSchema, sku: z.string().min(1).max(200) }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, query.storeId);
      const listing = await requireListing(lc, query.sku);
      const activity = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10 && activity.length < 100; i++) {
        const page = await services.storage.logs.listingChanges.page({ storeId: query.storeId, limit: 500, cursor });
        activity.push(...page.items.filter((e) => e.sellerSku === query.sku));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return { listing, statusLabel: STATUS_LABELS[listing.status], activity };
    },
  },
});
