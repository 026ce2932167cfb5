import type { GlobalSettings } from '../settings/global-settings';
import type { StoreRecord } from '../store';

/**
 * Typed repositories the app codes against. Implementations live in src/adapters/state and are the same
 * for production (aio-lib-state) and local runs (memory/file); only the raw KeyValueStore differs.
 * Everything read back is validated; bad data raises CorruptDataError naming the key.
 */

export interface StoreRepository {
  get(id: string): Promise<StoreRecord | undefined>;
  /** All stores, sorted by createdAt then id. */
  list(): Promise<StoreRecord[]>;
  listBySeller(sellerId: string): Promise<StoreRecord[]>;
  /** Insert or replace (one key per store, so concurrent saves of different stores never interfere). */
  save(store: StoreRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
}

/** The global settings model lives with its rules in src/core/settings/global-settings.ts (SPEC §1.2). */
export type { GlobalSettings, LogRetention } from '../settings/global-settings';
export { DEFAULT_GLOBAL_SETTINGS, LOG_RETENTION_DAYS } from '../settings/global-settings';

export interface SettingsRepository {
  /** The stored settings, or DEFAULT_GLOBAL_SETTINGS when none were saved yet. */
  get(): Promise<GlobalSettings>;
  save(settings: GlobalSettings): Promise<void>;
  /** Read-modify-write under a lease lock so concurrent patches do not overwrite each other. */
  update(patch: Partial<GlobalSettings>): Promise<GlobalSettings>;
}

/** Communication Errors Log row (SPEC §7.2). */
export interface CommunicationErrorEntry {
  id: string;
  storeId?: string;
  operation: string;
  code: string;
  message: string;
  httpStatus?: number;
  at: string;
}

/** Listing Changes Log row (SPEC §7.1); global across stores. */
export interface ListingChangeEntry {
  id: string;
  storeId?: string;
  sellerSku: string;
  asin?: string;
  action: string;
  comments?: string;
  at: string;
}

/** Activity log row: the per-listing history (SPEC §4.5) and other merchant-visible activity. */
export interface ActivityEntry {
  id: string;
  storeId?: string;
  sellerSku?: string;
  asin?: string;
  action: string;
  comments?: string;
  at: string;
}

/** What append() takes: the repository assigns id and, unless given, `at`. */
export type NewLogEntry<T extends { id: string; at: string }> = Omit<T, 'id' | 'at'> & { at?: string };

export interface LogPage<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next (older) page. Absent on the last page. */
  nextCursor?: string;
}

export interface LogQuery {
  storeId?: string;
  /** 1..500, default 50. */
  limit?: number;
  cursor?: string;
}

export interface LogRepository<T extends { id: string; at: string; storeId?: string }> {
  /** One key per entry (no shared read-modify-write), with a TTL equal to the retention. */
  append(entry: NewLogEntry<T>): Promise<T>;
  /** Newest first. With storeId, only that store's entries. */
  page(query?: LogQuery): Promise<LogPage<T>>;
  /** Deletes entries older than `retentionSeconds` before now; returns how many. TTL also expires them. */
  purgeOlderThan(retentionSeconds: number): Promise<number>;
  /** Deletes every entry of one store (store deletion removes its logs, SPEC §2.6). */
  deleteForStore(storeId: string): Promise<number>;
}

export interface LogRepositories {
  communicationErrors: LogRepository<CommunicationErrorEntry>;
  listingChanges: LogRepository<ListingChangeEntry>;
  activity: LogRepository<ActivityEntry>;
}

/** Token-bucket state shared by all action invocations for one rate-limit key (e.g. seller+operation). */
export interface TokenBucketState {
  tokens: number;
  /** Epoch ms of the last refill computation. */
  updatedAtMs: number;
  /** Tokens per second in force (Amazon may report a plan other than the model's), and the bucket size. */
  rate?: number;
  burst?: number;
}

export interface RateLimitRepository {
  get(key: string): Promise<TokenBucketState | undefined>;
  put(key: string, state: TokenBucketState): Promise<void>;
  /**
   * Exact read-modify-write under the bucket's lease lock (costs one lock settle delay): `mutate` runs once
   * with the current state and returns the next state and a result (e.g. "granted"). Throws LockTimeoutError
   * when the bucket stays busy too long.
   */
  update<R>(
    key: string,
    mutate: (current: TokenBucketState | undefined) => { next: TokenBucketState; result: R },
  ): Promise<R>;
}

/** An outbound write held back by read-only mode, sent (then removed) once the mode is off. */
export interface OutboxItem {
  id: string;
  storeId: string;
  /** What to replay, e.g. "listings.patch", "feeds.price". */
  kind: string;
  payload: unknown;
  createdAt: string;
}

export interface OutboxRepository {
  enqueue(item: { storeId: string; kind: string; payload: unknown }): Promise<OutboxItem>;
  /** Oldest first (replay order). */
  list(query?: { storeId?: string; limit?: number }): Promise<OutboxItem[]>;
  remove(id: string): Promise<boolean>;
}

export interface Lease {
  readonly name: string;
  readonly token: string;
  /** Deletes the lock if still ours. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long the lease lives if the holder crashes (seconds, default 30). */
  ttlSeconds?: number;
  /** Give up after this long (ms, default 10 000), raising LockTimeoutError. */
  waitMs?: number;
}

export interface LockService {
  acquire(name: string, options?: LockOptions): Promise<Lease>;
  /** Try once; undefined when someone else holds it. */
  tryAcquire(name: string, options?: Pick<LockOptions, 'ttlSeconds'>): Promise<Lease | undefined>;
  withLock<R>(name: string, fn: () => Promise<R>, options?: LockOptions): Promise<R>;
}
