import { OPERATIONS, type OperationName } from '../adapters/amazon/operations';
import type { SpApiRequest } from '../adapters/amazon/sp-api-gateway';
import type { WriteOperation } from '../adapters/commerce';
import { isSyncEnabled } from '../core/store';
import { GLOBAL_OUTBOX, type Services } from './services';

export interface FlushResult {
  held: boolean;
  sent: number;
  failed: number;
  remaining: number;
  /** Items kept because their store is deactivated (or not authorised): its sync is paused (SPEC 2.6). */
  paused?: number;
}

const isAmazonOperation = (name: string): name is OperationName => name in OPERATIONS;

/**
 * Replays the writes read-only mode held back. Per store, order matters (a later price must not be
 * overtaken by an earlier one), so the first failure stops that store's replay until the next run.
 */
export const flushOutbox = async (services: Services, batchSize = 200): Promise<FlushResult> => {
  if ((await services.settings()).readOnlyMode) {
    const remaining = (await services.storage.outbox.list({ limit: batchSize })).length;
    return { held: true, sent: 0, failed: 0, remaining };
  }
  const items = await services.storage.outbox.list({ limit: batchSize });
  const blockedStores = new Set<string>();
  let sent = 0;
  let failed = 0;
  let paused = 0;
  for (const item of items) {
    if (blockedStores.has(item.storeId)) continue;
    const [target, operation] = item.kind.split('.', 2);
    try {
      if (target === 'commerce' && item.storeId === GLOBAL_OUTBOX) {
        await services.commerce().replayWrite(item.payload as WriteOperation);
        await services.storage.outbox.remove(item.id);
        sent++;
        continue;
      }
      if (target !== 'amazon' || !isAmazonOperation(operation)) {
        throw new Error(`outbox item ${item.id} has an unknown kind ${item.kind}`);
      }
      const store = await services.storage.stores.get(item.storeId);
      if (!store) {
        // The store was deleted while the write was held: nothing left to send it for.
        await services.storage.outbox.remove(item.id);
        continue;
      }
      if (!isSyncEnabled(store)) {
        paused++;
        continue;
      }
      const gateway = await services.amazonFor(store);
      await gateway.call(operation, item.payload as SpApiRequest);
      await services.storage.outbox.remove(item.id);
      sent++;
    } catch {
      blockedStores.add(item.storeId);
      failed++;
    }
  }
  const remaining = (await services.storage.outbox.list({ limit: batchSize })).length;
  return { held: false, sent, failed, remaining, ...(paused > 0 ? { paused } : {}) };
};
