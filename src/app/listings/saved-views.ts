import { randomUUID } from 'node:crypto';
import {
  type SavedView,
  type SavedViewDraft,
  savedViewsRepository,
  TooManyViewsError,
} from '../../adapters/state/listings/saved-views';
import { ConflictError, NotFoundError } from '../../platform/errors';
import type { Services } from '../services';

/** Saved views of the Product Listings grid, per store (see src/adapters/state/listings/saved-views.ts). */

const requireStore = async (services: Services, storeId: string) => {
  if (!(await services.storage.stores.get(storeId))) throw new NotFoundError(`store ${storeId} does not exist`);
};

export const listSavedViews = async (services: Services, storeId: string): Promise<SavedView[]> => {
  await requireStore(services, storeId);
  return savedViewsRepository(services.storage, storeId).list();
};

export const saveSavedView = async (services: Services, storeId: string, draft: SavedViewDraft) => {
  await requireStore(services, storeId);
  try {
    return await savedViewsRepository(services.storage, storeId).save(
      draft,
      randomUUID(),
      new Date(services.clock.now()).toISOString(),
    );
  } catch (error) {
    if (error instanceof TooManyViewsError) throw new ConflictError(error.message);
    throw error;
  }
};

export const deleteSavedView = async (services: Services, storeId: string, id: string): Promise<SavedView[]> => {
  await requireStore(services, storeId);
  const { removed, views } = await savedViewsRepository(services.storage, storeId).remove(id);
  if (!removed) throw new NotFoundError(`no saved view ${id} in store ${storeId}`);
  return views;
};
