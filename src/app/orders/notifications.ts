/**
 * ORDER_CHANGE notifications: Amazon pushes them to our own queue (one queue per notification type, like
 * Pricing's ANY_OFFER_CHANGED queue in src/app/pricing/competitor-feed.ts, whose queue readers this reuses). They are
 * hints only: each one makes the import re-read that order with getOrder at once instead of at the next window;
 * the polling window stays the safety net, so a lost or duplicate message costs nothing.
 */
import type { AmazonGateway } from '../../adapters/amazon/sp-api-gateway';
import { buildKey } from '../../adapters/state';
import { parseOrderChange, toRefreshWorkItems } from '../../core/orders';
import { isSyncEnabled } from '../../core/store';
import { type NotificationQueue, notificationQueueFromInputs, UnconfiguredQueue } from '../../adapters/sqs';
import type { Services } from '../services';
import { type ImportOptions, refreshOrder } from './import';

export const DEFAULT_ORDERS_QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:asc-order-change';

/** The ORDER_CHANGE queue over Amazon SQS: ASC_ORDERS_QUEUE_URL (or _ARN) + ASC_SQS_* credentials (src/adapters/sqs). */
export const orderChangeQueueFrom = (inputs: Record<string, unknown>): NotificationQueue =>
  notificationQueueFromInputs(inputs, {
    url: 'ASC_ORDERS_QUEUE_URL',
    arn: 'ASC_ORDERS_QUEUE_ARN',
    emulatorQueueName: 'asc-order-change',
  });

/** One destination per queue and one ORDER_CHANGE subscription per seller; 409 (exists) is fine. */
export const ensureOrderChangeSubscription = async (gateway: AmazonGateway, queueArn: string): Promise<void> => {
  const destinations =
    (await gateway.call<Array<{ destinationId: string; resource?: { sqs?: { arn?: string } } }>>('getDestinations')) ??
    [];
  let destinationId = destinations.find((d) => d.resource?.sqs?.arn === queueArn)?.destinationId;
  if (!destinationId)
    destinationId = (
      await gateway.call<{ destinationId: string }>('createDestination', {
        body: { name: 'asc-order-change', resourceSpecification: { sqs: { arn: queueArn } } },
      })
    ).destinationId;
  try {
    await gateway.call('createSubscription', {
      path: { notificationType: 'ORDER_CHANGE' },
      body: { payloadVersion: '1.0', destinationId },
    });
  } catch (error) {
    if ((error as { httpStatus?: number }).httpStatus !== 409) throw error;
  }
};

/**
 * Drains up to `maxMessages` ORDER_CHANGE messages: each matching active store re-reads and processes the order.
 * A message is deleted once handled; one that fails comes back after the visibility timeout (at-least-once).
 */
export const drainOrderChanges = async (
  services: Services,
  queue: NotificationQueue,
  options: ImportOptions = {},
  maxMessages = 50,
): Promise<{ received: number; refreshed: number; failed: number }> => {
  const stores = (await services.storage.stores.list()).filter(isSyncEnabled);
  const out = { received: 0, refreshed: 0, failed: 0 };
  while (out.received < maxMessages) {
    const messages = await queue.receive(10);
    if (messages.length === 0) break;
    for (const message of messages) {
      out.received++;
      try {
        const change = parseOrderChange(message.body);
        for (const item of toRefreshWorkItems(change, stores)) {
          const store = stores.find((s) => s.id === item.storeId);
          if (!store) continue;
          await refreshOrder(services, store, item.amazonOrderId, options);
          out.refreshed++;
        }
        await queue.delete(message.receiptHandle);
      } catch {
        out.failed++;
      }
    }
  }
  return out;
};

/** Subscribes each active store's seller once (remembered per store; store deletion removes the flag). */
export const ensureSubscriptions = async (services: Services, queue: NotificationQueue): Promise<number> => {
  // An unconfigured queue reports itself on its first receive; subscribing Amazon to its placeholder ARN would
  // register a destination nobody reads.
  if (queue instanceof UnconfiguredQueue) return 0;
  let made = 0;
  const sellers = new Set<string>();
  for (const store of (await services.storage.stores.list()).filter(isSyncEnabled)) {
    const key = buildKey('ordersubscription', store.id);
    if ((await services.storage.kv.get(key)) === queue.queueArn || sellers.has(store.sellerId)) continue;
    await ensureOrderChangeSubscription(await services.amazonFor(store), queue.queueArn);
    await services.storage.kv.put(key, queue.queueArn);
    sellers.add(store.sellerId);
    made++;
  }
  return made;
};
