import * as path from 'node:path';
import { type Clock, systemClock } from '../../core/clock';
import type { ChunkedCollection } from '../../core/ports/collection';
import type { KeyValueStore } from '../../core/ports/key-value-store';
import type {
  LockService,
  LogRepositories,
  OutboxRepository,
  RateLimitRepository,
  SettingsRepository,
  StoreRepository,
} from '../../core/ports/repositories';
import { AioStateKeyValueStore, initAioStateClient } from './aio-state-kv';
import { type CollectionOptions, KvChunkedCollection } from './chunked-collection';
import { LeaseLockService } from './lock';
import { KvLogRepository } from './log-repository';
import { MemoryKeyValueStore } from './memory-kv';
import { KvOutboxRepository } from './outbox-repository';
import { KvRateLimitRepository } from './rate-limit-repository';
import { activitySchema, communicationErrorSchema, listingChangeSchema } from './schemas';
import { KvSettingsRepository } from './settings-repository';
import { KvStoreRepository } from './store-repository';

export type StorageKind = 'aio-state' | 'memory' | 'file';

export interface Storage {
  kind: StorageKind;
  kv: KeyValueStore;
  stores: StoreRepository;
  settings: SettingsRepository;
  logs: LogRepositories;
  rateLimits: RateLimitRepository;
  outbox: OutboxRepository;
  locks: LockService;
  /** A named grid collection; the same name always returns the same instance within this Storage. */
  collection<T>(name: string, options: CollectionOptions<T>): ChunkedCollection<T>;
}

export interface StorageOptions {
  clock?: Clock;
  /** Fischer settle delay for locks and optimistic updates (see docs/storage.md). */
  settleMs?: number;
  /** TTL of log entries in seconds (default 31 days; the purge job applies the merchant's retention). */
  logTtlSeconds?: number;
  /** How long a rate-limit update waits for a busy bucket (default 30 s). */
  rateLimitWaitMs?: number;
}

/** Builds every repository on top of any KeyValueStore: production and local runs share all of this code. */
export const createStorageFromKv = (kv: KeyValueStore, kind: StorageKind, options: StorageOptions = {}): Storage => {
  const clock = options.clock ?? systemClock;
  const settleMs = options.settleMs ?? (kind === 'aio-state' ? 250 : 15);
  const locks = new LeaseLockService(kv, { clock, settleMs });
  const logTtl = options.logTtlSeconds;
  const collections = new Map<string, ChunkedCollection<unknown>>();
  return {
    kind,
    kv,
    locks,
    stores: new KvStoreRepository(kv),
    settings: new KvSettingsRepository(kv, locks, clock),
    logs: {
      communicationErrors: new KvLogRepository(kv, {
        kind: 'comm',
        schema: communicationErrorSchema,
        clock,
        ttlSeconds: logTtl,
      }),
      listingChanges: new KvLogRepository(kv, {
        kind: 'listing',
        schema: listingChangeSchema,
        clock,
        ttlSeconds: logTtl,
      }),
      activity: new KvLogRepository(kv, { kind: 'activity', schema: activitySchema, clock, ttlSeconds: logTtl }),
    },
    rateLimits: new KvRateLimitRepository(kv, locks, { waitMs: options.rateLimitWaitMs }),
    outbox: new KvOutboxRepository(kv, clock),
    collection<T>(name: string, collectionOptions: CollectionOptions<T>): ChunkedCollection<T> {
      if (!collections.has(name))
        collections.set(
          name,
          new KvChunkedCollection(kv, locks, name, collectionOptions) as ChunkedCollection<unknown>,
        );
      return collections.get(name) as ChunkedCollection<T>;
    },
  };
};

/** Per-process stores for `npm start`: several actions in one process must see the same data. */
const embeddedStores = new Map<string, MemoryKeyValueStore>();

const embeddedStore = (filePath: string | undefined, clock: Clock): MemoryKeyValueStore => {
  const id = filePath ? path.resolve(filePath) : ':memory:';
  let kv = embeddedStores.get(id);
  if (!kv) {
    kv = new MemoryKeyValueStore({ clock, filePath: filePath ? id : undefined });
    if (filePath) {
      const store = kv;
      process.once('exit', () => store.flush());
    }
    embeddedStores.set(id, kv);
  }
  return kv;
};

/** Forgets the per-process embedded stores (tests). */
export const resetEmbeddedStorage = (): void => {
  for (const kv of embeddedStores.values()) kv.flush();
  embeddedStores.clear();
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Chooses the implementation from action inputs (params first, then environment):
 * ASC_STORAGE = `aio-state` (default when __OW_NAMESPACE is set) | `memory` (default otherwise) | `file:<path>`.
 * ASC_LOCK_SETTLE_MS overrides the settle delay.
 */
export const createStorage = async (
  params: Record<string, unknown> = {},
  options: StorageOptions = {},
): Promise<Storage> => {
  const input = (name: string) => text(params[name]) ?? text(process.env[name]);
  const namespace = input('__OW_NAMESPACE');
  const choice = input('ASC_STORAGE') ?? (namespace ? 'aio-state' : 'memory');
  const settleInput = input('ASC_LOCK_SETTLE_MS');
  const settleMs = options.settleMs ?? (settleInput ? Number(settleInput) : undefined);
  if (settleMs !== undefined && !(Number.isFinite(settleMs) && settleMs >= 0)) {
    throw new Error(`ASC_LOCK_SETTLE_MS must be a number of milliseconds ≥ 0, got "${settleInput}"`);
  }
  const resolved = { ...options, settleMs };
  if (choice === 'aio-state') {
    const client = await initAioStateClient({ namespace, apiKey: input('__OW_API_KEY') });
    return createStorageFromKv(new AioStateKeyValueStore(client), 'aio-state', resolved);
  }
  if (choice === 'memory')
    return createStorageFromKv(embeddedStore(undefined, options.clock ?? systemClock), 'memory', resolved);
  if (choice.startsWith('file:') && choice.length > 'file:'.length) {
    return createStorageFromKv(
      embeddedStore(choice.slice('file:'.length), options.clock ?? systemClock),
      'file',
      resolved,
    );
  }
  throw new Error(`ASC_STORAGE must be "aio-state", "memory" or "file:<path>", got "${choice}"`);
};

export type { CollectionOptions } from './chunked-collection';
export { CountingKeyValueStore } from './counting-kv';
export { MemoryKeyValueStore } from './memory-kv';
export { AioStateKeyValueStore, initAioStateClient } from './aio-state-kv';
export { LeaseLockService } from './lock';
export { escapeSegment, unescapeSegment, buildKey } from './key-codec';
