import {
  CorruptDataError,
  InvalidKeyError,
  InvalidTtlError,
  MAX_TTL_SECONDS,
  MAX_VALUE_BYTES,
  ValueTooLargeError,
} from '../../../src/core/ports';
import { collectKeys } from '../../../src/adapters/state/json-value';
import { buildKey, prefixGlob, splitKey } from '../../../src/adapters/state/key-codec';
import { implementations, stopStateService } from './harness';

afterAll(stopStateService);

describe.each(implementations)('KeyValueStore contract: $name', (implementation) => {
  it('stores, reads, overwrites and deletes a string value', async () => {
    const { kv } = await implementation.create();
    expect(await kv.get('a.b')).toBeUndefined();
    await kv.put('a.b', 'first');
    await kv.put('a.b', 'second ✓ ünïcode');
    expect(await kv.get('a.b')).toBe('second ✓ ünïcode');
    expect(await kv.delete('a.b')).toBe(true);
    expect(await kv.delete('a.b')).toBe(false);
    expect(await kv.get('a.b')).toBeUndefined();
  });

  it('expires a value after its TTL on the injected clock', async () => {
    const { kv, clock } = await implementation.create();
    await kv.put('short', 'v', { ttlSeconds: 60 });
    await kv.put('long', 'v');
    clock.advance(59_000);
    expect(await kv.get('short')).toBe('v');
    clock.advance(2_000);
    expect(await kv.get('short')).toBeUndefined();
    expect(await collectKeys(kv.keys('*'))).toEqual(['long']);
    // Without a TTL a value lives the longest time State allows: 365 days.
    clock.advance(MAX_TTL_SECONDS * 1000 - 61_000 - 10_000);
    expect(await kv.get('long')).toBe('v');
    clock.advance(20_000);
    expect(await kv.get('long')).toBeUndefined();
  });

  it('rejects TTLs State would refuse or silently turn into one day', async () => {
    const { kv } = await implementation.create();
    await expect(kv.put('k', 'v', { ttlSeconds: 0 })).rejects.toBeInstanceOf(InvalidTtlError);
    await expect(kv.put('k', 'v', { ttlSeconds: MAX_TTL_SECONDS + 1 })).rejects.toBeInstanceOf(InvalidTtlError);
    await expect(kv.put('k', 'v', { ttlSeconds: 1.5 })).rejects.toBeInstanceOf(InvalidTtlError);
    expect(await kv.get('k')).toBeUndefined();
  });

  it('accepts a value of exactly 1 MB and refuses one byte more, naming the key', async () => {
    const { kv } = await implementation.create();
    await kv.put('big', 'x'.repeat(MAX_VALUE_BYTES));
    expect((await kv.get('big'))?.length).toBe(MAX_VALUE_BYTES);
    const tooBig = kv.put('bigger', `${'x'.repeat(MAX_VALUE_BYTES - 1)}é`);
    await expect(tooBig).rejects.toBeInstanceOf(ValueTooLargeError);
    await expect(kv.put('bigger', 'x'.repeat(MAX_VALUE_BYTES + 1))).rejects.toThrow(/bigger.*1048576/);
    expect(await kv.get('bigger')).toBeUndefined();
  });

  it('refuses keys outside the State alphabet', async () => {
    const { kv } = await implementation.create();
    await expect(kv.put('A/B (1)', 'v')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(kv.get('')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(kv.put('k'.repeat(1025), 'v')).rejects.toBeInstanceOf(InvalidKeyError);
  });

  it('lists keys by glob, each key once, across more than one State list page', async () => {
    const { kv, seed } = await implementation.create();
    const wanted = Array.from({ length: 1205 }, (_, i) => `item.${String(i).padStart(5, '0')}`);
    for (const key of wanted) await seed(key, '1');
    await kv.put('other.1', '1');
    const listed = await collectKeys(kv.keys('item.*'));
    expect(listed.sort()).toEqual(wanted);
    expect(await collectKeys(kv.keys('item.0000*'))).toHaveLength(10);
    expect(await collectKeys(kv.keys('nothing.*'))).toEqual([]);
  });

  it('round-trips SKUs with any characters through escaped keys', async () => {
    const { kv } = await implementation.create();
    const skus = ['A/B (1)', 'sku_with_underscore', 'dots.in.sku', 'ünï–cødé 📦', 'star*glob', ''];
    for (const sku of skus) await kv.put(buildKey('sku', sku), sku);
    const keys = await collectKeys(kv.keys(prefixGlob('sku')));
    expect(keys.map((key) => splitKey(key)[1]).sort()).toEqual([...skus].sort());
    for (const sku of skus) expect(await kv.get(buildKey('sku', sku))).toBe(sku);
  });
});

describe('CorruptDataError', () => {
  it('names the key and the problem', () => {
    const error = new CorruptDataError('store.s1', 'name: expected string');
    expect(error.message).toBe('stored data under "store.s1" is corrupt: name: expected string');
    expect(error.code).toBe('CORRUPT_DATA');
  });
});
