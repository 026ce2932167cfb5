import { CorruptDataError, DEFAULT_GLOBAL_SETTINGS } from '../../../src/core/ports';
import { aStore, storageFor } from './fixtures';
import { implementations, stopStateService } from './harness';

afterAll(stopStateService);

describe.each(implementations)('repositories over $name', (implementation) => {
  describe('stores', () => {
    it('saves, reads, lists by seller and deletes stores', async () => {
      const { storage } = await storageFor(implementation);
      await storage.stores.save(aStore({ id: 'us', createdAt: '2026-01-02T00:00:00.000Z' }));
      await storage.stores.save(
        aStore({
          id: 'ca',
          marketplaceId: 'A2EUQ1WTGCTBG2',
          country: 'CA',
          currency: 'CAD',
          createdAt: '2026-01-01T00:00:00.000Z',
        }),
      );
      await storage.stores.save(
        aStore({ id: 'other/seller (1)', sellerId: 'A2OTHER', createdAt: '2026-01-03T00:00:00.000Z' }),
      );
      expect((await storage.stores.get('ca'))?.currency).toBe('CAD');
      expect((await storage.stores.list()).map((s) => s.id)).toEqual(['ca', 'us', 'other/seller (1)']);
      expect((await storage.stores.listBySeller('A1DEMOSELLER0001')).map((s) => s.id)).toEqual(['ca', 'us']);
      expect(await storage.stores.delete('us')).toBe(true);
      expect(await storage.stores.get('us')).toBeUndefined();
      expect(await storage.stores.delete('us')).toBe(false);
    });

    it('keeps fields other modules add to a store record', async () => {
      const { storage } = await storageFor(implementation);
      await storage.stores.save({ ...aStore(), listingSettings: { autoList: true } } as never);
      expect(await storage.stores.get('store-us')).toMatchObject({ listingSettings: { autoList: true } });
    });

    it('refuses an invalid record and reports corrupt stored data with the key', async () => {
      const { storage, seed } = await storageFor(implementation);
      await expect(storage.stores.save({ ...aStore(), region: 'moon' } as never)).rejects.toThrow(/region/);
      await seed('store.broken', '{"id":"broken"');
      await expect(storage.stores.get('broken')).rejects.toThrow(CorruptDataError);
      await seed('store.bad', JSON.stringify({ ...aStore({ id: 'bad' }), status: 'maybe' }));
      await expect(storage.stores.get('bad')).rejects.toThrow(/store\.bad.*status/);
    });
  });

  describe('settings', () => {
    it('returns defaults, saves, and patches under a lock', async () => {
      const { storage } = await storageFor(implementation);
      expect(await storage.settings.get()).toEqual(DEFAULT_GLOBAL_SETTINGS);
      await storage.settings.save({ ...DEFAULT_GLOBAL_SETTINGS, logRetention: 'weekly' });
      const updated = await storage.settings.update({ readOnlyMode: true, readOnlyReason: 'commerce_url_changed' });
      expect(updated).toMatchObject({
        logRetention: 'weekly',
        readOnlyMode: true,
        readOnlyReason: 'commerce_url_changed',
      });
      expect(updated.updatedAt).toBe('2026-03-01T00:00:00.000Z');
      await expect(
        storage.settings.save({ ...DEFAULT_GLOBAL_SETTINGS, logRetention: 'hourly' as never }),
      ).rejects.toThrow(/logRetention/);
    });
  });

  describe('logs', () => {
    it('pages newest first with a cursor, filters by store, and purges by age', async () => {
      const { storage, clock } = await storageFor(implementation);
      const log = storage.logs.communicationErrors;
      for (let i = 0; i < 7; i++) {
        await log.append({
          storeId: i % 2 ? 'ca' : 'us',
          operation: 'putListingsItem',
          code: `E${i}`,
          message: `error ${i}`,
          httpStatus: 400,
        });
        clock.advance(60_000);
      }
      const first = await log.page({ limit: 3 });
      expect(first.items.map((e) => e.code)).toEqual(['E6', 'E5', 'E4']);
      const second = await log.page({ limit: 3, cursor: first.nextCursor });
      expect(second.items.map((e) => e.code)).toEqual(['E3', 'E2', 'E1']);
      const last = await log.page({ limit: 3, cursor: second.nextCursor });
      expect(last.items.map((e) => e.code)).toEqual(['E0']);
      expect(last.nextCursor).toBeUndefined();
      expect((await log.page({ storeId: 'ca' })).items.map((e) => e.code)).toEqual(['E5', 'E3', 'E1']);
      // Now is 7 minutes after the first entry: a 4.5-minute retention drops E0..E2.
      expect(await log.purgeOlderThan(270)).toBe(3);
      expect((await log.page()).items.map((e) => e.code)).toEqual(['E6', 'E5', 'E4', 'E3']);
      expect(await log.deleteForStore('ca')).toBe(2);
      expect((await log.page()).items.map((e) => e.code)).toEqual(['E6', 'E4']);
    });

    it('lets entries expire through their TTL and refuses malformed entries', async () => {
      const { storage, clock } = await storageFor(implementation);
      await storage.logs.listingChanges.append({
        storeId: 'us',
        sellerSku: 'A/B (1)',
        action: 'price_update',
        comments: '19.99',
      });
      await storage.logs.activity.append({ sellerSku: 'A/B (1)', action: 'quantity_update' });
      expect((await storage.logs.listingChanges.page()).items[0]).toMatchObject({
        sellerSku: 'A/B (1)',
        storeId: 'us',
      });
      clock.advance(32 * 24 * 3600 * 1000);
      expect((await storage.logs.listingChanges.page()).items).toEqual([]);
      expect((await storage.logs.activity.page()).items).toEqual([]);
      await expect(storage.logs.listingChanges.append({ action: 'x' } as never)).rejects.toThrow(/sellerSku/);
    });
  });

  describe('outbox', () => {
    it('holds writes oldest first per store and removes them once sent', async () => {
      const { storage, clock } = await storageFor(implementation);
      const a = await storage.outbox.enqueue({
        storeId: 'us',
        kind: 'listings.patch',
        payload: { sku: 'A/B (1)', price: '19.99' },
      });
      clock.advance(1000);
      const b = await storage.outbox.enqueue({ storeId: 'ca', kind: 'listings.patch', payload: { sku: 'X' } });
      clock.advance(1000);
      const c = await storage.outbox.enqueue({ storeId: 'us', kind: 'feeds.price', payload: [1, 2] });
      expect((await storage.outbox.list()).map((i) => i.id)).toEqual([a.id, b.id, c.id]);
      expect((await storage.outbox.list({ storeId: 'us' })).map((i) => i.payload)).toEqual([
        { sku: 'A/B (1)', price: '19.99' },
        [1, 2],
      ]);
      expect(await storage.outbox.remove(a.id)).toBe(true);
      expect(await storage.outbox.remove(a.id)).toBe(false);
      expect((await storage.outbox.list({ limit: 1 })).map((i) => i.id)).toEqual([b.id]);
    });
  });

  describe('rate limits', () => {
    it('stores bucket state and applies an update', async () => {
      const { storage } = await storageFor(implementation);
      expect(await storage.rateLimits.get('A1DEMO.getListingsItem')).toBeUndefined();
      await storage.rateLimits.put('A1DEMO.getListingsItem', { tokens: 5, updatedAtMs: 1 });
      const granted = await storage.rateLimits.update('A1DEMO.getListingsItem', (current) => ({
        next: { tokens: (current?.tokens ?? 0) - 1, updatedAtMs: 2 },
        result: (current?.tokens ?? 0) >= 1,
      }));
      expect(granted).toBe(true);
      expect(await storage.rateLimits.get('A1DEMO.getListingsItem')).toEqual({ tokens: 4, updatedAtMs: 2 });
    });
  });

  describe('locks', () => {
    it('excludes a second holder until release, and frees a crashed holder after its TTL', async () => {
      const { storage, clock } = await storageFor(implementation);
      const lease = await storage.locks.acquire('sync.us', { ttlSeconds: 30 });
      expect(await storage.locks.tryAcquire('sync.us')).toBeUndefined();
      await lease.release();
      const crashed = await storage.locks.tryAcquire('sync.us', { ttlSeconds: 30 });
      expect(crashed).toBeDefined();
      await expect(storage.locks.acquire('sync.us', { waitMs: 300 })).rejects.toThrow(
        /could not acquire lock "sync.us"/,
      );
      clock.advance(31_000);
      const next = await storage.locks.acquire('sync.us', { waitMs: 2000 });
      await crashed!.release(); // no longer ours: must not free the new holder's lock
      expect(await storage.locks.tryAcquire('sync.us')).toBeUndefined();
      await next.release();
    });
  });
});
