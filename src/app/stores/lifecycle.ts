import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Storage } from '../../adapters/state';
import { marketplaceById } from '../../core/marketplaces';
import { DEFAULT_LISTING_SETTINGS } from '../../core/settings/listing-settings';
import { DEFAULT_ORDER_SETTINGS } from '../../core/settings/order-settings';
import { isSyncEnabled, type StoreRecord, type StoreSummary, toStoreSummary } from '../../core/store';
import { sellerCentralLinks } from '../../core/stores/authorization';
import {
  applyStatusChange,
  buildNewStore,
  type integrationUpdateSchema,
  type NewStoreInput,
  newStoreId,
} from '../../core/stores/new-store';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import type { Services } from '../services';
import { saveStoreSettings } from '../store-settings';
import { deleteStoreData } from './delete';

/** Onboarding and lifecycle of stores (SPEC 2.3, 2.6): create, rename, activate/deactivate, delete. */

export interface StoreView extends StoreSummary {
  /** False while inactive or unauthorised: price, quantity and order sync skip the store. */
  syncEnabled: boolean;
  sellerCentral: Array<{ id: string; label: string; url: string }>;
}

export const toStoreView = (store: StoreRecord, nowMs: number): StoreView => {
  const marketplace = marketplaceById(store.marketplaceId);
  return {
    ...toStoreSummary(store, nowMs),
    syncEnabled: isSyncEnabled(store),
    sellerCentral: marketplace ? sellerCentralLinks(marketplace) : [],
  };
};

export const requireStore = async (storage: Storage, storeId: string): Promise<StoreRecord> => {
  const store = await storage.stores.get(storeId);
  if (!store) throw new NotFoundError(`No Amazon store with id ${storeId}; it may have been deleted.`);
  return store;
};

const isoNow = (services: Services) => new Date(services.clock.now()).toISOString();

/** Checks the website against Commerce, then saves the store pending Amazon's authorisation, with SPEC 2.7 defaults. */
export const createStore = async (services: Services, input: NewStoreInput): Promise<StoreRecord> => {
  const websites = await services.commerce().listWebsites();
  if (!websites.some((website) => website.code === input.websiteCode && website.id !== 0))
    throw new ValidationError(`Commerce has no website with code "${input.websiteCode}"`, {
      websiteCode: `no Commerce website "${input.websiteCode}"`,
    });
  const store = buildNewStore(input, newStoreId(input.country, randomBytes(9).toString('base64url')), isoNow(services));
  await services.storage.stores.save(store);
  await saveStoreSettings(services.storage, store.id, {
    listing: {
      ...DEFAULT_LISTING_SETTINGS,
      catalogSearch: {
        ...DEFAULT_LISTING_SETTINGS.catalogSearch,
        productIdType: input.productIdType ?? null,
        productIdAttribute: input.productIdAttribute ?? null,
      },
    },
    order: DEFAULT_ORDER_SETTINGS,
    updatedAt: store.createdAt,
  });
  await services.storage.logs.activity.append({
    storeId: store.id,
    action: 'Store added',
    comments: `${store.name} (${store.country}, website ${store.websiteCode}); waiting for Amazon authorisation`,
  });
  return store;
};

export const updateStore = async (
  services: Services,
  update: z.infer<typeof integrationUpdateSchema> & { status?: 'active' | 'inactive' },
): Promise<StoreRecord> => {
  const current = await requireStore(services.storage, update.storeId);
  let next: StoreRecord = { ...current };
  const changes: string[] = [];
  if (update.name !== undefined && update.name !== current.name) {
    next.name = update.name;
    changes.push(`name: ${current.name} → ${update.name}`);
  }
  if (update.email !== undefined && update.email !== current.email) {
    next.email = update.email;
    changes.push(`email: ${current.email ?? '(none)'} → ${update.email}`);
  }
  if (update.status !== undefined && update.status !== current.status) {
    const result = applyStatusChange(next, update.status === 'active' ? 'activate' : 'deactivate', isoNow(services));
    if (!result.ok) throw new ConflictError(result.message);
    next = result.store;
    changes.push(
      update.status === 'active'
        ? 'activated: price, quantity and order sync resume'
        : 'deactivated: price, quantity and order sync paused',
    );
  }
  if (changes.length === 0) return current;
  next.updatedAt = isoNow(services);
  await services.storage.stores.save(next);
  await services.storage.logs.activity.append({
    storeId: next.id,
    action: 'Store changed',
    comments: changes.join('; '),
  });
  return next;
};

export const deleteStore = async (services: Services, storeId: string): Promise<{ deletedKeys: number }> => {
  const store = await requireStore(services.storage, storeId);
  const result = await deleteStoreData(services.storage, storeId);
  // Logged without a store id: the store's own log is gone with it.
  await services.storage.logs.activity.append({
    action: 'Store deleted',
    comments: `${store.name} (${store.country}, seller ${store.sellerId || 'not authorised'}); Amazon listings and the grant were left untouched`,
  });
  return { deletedKeys: result.keys + result.logEntries };
};
