import { type Clock, isoNow, systemClock } from '../../core/clock';
import { type KeyValueStore, StorageError } from '../../core/ports/key-value-store';
import type { OutboxItem, OutboxRepository } from '../../core/ports/repositories';
import { collectKeys, randomToken, readJson } from './json-value';
import { escapeSegment, KEY_PREFIX_OUTBOX, timeSegment, unescapeSegment } from './key-codec';
import { outboxItemSchema } from './schemas';

/**
 * Outbound writes held by read-only mode. One key per item, `outbox.<store>.<time>.<random>`; the item id is
 * that key without the prefix, so remove() needs no lookup and list() filters by store without reading values.
 */
/** Shared by every repository instance in the process (each action invocation builds its own). */
const ordering = { lastMs: -1, sequence: 0 };

export class KvOutboxRepository implements OutboxRepository {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly clock: Clock = systemClock,
  ) {}

  async enqueue(item: { storeId: string; kind: string; payload: unknown }): Promise<OutboxItem> {
    if (!item.storeId || !item.kind) throw new StorageError('outbox item needs storeId and kind', 'INVALID_VALUE');
    const id = `${escapeSegment(item.storeId)}.${this.orderStamp()}.${randomToken().slice(0, 12)}`;
    const stored: OutboxItem = {
      id,
      storeId: item.storeId,
      kind: item.kind,
      payload: item.payload,
      createdAt: isoNow(this.clock),
    };
    await this.kv.put(`${KEY_PREFIX_OUTBOX}${id}`, JSON.stringify(stored));
    return stored;
  }

  async list(query: { storeId?: string; limit?: number } = {}): Promise<OutboxItem[]> {
    const glob =
      query.storeId === undefined ? `${KEY_PREFIX_OUTBOX}*` : `${KEY_PREFIX_OUTBOX}${escapeSegment(query.storeId)}.*`;
    const keys = (await collectKeys(this.kv.keys(glob)))
      .map((key) => ({ key, parts: key.split('.') }))
      .filter(({ parts }) => parts.length === 4 && unescapeSegment(parts[1]) !== undefined)
      .sort((a, b) => `${a.parts[2]}.${a.parts[3]}`.localeCompare(`${b.parts[2]}.${b.parts[3]}`))
      .slice(0, query.limit ?? Number.POSITIVE_INFINITY);
    const items = await Promise.all(keys.map(({ key }) => readJson(this.kv, key, outboxItemSchema)));
    return items.filter((item): item is OutboxItem => item !== undefined);
  }

  /**
   * Time plus a per-process sequence: two writes held in the same millisecond (a price, then its correction)
   * must replay in the order they were made, which the random suffix alone would not keep.
   */
  private orderStamp(): string {
    const now = this.clock.now();
    if (now <= ordering.lastMs) ordering.sequence++;
    else {
      ordering.lastMs = now;
      ordering.sequence = 0;
    }
    return `${timeSegment(ordering.lastMs)}-${ordering.sequence.toString().padStart(6, '0')}`;
  }

  remove(id: string): Promise<boolean> {
    return this.kv.delete(`${KEY_PREFIX_OUTBOX}${id}`);
  }
}
