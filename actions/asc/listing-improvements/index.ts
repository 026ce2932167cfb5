import { z } from 'zod';
import { MAX_LISTINGS_PAGE_SIZE } from '../../../src/adapters/state/listings/repository';
import { loadListingsContext } from '../../../src/app/listings/context';
import { createServices } from '../../../src/app/services';
import { improvementRows, improvementsPage } from '../../../src/core/listings/improvements';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

/**
 * GET ?storeId&page&pageSize → the Listing Improvements report (SPEC 7.4): Amazon's issues per listing of the
 * store, from the issues stored with each listing (no Amazon call). Scans the store's listings once per page.
 */
export const main = webAction({
  name: 'listing-improvements',
  get: {
    input: z.object({
      storeId: storeIdSchema,
      page: z.coerce.number({ message: 'must be a number' }).int().min(0).default(0),
      pageSize: z.coerce.number({ message: 'must be a number' }).int().min(1).max(MAX_LISTINGS_PAGE_SIZE).default(50),
    }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, query.storeId);
      const listings = [];
      for await (const listing of lc.repo.scan()) if (listing.issues?.length) listings.push(listing);
      return improvementsPage(improvementRows(listings), query.page, query.pageSize);
    },
  },
});
