import { runPublishForAllStores } from '../../../src/app/listings/sync';
import { createServices } from '../../../src/app/services';
import { jobAction } from '../../../src/platform/job-action';

/**
 * Every 5 minutes: catalogue eligibility and matching, then every offer that differs from what Amazon holds
 * (special-price windows, reservations, bulk imports without events) is sent; pending feeds are read back.
 */
export const main = jobAction('listings-publish', async ({ inputs, clock, logger }) => {
  const services = await createServices(inputs, clock);
  return { stores: await runPublishForAllStores(services, logger, `listings-publish-${clock.now()}`) };
});
