import { z } from 'zod';
import { listingCompetition, refreshListingCompetition } from '../../../src/app/listings/competition';
import { createServices } from '../../../src/app/services';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

const request = z.object({ storeId: storeIdSchema, sku: z.string().min(1, 'sku is required').max(200) });

/**
 * Buy Box and Lowest Competitor tabs of Product Listing Details (SPEC 4.5):
 * GET ?storeId&sku → the offers we hold for the listing's ASIN, with their freshness;
 * POST {storeId, sku} → polls Amazon for that ASIN now (Refresh), stores the snapshot, same answer.
 */
export const main = webAction({
  name: 'listing-competition',
  get: {
    input: request,
    handler: async (query, ctx) =>
      listingCompetition(await createServices(ctx.inputs, ctx.clock), query.storeId, query.sku),
  },
  post: {
    input: request,
    handler: async (body, ctx) =>
      refreshListingCompetition(await createServices(ctx.inputs, ctx.clock), body.storeId, body.sku),
  },
});
