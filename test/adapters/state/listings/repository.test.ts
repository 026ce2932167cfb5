import { CountingKeyValueStore, createStorageFromKv, MemoryKeyValueStore } from '../../../../src/adapters/state';
import { deleteStoreListings, listingsRepository } from '../../../../src/adapters/state/listings/repository';
import type { Listing } from '../../../../src/core/listings';

const listing = (sku: string, changes: Partial<Listing> = {}): Listing => ({
  storeId: 's1',
  sellerSku: sku,
  productSku: sku,
  asin: 'B000000001',
  origin: 'catalog',
  status: 'active',
  fulfillment: 'FBM',
  condition: 'new_new',
  eligible: true,
  overrides: {},
  issues: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...changes,
});

const setup = () => {
  const kv = new CountingKeyValueStore(new MemoryKeyValueStore());
  const storage = createStorageFromKv(kv, 'memory', { settleMs: 0 });
  return { kv, storage, repo: listingsRepository(storage, 's1', 'automatic') };
};

describe('listings repository', () => {
  it('shows each listing on its tab, in Seller SKU order, with counts', async () => {
    const { repo } = setup();
    await repo.save([
      listing('B-2'),
      listing('A-1'),
      listing('C-3', { status: 'unable_to_assign', asin: undefined }),
      listing('D-4', { overrides: { price: '9.99' } }),
    ]);
    expect((await repo.page('active', 0, 10)).items.map((l) => l.sellerSku)).toEqual(['A-1', 'B-2', 'D-4']);
    expect((await repo.page('incomplete', 0, 10)).items.map((l) => l.sellerSku)).toEqual(['C-3']);
    expect((await repo.page('overrides', 0, 10)).items.map((l) => l.sellerSku)).toEqual(['D-4']);
    expect(await repo.counts()).toMatchObject({ active: 3, incomplete: 1, overrides: 1, ended: 0 });
  });

  it('moves a listing between tabs when its status changes, never leaving a stale row', async () => {
    const { repo } = setup();
    await repo.save([listing('A-1', { overrides: { price: '5.00' } }), listing('B-2')]);
    await repo.save([listing('A-1', { status: 'manually_ended' })]);
    expect((await repo.page('active', 0, 10)).items.map((l) => l.sellerSku)).toEqual(['B-2']);
    expect((await repo.page('ended', 0, 10)).items.map((l) => l.sellerSku)).toEqual(['A-1']);
    expect((await repo.page('overrides', 0, 10)).total).toBe(0);
    expect(await repo.counts()).toMatchObject({ active: 1, ended: 1, overrides: 0 });
    expect((await repo.get('A-1'))?.status).toBe('manually_ended');
  });

  it('refuses an invalid listing without writing anything', async () => {
    const { repo } = setup();
    await expect(repo.save([listing('A-1', { status: 'sold' as Listing['status'] })])).rejects.toThrow(/status/);
    expect(await repo.get('A-1')).toBeUndefined();
  });

  it('reads one grid page in at most 3 State reads (page + tab counts)', async () => {
    const { repo, kv } = setup();
    await repo.save(
      Array.from({ length: 3000 }, (_, i) => listing(`SKU-${String(i).padStart(5, '0')}`)),
      { fresh: true },
    );
    kv.reset();
    await repo.page('active', 37, 50);
    await repo.counts();
    expect(kv.reads).toBeLessThanOrEqual(3);
  });

  it('forgets every listing of a deleted store and keeps other stores', async () => {
    const { storage, repo } = setup();
    const other = listingsRepository(storage, 's2', 'automatic');
    await repo.save([listing('A-1')]);
    await other.save([listing('A-1', { storeId: 's2' })]);
    await deleteStoreListings(storage, 's1');
    expect(await repo.get('A-1')).toBeUndefined();
    expect((await repo.counts()).active).toBe(0);
    expect((await other.get('A-1'))?.storeId).toBe('s2');
  });
});
