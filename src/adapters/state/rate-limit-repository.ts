import { z } from 'zod';
import { ContentionError, type KeyValueStore } from '../../core/ports/key-value-store';
import type { RateLimitRepository, TokenBucketState } from '../../core/ports/repositories';
import { parseStored, randomToken, sleep } from './json-value';
import { buildKey } from './key-codec';
import { tokenBucketSchema } from './schemas';

/** Stored form: the bucket plus the tokens of the last writes it descends from (its lineage). */
const storedBucketSchema = z.object({
  state: tokenBucketSchema,
  lineage: z.array(z.string()).max(64),
});
type StoredBucket = z.infer<typeof storedBucketSchema>;

export interface RateLimitRepositoryOptions {
  /** Same meaning as the lock's settle delay: longer than one contender's read-to-write window. */
  settleMs?: number;
  maxAttempts?: number;
  /** Bucket state lives this long unused (a missing bucket is a full one). Default 1 hour. */
  ttlSeconds?: number;
}

const LINEAGE = 32;

/**
 * Token-bucket state shared by all action invocations. update() is optimistic, without a lock:
 * read, compute, write with a fresh token appended to the lineage, wait `settleMs`, read back.
 * If the current value descends from our write (our token is in its lineage), our update stuck — even if
 * someone else already built on it. Otherwise a concurrent writer that had read the older value overwrote
 * us: retry from the new value. Cost per update: 2 reads + 1 write + the settle delay.
 */
export class KvRateLimitRepository implements RateLimitRepository {
  private readonly settleMs: number;
  private readonly maxAttempts: number;
  private readonly ttlSeconds: number;

  constructor(
    private readonly kv: KeyValueStore,
    options: RateLimitRepositoryOptions = {},
  ) {
    this.settleMs = options.settleMs ?? 250;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.ttlSeconds = options.ttlSeconds ?? 3600;
  }

  async get(key: string): Promise<TokenBucketState | undefined> {
    return (await this.read(buildKey('ratelimit', key)))?.state;
  }

  async put(key: string, state: TokenBucketState): Promise<void> {
    await this.write(buildKey('ratelimit', key), { state, lineage: [randomToken()] });
  }

  async update<R>(
    key: string,
    mutate: (current: TokenBucketState | undefined) => { next: TokenBucketState; result: R },
  ): Promise<R> {
    const kvKey = buildKey('ratelimit', key);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const current = await this.read(kvKey);
      const { next, result } = mutate(current?.state);
      const token = randomToken();
      await this.write(kvKey, { state: next, lineage: [token, ...(current?.lineage ?? [])].slice(0, LINEAGE) });
      await sleep(this.settleMs);
      const after = await this.read(kvKey);
      if (after?.lineage.includes(token)) return result;
      await sleep(Math.random() * this.settleMs);
    }
    throw new ContentionError(kvKey, this.maxAttempts);
  }

  private async read(kvKey: string): Promise<StoredBucket | undefined> {
    const raw = await this.kv.get(kvKey);
    return raw === undefined ? undefined : parseStored(kvKey, raw, storedBucketSchema);
  }

  private write(kvKey: string, value: StoredBucket): Promise<void> {
    tokenBucketSchema.parse(value.state);
    return this.kv.put(kvKey, JSON.stringify(value), { ttlSeconds: this.ttlSeconds });
  }
}
