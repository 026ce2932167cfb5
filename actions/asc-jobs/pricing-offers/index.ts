import { listenWindowMs, runOfferJob } from '../../../src/app/pricing/offer-job';
import { createServices } from '../../../src/app/services';
import { jobAction } from '../../../src/platform/job-action';

/**
 * Alarm (every minute): ANY_OFFER_CHANGED notifications and stale-listing polls → repricing within guardrails.
 * Started by the alarm, the run then long-polls the SQS queue for `listenSeconds` (45 s, the trigger's payload), so a
 * competitor change is repriced within seconds instead of waiting for the next alarm.
 */
export const main = jobAction('pricing-offers', async ({ inputs, params, clock, logger }) => {
  const services = await createServices(inputs, clock);
  // The alarm's trigger payload sets the listen window (app.config.yaml); a direct invocation makes one pass.
  const summary = await runOfferJob(services, { logger, listenMs: listenWindowMs(params.listenSeconds) });
  const counts = {
    messages: summary.messages,
    ignored: summary.ignored,
    polled: summary.polled,
    deferred: summary.deferred,
    sent: summary.outcomes.filter((o) => o.decision === 'send').length,
    held: summary.outcomes.filter((o) => o.decision === 'hold').length,
    errors: summary.errors,
  };
  if (summary.messages + summary.polled > 0 || summary.errors.length > 0) logger.info('pricing offers', counts);
  return counts;
});
