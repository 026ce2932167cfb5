import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { createStorage, resetEmbeddedStorage } from '../../../src/adapters/state';
import { buildKey, escapeSegment, splitKey, unescapeSegment } from '../../../src/adapters/state/key-codec';
import { KEY_PATTERN } from '../../../src/core/ports';
import { aStore } from './fixtures';
import { stateService, stopStateService } from './harness';

afterAll(stopStateService);
afterEach(resetEmbeddedStorage);

describe('key escaping', () => {
  it('maps any string to a valid State key segment and back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const key = buildKey('sku', a, b);
        expect(KEY_PATTERN.test(key)).toBe(true);
        expect(splitKey(key)).toEqual(['sku', a, b]);
      }),
    );
    expect(escapeSegment('A/B (1)')).toBe('A_2fB_20_281_29');
    expect(unescapeSegment('A_2fB_20_281_29')).toBe('A/B (1)');
    expect(() => unescapeSegment('bad_zz')).toThrow(/malformed/);
  });
});

describe('createStorage', () => {
  it('shares one in-memory store per process so several actions see the same data', async () => {
    const first = await createStorage({ ASC_STORAGE: 'memory' });
    await first.stores.save(aStore());
    const second = await createStorage({ ASC_STORAGE: 'memory' });
    expect(second.kind).toBe('memory');
    expect((await second.stores.get('store-us'))?.name).toBe('Demo US');
  });

  it('persists file storage across a restart', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'asc-storage-')), 'state.json');
    const storage = await createStorage({ ASC_STORAGE: `file:${file}` });
    await storage.outbox.enqueue({ storeId: 'us', kind: 'listings.patch', payload: { sku: 'A/B (1)' } });
    resetEmbeddedStorage(); // flushes and forgets, like a process exit
    const restarted = await createStorage({ ASC_STORAGE: `file:${file}` });
    expect(restarted.kind).toBe('file');
    expect((await restarted.outbox.list()).map((item) => item.payload)).toEqual([{ sku: 'A/B (1)' }]);
  });

  it('uses aio-lib-state when running in a namespace, and rejects unknown choices naming the input', async () => {
    const { handle } = await stateService();
    const storage = await createStorage({ __OW_NAMESPACE: 'factory-ns', __OW_API_KEY: 'k', ASC_LOCK_SETTLE_MS: '50' });
    expect(storage.kind).toBe('aio-state');
    await storage.stores.save(aStore());
    expect(handle.store.get('factory-ns', 'store.store-us')).toBeDefined();
    await expect(createStorage({ ASC_STORAGE: 'redis' })).rejects.toThrow(/ASC_STORAGE must be/);
    await expect(createStorage({ ASC_STORAGE: 'memory', ASC_LOCK_SETTLE_MS: 'soon' })).rejects.toThrow(
      /ASC_LOCK_SETTLE_MS/,
    );
  });
});

describe('State stand-in protocol extras', () => {
  it('answers any, stats, deleteAll and the 1 MB limit to the real client', async () => {
    await stateService();
    const stateLib = require('@adobe/aio-lib-state');
    const client = await stateLib.init({ ow: { namespace: 'extras-ns', auth: 'k' } });
    expect(await client.any()).toBe(false);
    expect(await client.stats()).toEqual({ keys: 0, bytesKeys: 0, bytesValues: 0 });
    await client.put('a.1', 'xy');
    await client.put('a.2', 'z', { ttl: 10 });
    await client.put('b.1', 'w');
    expect(await client.any()).toBe(true);
    expect(await client.stats()).toEqual({ keys: 3, bytesKeys: 9, bytesValues: 4 });
    const { expiration } = await client.get('a.2');
    expect(Date.parse(expiration) - Date.parse((await client.get('a.1')).expiration)).toBe(10_000 - 86_400_000);
    expect(await client.deleteAll({ match: 'a.*' })).toEqual({ keys: 2 });
    await expect(client.put('big', 'x'.repeat(1024 * 1024 + 1))).rejects.toMatchObject({
      code: 'ERROR_PAYLOAD_TOO_LARGE',
    });
    const denied = await fetch(`${(await stateService()).handle.url}/containers/extras-ns/data/b.1`);
    expect(denied.status).toBe(401);
  });
});
