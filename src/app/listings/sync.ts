import { isSyncEnabled } from '../../core/store';
import type { Logger } from '../../platform/logger';
import type { Services } from '../services';
import { syncCatalogListings } from './catalog-sync';
import { loadListingsContext } from './context';
import { importThirdPartyListings } from './report-import';
import { publishListings } from './publish';

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

/** Every 5 min: catalogue eligibility/matching, then publish whatever changed (also the reconciler). */
export const runPublishForAllStores = async (services: Services, logger: Logger, jobId: string) => {
  const results: Record<string, unknown> = {};
  for (const store of await activeStores(services)) {
    try {
      const lc = await loadListingsContext(services, store.id);
      const catalog = await syncCatalogListings(lc);
      const published = await publishListings(lc, { reason: 'scheduled sync', jobId });
      results[store.id] = { catalog, published };
    } catch (error) {
      logger.error(`listings publish failed for store ${store.id}`, error);
      results[store.id] = { status: 'error', message: (error as Error).message };
    }
  }
  return results;
};
