import { z } from 'zod';
import { savedViewDraftSchema } from '../../../src/adapters/state/listings/saved-views';
import { deleteSavedView, listSavedViews, saveSavedView } from '../../../src/app/listings/saved-views';
import { createServices } from '../../../src/app/services';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

/**
 * Saved views of the Product Listings grid (tab, filter, visible columns, sort), per store in State:
 * GET ?storeId → {views}; POST {storeId, view} → saves it (same name replaces) → {view, views};
 * DELETE {storeId, id} → {views}.
 */
export const main = webAction({
  name: 'listing-views',
  get: {
    input: z.object({ storeId: storeIdSchema }),
    handler: async (query, ctx) => ({
      views: await listSavedViews(await createServices(ctx.inputs, ctx.clock), query.storeId),
    }),
  },
  post: {
    input: z.object({ storeId: storeIdSchema, view: savedViewDraftSchema }),
    handler: async (body, ctx) => saveSavedView(await createServices(ctx.inputs, ctx.clock), body.storeId, body.view),
  },
  delete: {
    input: z.object({ storeId: storeIdSchema, id: z.string().min(1).max(80) }),
    handler: async (body, ctx) => ({
      views: await deleteSavedView(await createServices(ctx.inputs, ctx.clock), body.storeId, body.id),
    }),
  },
});
