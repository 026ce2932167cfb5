import type { z } from 'zod';
import { type Clock, isoNow, systemClock } from '../../core/clock';
import { type KeyValueStore, StorageError } from '../../core/ports/key-value-store';
import type { LogPage, LogQuery, LogRepository, NewLogEntry } from '../../core/ports/repositories';
import { collectKeys, randomToken, readJson } from './json-value';
import { buildKey, escapeSegment, timeSegment, unescapeSegment } from './key-codec';

export interface KvLogOptions<T> {
  /** Log name used in keys: `log.<kind>.<store or _>.<epoch ms 14 digits>.<random>`. */
  kind: string;
  schema: z.ZodType<T>;
  /** TTL of each entry in seconds: the State service drops it on its own after that (default 31 days). */
  ttlSeconds?: number;
  clock?: Clock;
}

interface ParsedLogKey {
  key: string;
  storeId: string;
  timeMs: number;
  /** `<time>.<random>`: newest-first order and the cursor. */
  sortKey: string;
}

const MAX_PAGE = 500;

/**
 * Append-only logs with one key per entry, so concurrent writers never share a read-modify-write.
 * The key carries the store and the time, so store filtering, paging order and purging need no value reads:
 * a page costs one key listing plus one read per returned entry.
 */
export class KvLogRepository<T extends { id: string; at: string; storeId?: string }> implements LogRepository<T> {
  private readonly clock: Clock;
  private readonly ttlSeconds: number;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly options: KvLogOptions<T>,
  ) {
    this.clock = options.clock ?? systemClock;
    this.ttlSeconds = options.ttlSeconds ?? 31 * 24 * 3600;
  }

  async append(entry: NewLogEntry<T>): Promise<T> {
    const at = entry.at ?? isoNow(this.clock);
    const timeMs = Date.parse(at);
    if (Number.isNaN(timeMs)) throw new StorageError(`log entry "at" is not an ISO date: ${at}`, 'INVALID_VALUE');
    const time = timeSegment(timeMs);
    const random = randomToken().slice(0, 12);
    const stored = { ...entry, id: `${time}-${random}`, at } as unknown as T;
    const checked = this.options.schema.safeParse(stored);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new StorageError(
        `invalid ${this.options.kind} log entry: ${issue?.path.join('.')}: ${issue?.message}`,
        'INVALID_VALUE',
      );
    }
    const key = buildKey('log', this.options.kind, entry.storeId ?? '', time, random);
    await this.kv.put(key, JSON.stringify(checked.data), { ttlSeconds: this.ttlSeconds });
    return checked.data;
  }

  async page(query: LogQuery = {}): Promise<LogPage<T>> {
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(query.limit ?? 50)));
    const keys = (await this.listKeys(query.storeId)).sort((a, b) => b.sortKey.localeCompare(a.sortKey));
    const after = query.cursor ? keys.filter((key) => key.sortKey < query.cursor!) : keys;
    const slice = after.slice(0, limit);
    const values = await Promise.all(slice.map((key) => readJson(this.kv, key.key, this.options.schema)));
    // An entry may expire between listing and reading: skip it rather than fail the page.
    const items = values.filter((value): value is Awaited<T> => value !== undefined) as T[];
    const last = slice.at(-1);
    return { items, nextCursor: after.length > limit && last ? last.sortKey : undefined };
  }

  async purgeOlderThan(retentionSeconds: number): Promise<number> {
    const cutoff = this.clock.now() - retentionSeconds * 1000;
    const old = (await this.listKeys()).filter((key) => key.timeMs < cutoff);
    await Promise.all(old.map((key) => this.kv.delete(key.key)));
    return old.length;
  }

  async deleteForStore(storeId: string): Promise<number> {
    const keys = await this.listKeys(storeId);
    await Promise.all(keys.map((key) => this.kv.delete(key.key)));
    return keys.length;
  }

  private async listKeys(storeId?: string): Promise<ParsedLogKey[]> {
    const kind = escapeSegment(this.options.kind);
    const glob = storeId === undefined ? `log.${kind}.*` : `log.${kind}.${escapeSegment(storeId)}.*`;
    const parsed: ParsedLogKey[] = [];
    for (const key of await collectKeys(this.kv.keys(glob))) {
      const parts = key.split('.');
      if (parts.length !== 5) continue; // not ours: ignore rather than fail the whole page
      const [, , store, time, random] = parts;
      parsed.push({ key, storeId: unescapeSegment(store), timeMs: Number(time), sortKey: `${time}.${random}` });
    }
    return parsed;
  }
}
