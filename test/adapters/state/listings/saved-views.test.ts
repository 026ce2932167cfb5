import { createStorageFromKv, MemoryKeyValueStore } from '../../../../src/adapters/state';
import { deleteStoreListings } from '../../../../src/adapters/state/listings/repository';
import {
  MAX_SAVED_VIEWS,
  type SavedViewDraft,
  savedViewsRepository,
  TooManyViewsError,
} from '../../../../src/adapters/state/listings/saved-views';

const setup = () => {
  const kv = new MemoryKeyValueStore();
  const storage = createStorageFromKv(kv, 'memory', { settleMs: 0 });
  return { kv, storage };
};

const draft = (name: string, changes: Partial<SavedViewDraft> = {}): SavedViewDraft => ({
  name,
  tab: 'active',
  filter: '',
  columns: ['sellerSku', 'asin', 'price', 'action'],
  sort: { column: 'price', direction: 'descending' },
  ...changes,
});

describe('saved views repository', () => {
  it('keeps views per store, sorted by name, readable by a fresh repository (another browser)', async () => {
    const { storage } = setup();
    await savedViewsRepository(storage, 's1').save(draft('Zebra'), 'id-z', '2026-01-01T00:00:00.000Z');
    await savedViewsRepository(storage, 's1').save(
      draft('Cheap first', { tab: 'inactive', sort: { column: 'price', direction: 'ascending' } }),
      'id-c',
      '2026-01-02T00:00:00.000Z',
    );
    const again = await savedViewsRepository(storage, 's1').list();
    expect(again.map((v) => [v.name, v.id, v.tab])).toEqual([
      ['Cheap first', 'id-c', 'inactive'],
      ['Zebra', 'id-z', 'active'],
    ]);
    expect(again[0]).toMatchObject({ columns: ['sellerSku', 'asin', 'price', 'action'], filter: '' });
    expect(await savedViewsRepository(storage, 's2').list()).toEqual([]);
  });

  it('replaces a view saved again under the same name (any case) and keeps its id', async () => {
    const { storage } = setup();
    const repo = savedViewsRepository(storage, 's1');
    await repo.save(draft('FBA stock'), 'first', '2026-01-01T00:00:00.000Z');
    const { view, views } = await repo.save(
      draft('fba STOCK', { columns: ['sellerSku', 'quantity'], sort: null }),
      'second',
      '2026-01-03T00:00:00.000Z',
    );
    expect(view).toMatchObject({ id: 'first', name: 'fba STOCK', columns: ['sellerSku', 'quantity'], sort: null });
    expect(views).toHaveLength(1);
  });

  it('refuses a view without columns, with repeated columns or an unknown column, and stores nothing', async () => {
    const { storage } = setup();
    const repo = savedViewsRepository(storage, 's1');
    await expect(repo.save(draft('None', { columns: [] }), 'a', 'now')).rejects.toThrow(/at least one column/);
    await expect(repo.save(draft('Twice', { columns: ['asin', 'asin'] }), 'a', 'now')).rejects.toThrow(/repeat/);
    await expect(repo.save(draft('Odd', { columns: ['colour' as unknown as 'asin'] }), 'a', 'now')).rejects.toThrow();
    expect(await repo.list()).toEqual([]);
  });

  it('stops at the limit but still lets an existing view be replaced', async () => {
    const { storage } = setup();
    const repo = savedViewsRepository(storage, 's1');
    for (let i = 0; i < MAX_SAVED_VIEWS; i++) await repo.save(draft(`View ${i}`), `id-${i}`, 'now');
    await expect(repo.save(draft('One more'), 'extra', 'now')).rejects.toBeInstanceOf(TooManyViewsError);
    await expect(repo.save(draft('View 7', { filter: 'MUG' }), 'x', 'now')).resolves.toMatchObject({
      view: { id: 'id-7', filter: 'MUG' },
    });
  });

  it('does not lose a view when two are saved at once', async () => {
    const { storage } = setup();
    await Promise.all(
      ['A', 'B', 'C'].map((name) =>
        savedViewsRepository(storage, 's1').save(draft(name), `id-${name.toLowerCase()}`, 'now'),
      ),
    );
    expect((await savedViewsRepository(storage, 's1').list()).map((v) => v.name)).toEqual(['A', 'B', 'C']);
  });

  it('deletes one view, says when there was none, and goes away with the store', async () => {
    const { storage, kv } = setup();
    const repo = savedViewsRepository(storage, 's1');
    await repo.save(draft('Keep'), 'keep', 'now');
    await repo.save(draft('Drop'), 'drop', 'now');
    await expect(repo.remove('drop')).resolves.toMatchObject({ removed: true, views: [{ id: 'keep' }] });
    await expect(repo.remove('drop')).resolves.toMatchObject({ removed: false });
    await deleteStoreListings(storage, 's1');
    expect(await repo.list()).toEqual([]);
    const left: string[] = [];
    for await (const key of kv.keys('listings.s1*')) left.push(key);
    expect(left).toEqual([]);
  });
});
