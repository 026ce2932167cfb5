import { ALARM_LISTEN_MS, runOfferJob } from '../../../src/app/pricing/offer-job';
import { createServices } from '../../../src/app/services';
import { jobAction } from '../../../src/platform/job-action';

/**
 * Alarm (every minute): ANY_OFFER_CHANGED notifications and stale-listing polls → repricing within guardrails.
 * The run then long-polls the SQS queue for 45 s, so a competitor change is repriced within seconds instead of
 * waiting for the next alarm.
 */
export const main = jobAction('pricing-offers', async ({ inputs, clock, logger }) => {
  const services = await createServices(inputs, clock);
  const summary = await runOfferJob(services, { logger, listenMs: ALARM_LISTEN_MS });
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
