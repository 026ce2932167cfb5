import type { KeyValueStore } from '../../core/ports/key-value-store';
import type { LockService, RateLimitRepository, TokenBucketState } from '../../core/ports/repositories';
import { readJson } from './json-value';
import { buildKey } from './key-codec';
import { tokenBucketSchema } from './schemas';

export interface RateLimitRepositoryOptions {
  /** Bucket state lives this long unused (a missing bucket is a full one). Default 1 hour. */
  ttlSeconds?: number;
  /** How long an update waits for a busy bucket before failing with LockTimeoutError. Default 30 s. */
  waitMs?: number;
}

/**
 * Token-bucket state shared by all action invocations, one key per bucket (`ratelimit.<key>`).
 * update() is a read-modify-write under the bucket's lease lock: exact (no lost or doubled deductions) at the
 * price of one settle delay per update. Take several tokens per update when a batch is known.
 * (A lock-free "write, wait, read back" variant was tried and measured: under 20 concurrent writers it both lost
 * and doubled deductions, because a writer that read just before our read-back may still land after it.)
 */
export class KvRateLimitRepository implements RateLimitRepository {
  private readonly ttlSeconds: number;
  private readonly waitMs: number;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly locks: LockService,
    options: RateLimitRepositoryOptions = {},
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 3600;
    this.waitMs = options.waitMs ?? 30_000;
  }

  get(key: string): Promise<TokenBucketState | undefined> {
    return readJson(this.kv, buildKey('ratelimit', key), tokenBucketSchema);
  }

  async put(key: string, state: TokenBucketState): Promise<void> {
    const valid = tokenBucketSchema.parse(state);
    await this.kv.put(buildKey('ratelimit', key), JSON.stringify(valid), { ttlSeconds: this.ttlSeconds });
  }

  update<R>(
    key: string,
    mutate: (current: TokenBucketState | undefined) => { next: TokenBucketState; result: R },
  ): Promise<R> {
    return this.locks.withLock(
      `ratelimit.${key}`,
      async () => {
        const { next, result } = mutate(await this.get(key));
        await this.put(key, next);
        return result;
      },
      { ttlSeconds: 30, waitMs: this.waitMs },
    );
  }
}
