/**
 * Benchmark P4: State reads for one Product Listings grid page with 100 000 listings in a store.
 * Counts reads (get + list) with CountingKeyValueStore over the in-memory store for several tabs and pages
 * (first, middle, last) and prints the worst grid call (tab page + tab counts document): `P4 <reads> (goal <= 3)`,
 * then a detail line per sampled page. Run: `npx tsx bench/listings/p4.ts`.
 */
import { CountingKeyValueStore, createStorageFromKv, MemoryKeyValueStore } from '../../src/adapters/state';
import { listingsRepository } from '../../src/adapters/state/listings/repository';
import type { Listing, ListingStatus, ListingTab } from '../../src/core/listings';

const LISTINGS = Number(process.env.P4_LISTINGS ?? 100_000);
const PAGE_SIZE = 50;
const STATUSES: ListingStatus[] = [
  'active',
  'active',
  'active',
  'inactive',
  'ineligible',
  'manually_ended',
  'unable_to_assign',
];

const listing = (i: number): Listing => ({
  storeId: 'bench',
  sellerSku: `SKU-${String(i).padStart(7, '0')}`,
  productSku: `SKU-${String(i).padStart(7, '0')}`,
  asin: `B0${String(i).padStart(8, '0')}`,
  name: `Bench product ${i} with a realistic name length for the grid`,
  origin: 'catalog',
  status: STATUSES[i % STATUSES.length],
  fulfillment: 'FBM',
  condition: 'new_new',
  eligible: true,
  overrides: i % 10 === 0 ? { price: '9.99' } : {},
  lastAccepted: { asin: `B0${String(i).padStart(8, '0')}`, price: '19.99', currency: 'USD', quantity: i % 50 },
  issues: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const main = async () => {
  const counting = new CountingKeyValueStore(new MemoryKeyValueStore());
  const storage = createStorageFromKv(counting, 'memory', { settleMs: 0 });
  const repo = listingsRepository(storage, 'bench', 'automatic');
  const started = Date.now();
  for (let i = 0; i < LISTINGS; i += 10_000)
    await repo.save(
      Array.from({ length: Math.min(10_000, LISTINGS - i) }, (_, k) => listing(i + k)),
      { fresh: true },
    );
  const loadMs = Date.now() - started;
  const counts = await repo.counts();
  let worst = 0;
  const samples: string[] = [];
  for (const tab of ['active', 'inactive', 'overrides', 'incomplete'] as ListingTab[]) {
    const pages = Math.max(1, Math.ceil(counts[tab] / PAGE_SIZE));
    for (const page of [0, Math.floor(pages / 2), pages - 1]) {
      counting.reset();
      const result = await repo.page(tab, page, PAGE_SIZE);
      if (result.items.length === 0) throw new Error(`empty page ${page} of ${tab}`);
      worst = Math.max(worst, counting.reads);
      samples.push(`${tab}#${page}=${counting.reads}`);
    }
  }
  counting.reset();
  await repo.counts();
  const countReads = counting.reads;
  // The grid action reads one tab page and the tab counts document.
  console.log(`P4 ${worst + countReads} (goal <= 3)`);
  console.log(
    `P4 detail: ${LISTINGS} listings loaded in ${loadMs} ms; page reads ${samples.join(' ')}; tab counts +${countReads} read`,
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
