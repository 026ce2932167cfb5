import { runOrderImport } from '../../../src/app/orders/import';
import { createServices } from '../../../src/app/services';
import { jobAction } from '../../../src/platform/job-action';

/**
 * Alarm (every 2 minutes): imports Amazon orders of every active store into Commerce exactly once
 * (docs/orders.md "In the app"). Each run reads at most a few pages; the checkpoint carries on next time.
 */
export const main = jobAction('orders-import', async ({ inputs, clock, logger }) => {
  const services = await createServices(inputs, clock);
  const stores = await runOrderImport(services, { maxPages: 10 });
  for (const s of stores.filter((x) => x.errors.length)) logger.warn(`order import of ${s.storeId} failed`, s.errors);
  return { stores };
});
