import { z } from 'zod';
import { type Clock, systemClock } from '../../core/clock';
import { type KeyValueStore, LockTimeoutError } from '../../core/ports/key-value-store';
import type { Lease, LockOptions, LockService } from '../../core/ports/repositories';
import { buildKey } from './key-codec';
import { parseStored, randomToken, sleep } from './json-value';

const lockValueSchema = z.object({ token: z.string(), expiresAtMs: z.number() });

export interface LeaseLockOptions {
  clock?: Clock;
  /**
   * Fischer's delay: longer than the longest time between a contender reading the lock as free and its
   * write landing (one State round trip plus scheduling). Default 250 ms.
   */
  settleMs?: number;
}

/**
 * Lease locks with only get/put/delete (Adobe State has no compare-and-swap), after Fischer's timed mutual
 * exclusion: read the lock; if free, write our unique token; wait `settleMs`; read back and hold the lock only
 * if the token is still ours. Any contender that saw the lock free wrote within `settleMs`, so after the wait
 * the last writer wins and every other contender sees a foreign token and backs off. The value carries an
 * expiry and the key a TTL, so a crashed holder frees the lock after `ttlSeconds`.
 */
const MIN_BACKOFF_MS = 5;

export class LeaseLockService implements LockService {
  private readonly clock: Clock;
  readonly settleMs: number;

  constructor(
    private readonly kv: KeyValueStore,
    options: LeaseLockOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.settleMs = options.settleMs ?? 250;
  }

  async tryAcquire(name: string, options: Pick<LockOptions, 'ttlSeconds'> = {}): Promise<Lease | undefined> {
    const key = buildKey('lock', name);
    const ttlSeconds = Math.max(1, Math.ceil(options.ttlSeconds ?? 30));
    if (await this.isHeld(key)) return undefined;
    const token = randomToken();
    await this.kv.put(key, JSON.stringify({ token, expiresAtMs: this.clock.now() + ttlSeconds * 1000 }), {
      ttlSeconds,
    });
    await sleep(this.settleMs);
    const current = await this.readLock(key);
    if (current?.token !== token) return undefined;
    return {
      name,
      token,
      release: async () => {
        // Best effort: only delete our own lease (an expired lease may already belong to someone else).
        const now = await this.readLock(key);
        if (now?.token === token) await this.kv.delete(key);
      },
    };
  }

  async acquire(name: string, options: LockOptions = {}): Promise<Lease> {
    const waitMs = options.waitMs ?? 10_000;
    const started = Date.now();
    for (;;) {
      const lease = await this.tryAcquire(name, options);
      if (lease) return lease;
      const waited = Date.now() - started;
      if (waited >= waitMs) throw new LockTimeoutError(name, waited);
      // Jittered back-off spreads contenders so one of them finds the lock free and alone. With settleMs 0 (tests on
      // an in-process store) the floor keeps a waiting contender from spinning on the CPU the holder needs.
      const backoffMs = Math.max(MIN_BACKOFF_MS, this.settleMs / 2 + Math.random() * this.settleMs * 2);
      await sleep(Math.min(waitMs - waited, backoffMs));
    }
  }

  async withLock<R>(name: string, fn: () => Promise<R>, options: LockOptions = {}): Promise<R> {
    const lease = await this.acquire(name, options);
    try {
      return await fn();
    } finally {
      await lease.release();
    }
  }

  private async isHeld(key: string): Promise<boolean> {
    const current = await this.readLock(key);
    return current !== undefined && current.expiresAtMs > this.clock.now();
  }

  private async readLock(key: string): Promise<z.infer<typeof lockValueSchema> | undefined> {
    const raw = await this.kv.get(key);
    if (raw === undefined) return undefined;
    try {
      return parseStored(key, raw, lockValueSchema);
    } catch {
      return undefined; // a garbled lock value is treated as free so the lock heals itself
    }
  }
}
