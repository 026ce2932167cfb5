import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Clock } from '../../core/clock';
import { globToRegExp } from '../../adapters/state/glob';

/** The State service's defaults: a TTL of 0 or none means one day; at most 365 days. */
export const DEFAULT_TTL_SECONDS = 86_400;
export const MAX_TTL_SECONDS = 31_536_000;
export const LIST_PAGE_SIZE = 1000;

interface StoredValue {
  value: string;
  expiresAtMs: number;
}

/** Key-values per namespace (container), with expiry read from an injectable clock. */
export class ContainerStore {
  private readonly containers = new Map<string, Map<string, StoredValue>>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly filePath?: string,
  ) {
    if (filePath && fs.existsSync(filePath)) this.load(filePath);
  }

  get(namespace: string, key: string): StoredValue | undefined {
    const container = this.containers.get(namespace);
    const entry = container?.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.clock.now()) {
      container!.delete(key);
      return undefined;
    }
    return entry;
  }

  put(namespace: string, key: string, value: string, ttlSeconds: number): StoredValue {
    let container = this.containers.get(namespace);
    if (!container) {
      container = new Map();
      this.containers.set(namespace, container);
    }
    const entry = { value, expiresAtMs: this.clock.now() + ttlSeconds * 1000 };
    container.set(key, entry);
    this.changed();
    return entry;
  }

  delete(namespace: string, key: string): boolean {
    const existed = this.get(namespace, key) !== undefined;
    this.containers.get(namespace)?.delete(key);
    if (existed) this.changed();
    return existed;
  }

  /** Live keys matching a glob, sorted so cursor pages are stable. */
  keys(namespace: string, glob = '*'): string[] {
    const matcher = globToRegExp(glob);
    const container = this.containers.get(namespace);
    if (!container) return [];
    return [...container.keys()].filter((key) => matcher.test(key) && this.get(namespace, key)).sort();
  }

  deleteMatching(namespace: string, glob: string): number {
    const keys = this.keys(namespace, glob);
    for (const key of keys) this.containers.get(namespace)?.delete(key);
    if (keys.length > 0) this.changed();
    return keys.length;
  }

  stats(namespace: string): { keys: number; bytesKeys: number; bytesValues: number } {
    const keys = this.keys(namespace);
    let bytesKeys = 0;
    let bytesValues = 0;
    for (const key of keys) {
      bytesKeys += Buffer.byteLength(key);
      bytesValues += Buffer.byteLength(this.get(namespace, key)!.value);
    }
    return { keys: keys.length, bytesKeys, bytesValues };
  }

  clear(): void {
    this.containers.clear();
    this.changed();
  }

  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.filePath) return;
    const dump: Record<string, Record<string, StoredValue>> = {};
    for (const [namespace, container] of this.containers) dump[namespace] = Object.fromEntries(container);
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ version: 1, containers: dump }));
    fs.renameSync(temp, this.filePath);
  }

  private changed(): void {
    if (!this.filePath || this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), 50);
    this.flushTimer.unref();
  }

  private load(file: string): void {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      containers?: Record<string, Record<string, StoredValue>>;
    };
    for (const [namespace, entries] of Object.entries(parsed.containers ?? {})) {
      this.containers.set(namespace, new Map(Object.entries(entries)));
    }
  }
}
