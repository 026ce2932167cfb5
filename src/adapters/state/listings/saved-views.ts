import { z } from 'zod';
import { LISTING_TABS } from '../../../core/listings';
import {
  GRID_COLUMN_IDS,
  GRID_SORT_COLUMNS,
  type GridColumnId,
  type GridSortColumn,
} from '../../../core/listings/grid-columns';
import { buildKey, type Storage } from '..';

/**
 * Saved views of the Product Listings grid (SPEC 4.1 grid controls): a named combination of tab, filter, visible
 * columns and sort, kept per store in one small State document (`listings.<store>.views`), so a view saved in one
 * browser is there after a reload and in any other browser. The key sits under the store's `listings.` prefix, so
 * deleting the store removes it (deleteStoreListings). Writes go through the store's views lock: two merchants
 * saving at once never lose each other's view.
 */

export { GRID_COLUMN_IDS, GRID_SORT_COLUMNS, type GridColumnId, type GridSortColumn };

export const MAX_SAVED_VIEWS = 50;

export const savedViewDraftSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'name is required')
    .max(60, 'name must be at most 60 characters')
    .regex(/^[^<>]*$/, 'name must not contain < or >'),
  tab: z.enum(LISTING_TABS),
  filter: z.string().trim().max(100).default(''),
  columns: z
    .array(z.enum(GRID_COLUMN_IDS))
    .min(1, 'at least one column must be visible')
    .refine((columns) => new Set(columns).size === columns.length, 'columns must not repeat'),
  sort: z
    .object({ column: z.enum(GRID_SORT_COLUMNS), direction: z.enum(['ascending', 'descending']) })
    .nullable()
    .default(null),
});
export type SavedViewDraft = z.infer<typeof savedViewDraftSchema>;

export const savedViewSchema = savedViewDraftSchema.extend({
  id: z.string().regex(/^[a-z0-9-]{1,80}$/),
  savedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

const documentSchema = z.object({ views: z.array(savedViewSchema) });

export class TooManyViewsError extends Error {
  constructor() {
    super(`a store keeps at most ${MAX_SAVED_VIEWS} saved views; delete one first`);
    this.name = 'TooManyViewsError';
  }
}

export interface SavedViewsRepository {
  /** The store's views, by name. */
  list(): Promise<SavedView[]>;
  /**
   * Saves a view; a view with the same name (case-insensitive) is replaced and keeps its id.
   * `newId` is used only for a new name. Throws TooManyViewsError beyond MAX_SAVED_VIEWS.
   */
  save(draft: SavedViewDraft, newId: string, savedAt: string): Promise<{ view: SavedView; views: SavedView[] }>;
  /** Deletes a view; false when it did not exist. */
  remove(id: string): Promise<{ removed: boolean; views: SavedView[] }>;
}

const byName = (a: SavedView, b: SavedView) => a.name.localeCompare(b.name);

export const savedViewsRepository = (storage: Storage, storeId: string): SavedViewsRepository => {
  const key = buildKey('listings', storeId, 'views');
  const lockName = buildKey('listings', storeId, 'views');
  const read = async (): Promise<SavedView[]> => {
    const raw = await storage.kv.get(key);
    if (raw === undefined) return [];
    const parsed = documentSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new Error(`stored saved views of ${storeId} are invalid: ${parsed.error.message}`);
    return parsed.data.views;
  };
  const write = (views: SavedView[]) => storage.kv.put(key, JSON.stringify({ views: [...views].sort(byName) }));
  return {
    list: async () => (await read()).sort(byName),
    save: (draft, newId, savedAt) =>
      storage.locks.withLock(lockName, async () => {
        const clean = savedViewDraftSchema.parse(draft);
        const views = await read();
        const existing = views.find((v) => v.name.toLowerCase() === clean.name.toLowerCase());
        if (!existing && views.length >= MAX_SAVED_VIEWS) throw new TooManyViewsError();
        const view = savedViewSchema.parse({ ...clean, id: existing?.id ?? newId, savedAt });
        const next = [...views.filter((v) => v !== existing), view].sort(byName);
        await write(next);
        return { view, views: next };
      }),
    remove: (id) =>
      storage.locks.withLock(lockName, async () => {
        const views = await read();
        const next = views.filter((v) => v.id !== id);
        if (next.length !== views.length) await write(next);
        return { removed: next.length !== views.length, views: next.sort(byName) };
      }),
  };
};
