import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { loadGuardrails, saveGuardrails } from '../../../src/app/pricing/rules-service';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

const storeId = storeIdSchema;

/**
 * Repricing guardrails of one store: kill switch, maximum step per change and per day, cooldown per SKU.
 * GET ?storeId → settings; POST {storeId, killSwitch?, maxStepPercent?, maxDailyPercent?, cooldownMinutes?}.
 */
export const main = webAction({
  name: 'pricing-guardrails',
  get: {
    input: z.object({ storeId }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return { guardrails: await loadGuardrails(services, query.storeId) };
    },
  },
  post: {
    input: z.looseObject({ storeId }),
    handler: async ({ storeId: id, ...settings }, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return { guardrails: await saveGuardrails(services, id, settings) };
    },
  },
});
