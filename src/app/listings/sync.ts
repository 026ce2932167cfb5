import { isSyncEnabled } from '../../core/store';
import type { Logger } from '../../platform/logger';
import type { Services } from '../services';
import { syncCatalogListings } from './catalog-sync';
import { loadListingsContext } from './context';
import { importThirdPartyListings } from './report-import';
import { reconcileStore } from './reconciler';

/**
 * Entry points of the listings jobs. STORES calls `onStoreConnected` when a store finishes connecting
 * (SPEC 2.5: the first import runs then); the alarms call the fan-outs below for every active store.
 */
export const onStoreConnected = async (services: Services, storeId: string) => {
  const lc = await loadListingsContext(services, storeId);
  const imported = await importThirdPartyListings(lc, { waitMs: 0 });
  const catalog = await syncCatalogListings(lc);
  return { imported, catalog };
};

const activeStores = async (services: Services) => (await services.storage.stores.list()).filter(isSyncEnabled);

/** Every 6 h: third-party import (resumes a pending report). */
export const runImportForAllStores = async (services: Services, logger: Logger, waitMs = 20_000) => {
  const results: Record<string, unknown> = {};
  for (const store of await activeStores(services)) {
    try {
      results[store.id] = await importThirdPartyListings(await loadListingsContext(services, store.id), { waitMs });
    } catch (error) {
      logger.error(`listings import failed for store ${store.id}`, error);
      results[store.id] = { status: 'error', message: (error as Error).message };
    }
  }
  return results;
};

/** Every 5 min: the reconciler — what changed since the last run (hourly a full pass), then publish it. */
export const runPublishForAllStores = async (services: Services, logger: Logger, jobId: string) => {
  const results: Record<string, unknown> = {};
  for (const store of await activeStores(services)) {
    try {
      results[store.id] = await reconcileStore(await loadListingsContext(services, store.id), jobId);
    } catch (error) {
      logger.error(`listings publish failed for store ${store.id}`, error);
      results[store.id] = { status: 'error', message: (error as Error).message };
    }
  }
  return results;
};
