import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { runOfferJob } from '../../../src/app/pricing/offer-job';
import { requireStore } from '../../../src/app/pricing/rules-service';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/**
 * POST {storeId} → "Reprice now": runs the repricing job at once (the alarm runs it every minute) and answers
 * the store's outcomes: sent, held (with the guardrail reason) or unchanged per SKU.
 */
export const main = webAction({
  name: 'pricing-reprice',
  post: {
    input: z.object({ storeId: storeIdSchema }),
    handler: async (body, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      await requireStore(services, body.storeId);
      // Competitor notifications only: stale-listing polls are paced by a slow usage plan and stay the alarm's job.
      const summary = await runOfferJob(services, { logger: ctx.logger, maxPollBatches: 0 });
      return {
        messages: summary.messages,
        polled: summary.polled,
        outcomes: summary.outcomes
          .filter((o) => o.decision !== 'unchanged')
          .map(({ sku, decision, price, reason }) => ({ sku, decision, price, reason: reason ?? null })),
        errors: summary.errors,
      };
    },
  },
});
