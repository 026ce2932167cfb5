import { z } from 'zod';
import { loadListingsContext } from '../../../src/app/listings/context';
import { createCatalogProducts, VISIBILITIES } from '../../../src/app/listings/create-catalog-product';
import { createServices } from '../../../src/app/services';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

/**
 * Create New Catalog Product(s) (SPEC 4.2 New Third Party, row and mass action).
 * POST {storeId, skus[], enabled, attributeSetId, visibility, websiteIds?, taxClassId?} → creates one Commerce
 * product per listing (ASIN → SKU, name, price, quantity) and matches the listing to it.
 */
export const main = webAction({
  name: 'listing-catalog-product',
  post: {
    input: z.object({
      storeId: storeIdSchema,
      skus: z.array(z.string().min(1).max(200)).min(1).max(50),
      enabled: z.boolean().default(true),
      attributeSetId: z.number().int().positive().default(4),
      visibility: z
        .enum(Object.keys(VISIBILITIES) as [keyof typeof VISIBILITIES, ...Array<keyof typeof VISIBILITIES>])
        .default('not_visible_individually'),
      websiteIds: z.array(z.number().int().positive()).max(50).optional(),
      taxClassId: z.number().int().min(0).optional(),
    }),
    handler: async (input, ctx) => {
      const lc = await loadListingsContext(await createServices(ctx.inputs, ctx.clock), input.storeId);
      return createCatalogProducts(lc, { ...input, sellerSkus: input.skus }, `create-product-${ctx.clock.now()}`);
    },
  },
});
