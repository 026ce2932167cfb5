import { z } from 'zod';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { loadListingsContext } from '../../../src/app/listings/context';
import { LISTING_ACTIONS, runListingAction } from '../../../src/app/listings/merchant-actions';
import { createServices } from '../../../src/app/services';
import { CONDITION_CODES } from '../../../src/core/listings';
import { webAction } from '../../../src/platform/web-action';

const price = z.string().regex(/^\d+(\.\d{1,2})?$/, { message: 'must be an amount like 19.99' });

/**
 * POST {storeId, action, skus[], …} → a row or mass action (SPEC 4.4): publish, end, switch_fulfillment,
 * alias_sku, assign_asin (manual match / pick among candidates / Edit Assigned ASIN), set_condition,
 * set_override / remove_override (SPEC 3.11), assign_catalog_product. The change is sent at once.
 */
export const main = webAction({
  name: 'listing-actions',
  post: {
    input: z.object({
      storeId: storeIdSchema,
      action: z.enum(LISTING_ACTIONS),
      skus: z.array(z.string().min(1).max(200)).min(1).max(500),
      asin: z
        .string()
        .regex(/^[A-Z0-9]{10}$/, { message: 'must be 10 capital letters or digits' })
        .optional(),
      condition: z.enum(CONDITION_CODES).optional(),
      overrides: z
        .object({
          price: price.optional(),
          handlingTimeDays: z.number().int().min(0).max(30).optional(),
          condition: z.enum(CONDITION_CODES).optional(),
          sellerNotes: z.string().max(1000).optional(),
        })
        .strict()
        .optional(),
      removeOverrides: z.array(z.enum(['price', 'handlingTimeDays', 'condition', 'sellerNotes'])).optional(),
      aliasSku: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,40}$/, { message: 'must be letters, digits, dot, dash or underscore' })
        .optional(),
      removeExisting: z.boolean().optional(),
      productSku: z.string().min(1).max(200).optional(),
    }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, input.storeId);
      return runListingAction(lc, input, `action-${ctx.clock.now()}`);
    },
  },
});
