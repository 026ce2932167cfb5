import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { deleteRule, listRules, ruleEditorMeta, saveRule } from '../../../src/app/pricing/rules-service';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

const storeId = storeIdSchema;

/**
 * Pricing rules of one store (SPEC 5.1–5.5).
 * GET ?storeId[&meta=1] → rules in run order (+ editor metadata: condition types, rule forms, price attributes);
 * POST {storeId, rule} → creates or replaces the rule (validated against the store's attributes; 400 names fields);
 * DELETE {storeId, id}.
 */
export const main = webAction({
  name: 'pricing-rules',
  get: {
    input: z.object({ storeId, meta: z.enum(['0', '1', 'true', 'false']).optional() }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const rules = await listRules(services, query.storeId);
      const wantsMeta = query.meta === '1' || query.meta === 'true';
      return { rules, ...(wantsMeta ? await ruleEditorMeta(services, query.storeId) : {}) };
    },
  },
  post: {
    input: z.object({ storeId, rule: z.record(z.string(), z.unknown(), { message: 'rule must be an object' }) }),
    handler: async (body, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return { rule: await saveRule(services, body.storeId, body.rule) };
    },
  },
  delete: {
    input: z.object({ storeId, id: z.string({ message: 'id is required' }).min(1, 'id is required') }),
    handler: async (body, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return { deleted: await deleteRule(services, body.storeId, body.id) };
    },
  },
});
