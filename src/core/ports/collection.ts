/**
 * A generic sorted collection for admin grids, stored as a manifest plus fixed-size chunks of rows so that
 * one page of the default sort (ascending row key) costs at most 3 State reads whatever the collection size.
 * Row keys are strings chosen by the owner (e.g. `${marketplaceId}|${sellerSku}`); they define identity and order.
 */
export interface CollectionPage<T> {
  items: T[];
  /** Total rows in the collection. */
  total: number;
  /** Zero-based page index and size as requested. */
  page: number;
  pageSize: number;
}

export interface ChunkedCollection<T> {
  /** Page `page` (zero-based) of the default sort. pageSize ≤ the collection's maxPageSize. */
  page(page: number, pageSize: number): Promise<CollectionPage<T>>;
  get(key: string): Promise<T | undefined>;
  count(): Promise<number>;
  /** Insert or replace rows by key; one lock round for the whole batch. */
  upsert(rows: T[]): Promise<void>;
  /** Removes rows by key; returns how many existed. */
  remove(keys: string[]): Promise<number>;
  /** Replaces the whole content (bulk import); old chunks are deleted after the new manifest is live. */
  replaceAll(rows: T[]): Promise<void>;
  /** Every row in key order (1 read per chunk: for exports, filters and non-default sorts). */
  scan(): AsyncIterable<T>;
  clear(): Promise<void>;
}
