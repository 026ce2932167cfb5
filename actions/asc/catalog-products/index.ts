import { z } from 'zod';
import { searchCatalogProducts } from '../../../src/app/listings/catalog-search';
import { loadListingsContext } from '../../../src/app/listings/context';
import { createServices } from '../../../src/app/services';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

/**
 * GET ?storeId&search → up to 20 Commerce products of the store's website whose SKU or name contains `search`:
 * the product grid of Assign Catalog Product (SPEC 4.2 New Third Party).
 */
export const main = webAction({
  name: 'catalog-products',
  get: {
    input: z.object({
      storeId: storeIdSchema,
      search: z.string().trim().min(2, 'type at least 2 characters').max(100),
    }),
    handler: async (query, ctx) => {
      const lc = await loadListingsContext(await createServices(ctx.inputs, ctx.clock), query.storeId);
      return { products: await searchCatalogProducts(lc, query.search) };
    },
  },
});
