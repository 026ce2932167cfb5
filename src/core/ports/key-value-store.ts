/**
 * The raw key-value port every repository is built on. Two implementations share all code above it:
 * aio-lib-state (production) and an in-memory/file store (local runs and tests).
 *
 * Keys must already be valid State keys (`^[a-zA-Z0-9-_.]{1,1024}$`); repositories build them with the
 * reversible escaping in src/adapters/state/key-codec.ts. Values are strings of at most MAX_VALUE_BYTES (UTF-8).
 */
export interface KvPutOptions {
  /** Time to live in whole seconds, 1..MAX_TTL_SECONDS. Omitted: the longest allowed (365 days). */
  ttlSeconds?: number;
}

export interface KeyValueStore {
  /** The value, or undefined when the key is missing or expired. */
  get(key: string): Promise<string | undefined>;
  put(key: string, value: string, options?: KvPutOptions): Promise<void>;
  /** True when a key was deleted, false when it did not exist. */
  delete(key: string): Promise<boolean>;
  /**
   * Every live key matching a glob where `*` matches any run of characters. Order is unspecified and
   * implementations yield each key once (the State service may repeat keys across pages; adapters dedupe).
   */
  keys(globPattern: string): AsyncIterable<string>;
}

/** Adobe State limits, mirrored by the memory store so local runs fail the same way production would. */
export const MAX_VALUE_BYTES = 1024 * 1024;
export const MAX_KEY_LENGTH = 1024;
export const MAX_TTL_SECONDS = 365 * 24 * 3600;
export const KEY_PATTERN = /^[a-zA-Z0-9\-_.]{1,1024}$/;
export const GLOB_PATTERN = /^[a-zA-Z0-9\-_.*]{1,1024}$/;

/** Base class so callers can tell storage failures from domain errors. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export class InvalidKeyError extends StorageError {
  constructor(key: string) {
    super(`invalid storage key "${key.slice(0, 80)}": must match ${KEY_PATTERN.source}`, 'INVALID_KEY');
    this.name = 'InvalidKeyError';
  }
}

export class ValueTooLargeError extends StorageError {
  constructor(
    readonly key: string,
    readonly bytes: number,
  ) {
    super(`value for "${key}" is ${bytes} bytes; the State limit is ${MAX_VALUE_BYTES} bytes`, 'VALUE_TOO_LARGE');
    this.name = 'ValueTooLargeError';
  }
}

export class InvalidTtlError extends StorageError {
  constructor(ttl: number) {
    super(`ttlSeconds must be an integer between 1 and ${MAX_TTL_SECONDS}, got ${ttl}`, 'INVALID_TTL');
    this.name = 'InvalidTtlError';
  }
}

/** Stored data that does not parse or validate: names the key and the first problem, never crashes elsewhere. */
export class CorruptDataError extends StorageError {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`stored data under "${key}" is corrupt: ${detail}`, 'CORRUPT_DATA');
    this.name = 'CorruptDataError';
  }
}

export class LockTimeoutError extends StorageError {
  constructor(
    readonly lockName: string,
    waitedMs: number,
  ) {
    super(`could not acquire lock "${lockName}" within ${waitedMs} ms`, 'LOCK_TIMEOUT');
    this.name = 'LockTimeoutError';
  }
}

/** Optimistic update gave up after repeated interference from concurrent writers. */
export class ContentionError extends StorageError {
  constructor(
    readonly key: string,
    attempts: number,
  ) {
    super(`gave up updating "${key}" after ${attempts} attempts under contention`, 'CONTENTION');
    this.name = 'ContentionError';
  }
}

export const utf8Bytes = (value: string): number => Buffer.byteLength(value, 'utf8');

/** Validation shared by both implementations so they reject exactly the same inputs. */
export const assertValidKey = (key: string): void => {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new InvalidKeyError(String(key));
};

export const assertValidGlob = (glob: string): void => {
  if (typeof glob !== 'string' || !GLOB_PATTERN.test(glob)) throw new InvalidKeyError(String(glob));
};

export const resolveTtlSeconds = (options?: KvPutOptions): number => {
  const ttl = options?.ttlSeconds;
  if (ttl === undefined) return MAX_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) throw new InvalidTtlError(ttl);
  return ttl;
};

export const assertValueFits = (key: string, value: string): void => {
  if (typeof value !== 'string') throw new StorageError(`value for "${key}" must be a string`, 'INVALID_VALUE');
  const bytes = utf8Bytes(value);
  if (bytes > MAX_VALUE_BYTES) throw new ValueTooLargeError(key, bytes);
};
