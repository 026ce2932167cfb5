import type { KeyValueStore } from '../../core/ports/key-value-store';
import type { StoreRepository } from '../../core/ports/repositories';
import type { StoreRecord } from '../../core/store';
import { readJson, collectKeys, writeJson } from './json-value';
import { buildKey, prefixGlob } from './key-codec';
import { storeRecordSchema } from './schemas';

/** One key per store (`store.<id>`): saving one store never rewrites another, so no lock is needed. */
export class KvStoreRepository implements StoreRepository {
  constructor(private readonly kv: KeyValueStore) {}

  get(id: string): Promise<StoreRecord | undefined> {
    return readJson(this.kv, buildKey('store', id), storeRecordSchema);
  }

  async list(): Promise<StoreRecord[]> {
    const keys = await collectKeys(this.kv.keys(prefixGlob('store')));
    const records = await Promise.all(keys.map((key) => readJson(this.kv, key, storeRecordSchema)));
    return records
      .filter((record): record is StoreRecord => record !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async listBySeller(sellerId: string): Promise<StoreRecord[]> {
    return (await this.list()).filter((store) => store.sellerId === sellerId);
  }

  async save(store: StoreRecord): Promise<void> {
    // Validate before writing so a bad record is refused here, not discovered on the next read.
    const checked = storeRecordSchema.safeParse(store);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(`invalid store record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    await writeJson(this.kv, buildKey('store', store.id), checked.data);
  }

  delete(id: string): Promise<boolean> {
    return this.kv.delete(buildKey('store', id));
  }
}
