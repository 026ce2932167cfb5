import type { Storage } from '../../adapters/state';
import { buildKey, escapeSegment, unescapeSegment } from '../../adapters/state';
import { deleteStoreSettings } from '../store-settings';

/**
 * Per-store key convention (docs/storage.md "Per-store keys"): every key that belongs to one store is built
 * `buildKey('<area>', storeId, …)`, i.e. the store id is the SECOND segment; a per-store grid collection is
 * named `storeCollectionName('<area>', storeId)` (`<area>@<storeId>`) or `buildKey('<area>', storeId, …)`. Deleting a store then finds all of its
 * data with two list globs, without knowing which areas exist.
 */
export const storeCollectionName = (area: string, storeId: string): string => `${area}@${storeId}`;

const safeSplit = (key: string): string[] | undefined => {
  try {
    return key.split('.').map(unescapeSegment);
  } catch {
    return undefined;
  }
};

/** Keys of this store by the convention above (the store record itself included). */
export const storeDataKeys = async (storage: Storage, storeId: string): Promise<string[]> => {
  const id = escapeSegment(storeId);
  const found = new Set<string>();
  const globs = [
    `*.${id}`,
    `*.${id}.*`,
    `col.*${escapeSegment(`@${storeId}`)}.*`,
    // Collections named with buildKey('<area>', storeId, …) (e.g. Listings' tab collections).
    `col.*${escapeSegment(`.${storeId}`)}*`,
  ];
  for (const glob of globs) {
    for await (const key of storage.kv.keys(glob)) {
      const segments = safeSplit(key);
      if (!segments) continue;
      const ownedBySecondSegment = segments[1] === storeId && segments[0] !== 'log';
      const collection = segments[0] === 'col' ? (segments[1] ?? '') : undefined;
      const ownedCollection =
        collection !== undefined && (collection.endsWith(`@${storeId}`) || collection.split('.')[1] === storeId);
      if (ownedBySecondSegment || ownedCollection) found.add(key);
    }
  }
  return [...found].sort();
};

export interface DeletedStoreData {
  keys: number;
  logEntries: number;
}

/**
 * Removes every record of one store: logs (through their repositories), held outbox writes, settings, and
 * every key other areas created under the per-store convention; the store record goes last, so a failure
 * half-way leaves a store that can be deleted again rather than orphaned data nobody can reach.
 * Amazon is not touched (decision #14): listings stay live and the grant stays until the merchant revokes it.
 */
export const deleteStoreData = async (storage: Storage, storeId: string): Promise<DeletedStoreData> => {
  const { communicationErrors, listingChanges, activity } = storage.logs;
  const logEntries =
    (await communicationErrors.deleteForStore(storeId)) +
    (await listingChanges.deleteForStore(storeId)) +
    (await activity.deleteForStore(storeId));
  for (const item of await storage.outbox.list({ storeId, limit: 10_000 })) await storage.outbox.remove(item.id);
  await deleteStoreSettings(storage, storeId);
  const storeKey = buildKey('store', storeId);
  const keys = (await storeDataKeys(storage, storeId)).filter((key) => key !== storeKey);
  for (const key of keys) await storage.kv.delete(key);
  await storage.stores.delete(storeId);
  return { keys: keys.length + 1, logEntries };
};
