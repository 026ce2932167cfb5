import { z } from 'zod';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { loadListingsContext } from '../../../src/app/listings/context';
import { loadAttributeCatalog, saveListingRules } from '../../../src/app/listings/rules';
import { previewListingRules } from '../../../src/app/listings/rules-preview';
import { createServices } from '../../../src/app/services';
import { conditionTreeSchema, describeConditionTypes } from '../../../src/core/conditions';
import { ValidationError } from '../../../src/platform/errors';
import { webAction } from '../../../src/platform/web-action';

/**
 * Listing rules (SPEC 3.10). GET ?storeId → the store's rule tree and the condition editor description.
 * POST {storeId, rules, save?} → the Listing Preview (ineligible / eligible / new); with save=true the tree
 * is stored too (the next sync applies it).
 */
export const main = webAction({
  name: 'listing-rules',
  get: {
    input: z.object({ storeId: storeIdSchema }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, query.storeId);
      const catalog = await loadAttributeCatalog(services.commerce());
      return { rules: lc.rules, conditionTypes: describeConditionTypes(catalog) };
    },
  },
  post: {
    input: z.object({ storeId: storeIdSchema, rules: z.unknown(), save: z.boolean().default(false) }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, input.storeId);
      const catalog = await loadAttributeCatalog(services.commerce());
      const parsed = conditionTreeSchema(catalog).safeParse(input.rules);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = ['rules', ...(issue?.path ?? [])].join('.');
        throw new ValidationError(`${field}: ${issue?.message}`, { [field]: issue?.message ?? 'invalid' });
      }
      const preview = await previewListingRules(lc, parsed.data);
      if (input.save) await saveListingRules(services.storage, input.storeId, parsed.data);
      return { saved: input.save, rules: parsed.data, preview };
    },
  },
});
