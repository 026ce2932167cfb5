import { z } from 'zod';
import type { Storage } from '../adapters/state';
import { buildKey } from '../adapters/state';
import {
  DEFAULT_LISTING_SETTINGS,
  type ListingSettings,
  listingSettingsSchema,
} from '../core/settings/listing-settings';
import { DEFAULT_ORDER_SETTINGS, type OrderSettings, orderSettingsSchema } from '../core/settings/order-settings';

/** A store's listing settings (SPEC 3.1–3.8) and order settings (SPEC 6.1), stored as one document per store. */
export interface StoreSettings {
  listing: ListingSettings;
  order: OrderSettings;
  updatedAt?: string;
}

const storedSchema = z.object({
  listing: listingSettingsSchema,
  order: orderSettingsSchema,
  updatedAt: z.string().optional(),
});

const keyOf = (storeId: string) => buildKey('storesettings', storeId);

/** The store's settings, or the documented defaults (SPEC 2.7) when none were saved. */
export const loadStoreSettings = async (storage: Storage, storeId: string): Promise<StoreSettings> => {
  const raw = await storage.kv.get(keyOf(storeId));
  if (raw === undefined) return { listing: DEFAULT_LISTING_SETTINGS, order: DEFAULT_ORDER_SETTINGS };
  const parsed = storedSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`stored settings of store ${storeId} are invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
};

/** Writes validated settings; callers validate merchant input first (validateSettingsUpdate). */
export const saveStoreSettings = async (storage: Storage, storeId: string, settings: StoreSettings): Promise<void> => {
  const checked = storedSchema.parse(settings);
  await storage.kv.put(keyOf(storeId), JSON.stringify(checked));
};

export const deleteStoreSettings = (storage: Storage, storeId: string): Promise<boolean> =>
  storage.kv.delete(keyOf(storeId));
