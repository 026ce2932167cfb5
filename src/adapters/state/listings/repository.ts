import { z } from 'zod';
import type { ChunkedCollection, CollectionPage } from '../../../core/ports/collection';
import { CONDITION_CODES } from '../../../core/listings/condition';
import {
  type AutomaticListAction,
  LISTING_STATUSES,
  LISTING_TABS,
  type Listing,
  type ListingTab,
  tabsOf,
} from '../../../core/listings';
import { buildKey, type Storage } from '..';

/**
 * Listings of one store, stored for the Product Listings grid (SPEC 4.1):
 * - a master collection of every listing, keyed by Seller SKU (lookups by SKU, scans for jobs);
 * - one collection per tab holding the listings shown on it, keyed by Seller SKU too, so a tab page is one
 *   collection page: 1 manifest read + 1–2 chunk reads whatever the number of listings (P4);
 * - one small document with the tab counts, rewritten after each save.
 * Every key starts with `listings.<storeId>` (buildKey), so deleting a store finds them (deleteStoreListings).
 */

const offerValuesSchema = z.looseObject({
  asin: z.string().optional(),
  price: z.string().optional(),
  currency: z.string().optional(),
  quantity: z.number().int().nonnegative().optional(),
  fulfillmentChannel: z.string().optional(),
  handlingTimeDays: z.number().int().optional(),
  condition: z.enum(CONDITION_CODES).optional(),
  sellerNotes: z.string().optional(),
  businessPrice: z.string().optional(),
  listPrice: z.string().optional(),
  productTaxCode: z.string().optional(),
});

export const listingSchema = z.looseObject({
  storeId: z.string().min(1),
  sellerSku: z.string().min(1),
  productSku: z.string().optional(),
  asin: z.string().optional(),
  name: z.string().optional(),
  productType: z.string().optional(),
  origin: z.enum(['catalog', 'third_party']),
  status: z.enum(LISTING_STATUSES),
  previousStatus: z.enum(LISTING_STATUSES).optional(),
  fulfillment: z.enum(['FBM', 'FBA']),
  condition: z.enum(CONDITION_CODES).optional(),
  eligible: z.boolean(),
  ineligibleReason: z.string().optional(),
  candidates: z.array(z.looseObject({ asin: z.string(), title: z.string().optional() })).optional(),
  overrides: z.looseObject({
    price: z.string().optional(),
    handlingTimeDays: z.number().int().optional(),
    condition: z.enum(CONDITION_CODES).optional(),
    sellerNotes: z.string().optional(),
  }),
  lastAccepted: offerValuesSchema.optional(),
  amazonStatus: z.array(z.enum(['BUYABLE', 'DISCOVERABLE'])).optional(),
  inactiveReason: z.string().optional(),
  issues: z.array(
    z.looseObject({ code: z.string(), message: z.string(), severity: z.enum(['ERROR', 'WARNING', 'INFO']) }),
  ),
  aliasOf: z.string().optional(),
  replacedBy: z.string().optional(),
  updatedAt: z.string(),
}) as unknown as z.ZodType<Listing>;

export type TabCounts = Record<ListingTab, number>;
const countsSchema = z.object({
  counts: z.record(z.string(), z.number().int().nonnegative()),
  autoList: z.enum(['automatic', 'manual']),
  updatedAt: z.string().optional(),
});

/** Grid pages are at most this big. */
export const MAX_LISTINGS_PAGE_SIZE = 200;

export const listingsKeyPrefix = (storeId: string) => buildKey('listings', storeId);
const collectionName = (storeId: string, part: 'all' | ListingTab) => buildKey('listings', storeId, part);
const countsKey = (storeId: string) => buildKey('listings', storeId, 'counts');

const emptyCounts = (): TabCounts => Object.fromEntries(LISTING_TABS.map((t) => [t, 0])) as TabCounts;

export interface ListingsRepository {
  readonly storeId: string;
  get(sellerSku: string): Promise<Listing | undefined>;
  /** Several listings by SKU; a big set is read with one scan instead of one lookup each. */
  getMany(sellerSkus: Iterable<string>): Promise<Map<string, Listing>>;
  /** Every listing of the store in Seller SKU order. */
  scan(): AsyncIterable<Listing>;
  /** One page of one tab, Seller SKU order (≤ 3 State reads). */
  page(tab: ListingTab, page: number, pageSize: number): Promise<CollectionPage<Listing>>;
  /** Every listing on one tab (filters, exports). */
  scanTab(tab: ListingTab): AsyncIterable<Listing>;
  counts(): Promise<TabCounts>;
  /**
   * Inserts or replaces listings, moving them between tab collections as their status changed.
   * `fresh`: the caller knows none of them exist yet (bulk import), so no previous versions are read.
   */
  save(listings: Listing[], options?: { fresh?: boolean }): Promise<void>;
  /** Re-partitions every tab (e.g. after Automatic List Action changed). */
  rebuildTabs(): Promise<void>;
  clear(): Promise<void>;
}

