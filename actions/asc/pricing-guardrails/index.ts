import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import {
  COMPETITOR_POLL_SOURCES,
  loadCompetitorPollSource,
  saveCompetitorPollSource,
} from '../../../src/app/pricing/competitive-summary';
import { loadGuardrails, saveGuardrails } from '../../../src/app/pricing/rules-service';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

const storeId = storeIdSchema;

/**
 * Repricing guardrails of one store: kill switch, maximum step per change and per day, cooldown per SKU.
 * GET ?storeId → settings; POST {storeId, killSwitch?, maxStepPercent?, maxDailyPercent?, cooldownMinutes?}.
 * Both answer `competitorPollSource` too (POST may set it): how stale listings are polled, `itemOffers` (default,
 * getItemOffersBatch) or `competitiveSummary` (getCompetitiveSummary).
 */
export const main = webAction({
  name: 'pricing-guardrails',
  get: {
    input: z.object({ storeId }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return {
        guardrails: await loadGuardrails(services, query.storeId),
        competitorPollSource: await loadCompetitorPollSource(services, query.storeId),
      };
    },
  },
  post: {
    input: z.looseObject({ storeId, competitorPollSource: z.enum(COMPETITOR_POLL_SOURCES).optional() }),
    handler: async ({ storeId: id, competitorPollSource, ...settings }, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const guardrails = await saveGuardrails(services, id, settings);
      return {
        guardrails,
        competitorPollSource: competitorPollSource
          ? await saveCompetitorPollSource(services, id, competitorPollSource)
          : await loadCompetitorPollSource(services, id),
      };
    },
  },
});
