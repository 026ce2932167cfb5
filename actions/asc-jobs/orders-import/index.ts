import { runOrderImport } from '../../../src/app/orders/import';
import { drainOrderChanges, ensureSubscriptions, orderChangeQueueFrom } from '../../../src/app/orders/notifications';
import { createServices } from '../../../src/app/services';
import { jobAction } from '../../../src/platform/job-action';

/**
 * Alarm (every 2 minutes): first the ORDER_CHANGE notifications (hints: each re-reads its order at once), then the
 * lastUpdatedAfter windows of every active store (the safety net), importing Amazon orders into Commerce exactly once
 * (docs/orders.md "In the app"). Each run reads at most a few pages; the checkpoint carries on next time.
 */
export const main = jobAction('orders-import', async ({ inputs, clock, logger }) => {
  const services = await createServices(inputs, clock);
  const queue = orderChangeQueueFrom(inputs);
  const notifications = await ensureSubscriptions(services, queue)
    .then(() => drainOrderChanges(services, queue))
    .catch((error: unknown) => {
      logger.warn('ORDER_CHANGE notifications not read; polling continues', error);
      return { error: error instanceof Error ? error.message : String(error) };
    });
  const stores = await runOrderImport(services, { maxPages: 10 });
  for (const s of stores.filter((x) => x.errors.length)) logger.warn(`order import of ${s.storeId} failed`, s.errors);
  return { notifications, stores };
});