export const listingsRepository = (
  storage: Storage,
  storeId: string,
  autoList: AutomaticListAction,
): ListingsRepository => {
  const options = { schema: listingSchema, keyOf: (l: Listing) => l.sellerSku, maxPageSize: MAX_LISTINGS_PAGE_SIZE };
  const master = storage.collection<Listing>(collectionName(storeId, 'all'), options);
  const tabs = new Map<ListingTab, ChunkedCollection<Listing>>(
    LISTING_TABS.map((tab) => [tab, storage.collection<Listing>(collectionName(storeId, tab), options)]),
  );
  const tab = (t: ListingTab) => tabs.get(t) as ChunkedCollection<Listing>;

  const writeCounts = async (): Promise<void> => {
    const counts = emptyCounts();
    await Promise.all(
      LISTING_TABS.map(async (t) => {
        counts[t] = await tab(t).count();
      }),
    );
    await storage.kv.put(countsKey(storeId), JSON.stringify({ counts, autoList }));
  };

  const getMany = async (sellerSkus: Iterable<string>): Promise<Map<string, Listing>> => {
    const wanted = new Set(sellerSkus);
    const found = new Map<string, Listing>();
    if (wanted.size === 0) return found;
    if (wanted.size <= 20) {
      for (const sku of wanted) {
        const listing = await master.get(sku);
        if (listing) found.set(sku, listing);
      }
      return found;
    }
    for await (const listing of master.scan()) if (wanted.has(listing.sellerSku)) found.set(listing.sellerSku, listing);
    return found;
  };

  const partition = async (listings: Listing[], before: Map<string, Listing>) => {
    const upserts = new Map<ListingTab, Listing[]>();
    const removals = new Map<ListingTab, string[]>();
    for (const listing of listings) {
      const now = new Set(tabsOf(listing, autoList));
      const previous = before.get(listing.sellerSku);
      for (const t of now) upserts.set(t, [...(upserts.get(t) ?? []), listing]);
      if (previous)
        for (const t of tabsOf(previous, autoList))
          if (!now.has(t)) removals.set(t, [...(removals.get(t) ?? []), listing.sellerSku]);
    }
    for (const t of LISTING_TABS) {
      const gone = removals.get(t);
      if (gone?.length) await tab(t).remove(gone);
      const rows = upserts.get(t);
      if (rows?.length) await tab(t).upsert(rows);
    }
  };

  return {
    storeId,
    get: (sellerSku) => master.get(sellerSku),
    getMany,
    scan: () => master.scan(),
    page: (t, page, pageSize) => tab(t).page(page, pageSize),
    scanTab: (t) => tab(t).scan(),
    async counts() {
      const raw = await storage.kv.get(countsKey(storeId));
      if (raw === undefined) return emptyCounts();
      const parsed = countsSchema.safeParse(JSON.parse(raw));
      return parsed.success ? { ...emptyCounts(), ...parsed.data.counts } : emptyCounts();
    },
    async save(listings, saveOptions = {}) {
      if (listings.length === 0) return;
      const unique = [...new Map(listings.map((l) => [l.sellerSku, l])).values()];
      const before = saveOptions.fresh ? new Map<string, Listing>() : await getMany(unique.map((l) => l.sellerSku));
      await master.upsert(unique);
      await partition(unique, before);
      await writeCounts();
    },
    async rebuildTabs() {
      const byTab = new Map<ListingTab, Listing[]>(LISTING_TABS.map((t) => [t, []]));
      for await (const listing of master.scan()) for (const t of tabsOf(listing, autoList)) byTab.get(t)?.push(listing);
      for (const t of LISTING_TABS) await tab(t).replaceAll(byTab.get(t) ?? []);
      await writeCounts();
    },
    async clear() {
      await master.clear();
      for (const t of LISTING_TABS) await tab(t).clear();
      await storage.kv.delete(countsKey(storeId));
    },
  };
};

/** Removes every listing record of a store (store deletion). Other listings documents are keyed under the same prefix. */
export const deleteStoreListings = async (storage: Storage, storeId: string): Promise<void> => {
  await listingsRepository(storage, storeId, 'automatic').clear();
  for await (const key of storage.kv.keys(`${listingsKeyPrefix(storeId)}.*`)) await storage.kv.delete(key);
};
