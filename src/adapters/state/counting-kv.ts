import type { KeyValueStore, KvPutOptions } from '../../core/ports/key-value-store';

export interface KvOperationCounts {
  gets: number;
  puts: number;
  deletes: number;
  /** keys() calls (each is one or more State list requests). */
  lists: number;
}

/** Wraps any KeyValueStore and counts operations, so tests and the benchmark can assert reads per page. */
export class CountingKeyValueStore implements KeyValueStore {
  counts: KvOperationCounts = { gets: 0, puts: 0, deletes: 0, lists: 0 };
  readonly readKeys: string[] = [];

  constructor(private readonly inner: KeyValueStore) {}

  /** Reads = gets + lists: what a grid page is budgeted on. */
  get reads(): number {
    return this.counts.gets + this.counts.lists;
  }

  reset(): void {
    this.counts = { gets: 0, puts: 0, deletes: 0, lists: 0 };
    this.readKeys.length = 0;
  }

  get(key: string): Promise<string | undefined> {
    this.counts.gets++;
    this.readKeys.push(key);
    return this.inner.get(key);
  }

  put(key: string, value: string, options?: KvPutOptions): Promise<void> {
    this.counts.puts++;
    return this.inner.put(key, value, options);
  }

  delete(key: string): Promise<boolean> {
    this.counts.deletes++;
    return this.inner.delete(key);
  }

  keys(globPattern: string): AsyncIterable<string> {
    this.counts.lists++;
    return this.inner.keys(globPattern);
  }
}
