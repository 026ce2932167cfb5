import { runImportForAllStores } from '../../../src/app/listings/sync';
import { createServices } from '../../../src/app/services';
import { jobAction } from '../../../src/platform/job-action';

/** Every 6 hours: imports Seller Central listings of every active store (SPEC 3.2 "each cron run"). */
export const main = jobAction('listings-import', async ({ inputs, clock, logger }) => {
  const services = await createServices(inputs, clock);
  return { stores: await runImportForAllStores(services, logger) };
});
