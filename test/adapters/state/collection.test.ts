import { z } from 'zod';
import { CountingKeyValueStore, createStorageFromKv } from '../../../src/adapters/state';
import { MemoryKeyValueStore } from '../../../src/adapters/state/memory-kv';
import { ManualClock } from '../../../src/core/clock';
import { storageFor } from './fixtures';
import { implementations, stopStateService } from './harness';

afterAll(stopStateService);

/** A listings-grid row as the grid would keep it: a summary, not the full listing. */
const listingRowSchema = z.object({
  key: z.string(),
  sellerSku: z.string(),
  asin: z.string(),
  title: z.string(),
  price: z.string(),
  quantity: z.number().int(),
  status: z.string(),
  storeId: z.string(),
  updatedAt: z.string(),
});
type ListingRow = z.infer<typeof listingRowSchema>;

const sku = (i: number) => `SKU-${String(i).padStart(6, '0')}`;
const listingRow = (i: number, overrides: Partial<ListingRow> = {}): ListingRow => ({
  key: sku(i),
  sellerSku: sku(i),
  asin: `B0${String(i).padStart(8, '0')}`,
  title: `Demo product number ${i} with a realistic Amazon-length title, colour and size variant`,
  price: `${(i % 90) + 9}.99`,
  quantity: i % 50,
  status: i % 7 ? 'Active' : 'Inactive',
  storeId: 'store-us',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...overrides,
});
const collectionOptions = { schema: listingRowSchema, keyOf: (row: ListingRow) => row.key, maxPageSize: 100 };

describe.each(implementations)('chunked collection over $name', (implementation) => {
  it('pages in key order, gets, upserts, removes and scans, splitting and merging chunks', async () => {
    const { storage } = await storageFor(implementation);
    const grid = storage.collection('listings.us', { ...collectionOptions, maxPageSize: 10, maxChunkRows: 20 });
    await grid.replaceAll([5, 1, 3, 2, 4].flatMap((n) => Array.from({ length: 10 }, (_, i) => listingRow(n * 10 + i))));
    expect(await grid.count()).toBe(50);
    const page2 = await grid.page(2, 10);
    expect(page2.items.map((r) => r.sellerSku)).toEqual(Array.from({ length: 10 }, (_, i) => sku(30 + i)));
    expect(page2.total).toBe(50);
    await grid.upsert([listingRow(35, { price: '1.00' }), listingRow(1), listingRow(999), listingRow(12)]);
    expect((await grid.get(sku(35)))?.price).toBe('1.00');
    expect(await grid.count()).toBe(52);
    expect(await grid.remove([sku(1), sku(10), sku(11), 'missing'])).toBe(3);
    const all: string[] = [];
    for await (const row of grid.scan()) all.push(row.key);
    const expected = [...Array.from({ length: 50 }, (_, i) => sku(10 + i)), sku(999)].filter(
      (k) => k !== sku(10) && k !== sku(11),
    );
    expect(all).toEqual(expected);
    expect((await grid.page(4, 10)).items.map((r) => r.key)).toEqual(expected.slice(40, 50));
    expect((await grid.page(9, 10)).items).toEqual([]);
    await expect(grid.page(0, 11)).rejects.toThrow(/pageSize must be 1..10/);
    await expect(grid.upsert([{ ...listingRow(1), quantity: 1.5 }])).rejects.toThrow(/quantity/);
    await grid.clear();
    expect(await grid.count()).toBe(0);
  });

  it('keeps escaped SKUs and rows with odd characters intact', async () => {
    const { storage } = await storageFor(implementation);
    const grid = storage.collection('listings/odd name', collectionOptions);
    const odd = ['A/B (1)', 'ß-ü.sku', 'x*y', '_under_'].map((s, i) => listingRow(i, { key: s, sellerSku: s }));
    await grid.upsert(odd);
    expect((await grid.page(0, 100)).items.map((r) => r.sellerSku)).toEqual(['A/B (1)', '_under_', 'x*y', 'ß-ü.sku']);
  });
});

describe('grid read budget at 100k listings', () => {
  it('serves any page of the default sort in at most 3 State reads, each chunk under 1 MB', async () => {
    const counting = new CountingKeyValueStore(new MemoryKeyValueStore({ clock: new ManualClock() }));
    const storage = createStorageFromKv(counting, 'memory', { settleMs: 1 });
    const grid = storage.collection('listings', { ...collectionOptions, maxPageSize: 200 });
    await grid.replaceAll(Array.from({ length: 100_000 }, (_, i) => listingRow(i)));
    for (const [page, size] of [
      [0, 20],
      [1, 50],
      [499, 200],
      [1999, 50],
      [4999, 20],
      [3000, 30],
      [999, 100],
    ] as const) {
      counting.reset();
      const result = await grid.page(page, size);
      expect(result.items).toHaveLength(size);
      expect(result.items[0].key).toBe(sku(page * size));
      expect(counting.reads).toBeLessThanOrEqual(3);
    }
    // Single-row edits keep the budget: the changed chunk is rewritten, the manifest updated.
    await grid.upsert([listingRow(50_000, { price: '5.55' })]);
    await grid.remove([sku(50_001)]);
    counting.reset();
    const page = await grid.page(500, 100);
    expect(page.items.find((r) => r.key === sku(50_000))?.price).toBe('5.55');
    expect(page.items.map((r) => r.key)).not.toContain(sku(50_001));
    expect(counting.reads).toBeLessThanOrEqual(3);
    const chunkKeys = counting.readKeys.filter((key) => key.includes('.c.'));
    for (const key of chunkKeys) expect(Buffer.byteLength((await counting.get(key)) ?? '')).toBeLessThan(1024 * 1024);
  });
});
