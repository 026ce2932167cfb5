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
  /** Another run holds the flush lease: this run sent nothing, so no write goes out twice. */
  busy?: boolean;
}

/** Longer than a full batch takes at Amazon's slowest write plan, so the lease never lapses mid-flush. */
const FLUSH_LEASE_SECONDS = 300;

const isAmazonOperation = (name: string): name is OperationName => name in OPERATIONS;

/**
 * Replays the writes read-only mode held back. Per store, order matters (a later price must not be
 * overtaken by an earlier one), so the first failure stops that store's replay until the next run.
 * Runs are serialised by a lease: an alarm firing while the previous run is still going (I/O Runtime starts
 * it regardless) finds the lease taken and sends nothing. A crash between sending and removing an item makes
 * the next run send it again; every held write is a full replacement (patch `replace`, put), so that is harmless.
 */
export const flushOutbox = async (services: Services, batchSize = 200): Promise<FlushResult> => {
  const lease = await services.storage.locks.tryAcquire('outbox-flush', { ttlSeconds: FLUSH_LEASE_SECONDS });
  if (!lease) return { held: false, sent: 0, failed: 0, remaining: 0, busy: true };
  try {
    return await flushUnderLease(services, batchSize);
  } finally {
    await lease.release();
  }
};

const flushUnderLease = async (services: Services, batchSize: number): Promise<FlushResult> => {
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
