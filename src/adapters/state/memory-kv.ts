import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Clock, systemClock } from '../../core/clock';
import {
  assertValidGlob,
  assertValidKey,
  assertValueFits,
  type KeyValueStore,
  type KvPutOptions,
  resolveTtlSeconds,
} from '../../core/ports/key-value-store';
import { globToRegExp } from './glob';

interface Entry {
  value: string;
  expiresAtMs: number;
}

export interface MemoryKeyValueStoreOptions {
  clock?: Clock;
  /** Persist to this JSON file (loaded at construction, written shortly after each change) so a demo survives restart. */
  filePath?: string;
  /** Simulated per-operation latency range in ms, to exercise concurrency the way a network store would. */
  latencyMs?: { min: number; max: number };
}

/**
 * The embedded KeyValueStore for local runs and tests. It enforces the same limits as Adobe State
 * (key pattern, 1 MB values, TTL range) so code that works here works in production.
 */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: MemoryKeyValueStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
    if (options.filePath) this.load(options.filePath);
  }

  async get(key: string): Promise<string | undefined> {
    assertValidKey(key);
    await this.latency();
    return this.live(key)?.value;
  }

  async put(key: string, value: string, options?: KvPutOptions): Promise<void> {
    assertValidKey(key);
    assertValueFits(key, value);
    const ttlSeconds = resolveTtlSeconds(options);
    await this.latency();
    this.entries.set(key, { value, expiresAtMs: this.clock.now() + ttlSeconds * 1000 });
    this.scheduleFlush();
  }

  async delete(key: string): Promise<boolean> {
    assertValidKey(key);
    await this.latency();
    const existed = this.live(key) !== undefined;
    this.entries.delete(key);
    if (existed) this.scheduleFlush();
    return existed;
  }

  async *keys(globPattern: string): AsyncIterable<string> {
    assertValidGlob(globPattern);
    await this.latency();
    const matcher = globToRegExp(globPattern);
    const snapshot = [...this.entries.keys()].filter((key) => matcher.test(key) && this.live(key));
    for (const key of snapshot) yield key;
  }

  /** Number of live keys (tests, diagnostics). */
  size(): number {
    return [...this.entries.keys()].filter((key) => this.live(key)).length;
  }

  /** Writes the file now (also called on process exit when persisting). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const file = this.options.filePath;
    if (!file) return;
    const now = this.clock.now();
    const data: Record<string, Entry> = {};
    for (const [key, entry] of this.entries) if (entry.expiresAtMs > now) data[key] = entry;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ version: 1, entries: data }));
    fs.renameSync(temp, file); // atomic replace: a crash never leaves half a file
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private load(file: string): void {
    if (!fs.existsSync(file)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(
        `storage file ${file} is not valid JSON (${(error as Error).message}); move it away to start fresh`,
      );
    }
    const entries = (parsed as { entries?: Record<string, Entry> })?.entries;
    if (!entries || typeof entries !== 'object') throw new Error(`storage file ${file} has no "entries" object`);
    for (const [key, entry] of Object.entries(entries)) {
      if (typeof entry?.value === 'string' && typeof entry.expiresAtMs === 'number') this.entries.set(key, entry);
    }
  }

  private scheduleFlush(): void {
    if (!this.options.filePath || this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), 50);
    this.flushTimer.unref();
  }

  private async latency(): Promise<void> {
    const range = this.options.latencyMs;
    if (!range) return;
    const ms = range.min + Math.random() * (range.max - range.min);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
