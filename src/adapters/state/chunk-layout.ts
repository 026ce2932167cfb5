import { z } from 'zod';
import { MAX_VALUE_BYTES, StorageError, utf8Bytes } from '../../core/ports/key-value-store';

/** One chunk as listed in a collection manifest. Rows inside a chunk and chunks in the manifest are key-sorted. */
export const chunkRefSchema = z.object({
  id: z.string().min(1),
  count: z.number().int().nonnegative(),
  first: z.string(),
  last: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type ChunkRef = z.infer<typeof chunkRefSchema>;

export const manifestSchema = z.object({
  version: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  chunks: z.array(chunkRefSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const EMPTY_MANIFEST: Manifest = { version: 0, total: 0, chunks: [] };

/** Room left for the `{"rows":[...]}` envelope under the 1 MB State limit. */
export const HARD_CHUNK_BYTES = MAX_VALUE_BYTES - 64;

export interface SizedRow<T> {
  key: string;
  row: T;
  /** UTF-8 bytes of JSON.stringify(row) plus the separating comma. */
  bytes: number;
}

export const sizeRow = <T>(key: string, row: T): SizedRow<T> => ({
  key,
  row,
  bytes: utf8Bytes(JSON.stringify(row)) + 1,
});

export interface PackLimits {
  maxChunkRows: number;
  targetChunkBytes: number;
}

/**
 * Splits key-sorted rows into as few chunks as the limits allow, of EVEN row counts. Even splitting keeps every
 * piece at ≥ N/k rows, which is what keeps a grid page within two chunks (see docs/storage.md).
 */
export const packRows = <T>(rows: SizedRow<T>[], limits: PackLimits): SizedRow<T>[][] => {
  const n = rows.length;
  if (n === 0) return [];
  const oversized = rows.find((row) => row.bytes > HARD_CHUNK_BYTES);
  if (oversized) {
    throw new StorageError(
      `row "${oversized.key}" is ${oversized.bytes} bytes; a collection row must fit in one chunk`,
      'VALUE_TOO_LARGE',
    );
  }
  const totalBytes = rows.reduce((sum, row) => sum + row.bytes, 0);
  let k = Math.max(1, Math.ceil(n / limits.maxChunkRows), Math.ceil(totalBytes / limits.targetChunkBytes));
  for (; k <= n; k++) {
    const pieces: SizedRow<T>[][] = [];
    for (let i = 0; i < k; i++) pieces.push(rows.slice(Math.floor((i * n) / k), Math.floor(((i + 1) * n) / k)));
    if (pieces.every((piece) => piece.reduce((sum, row) => sum + row.bytes, 0) <= HARD_CHUNK_BYTES)) return pieces;
  }
  return rows.map((row) => [row]);
};

/** Which chunks hold rows [offset, offset+limit): indices plus the offset inside the first one. */
export const chunksForRange = (
  manifest: Manifest,
  offset: number,
  limit: number,
): { indices: number[]; skip: number } => {
  const indices: number[] = [];
  let start = 0;
  let skip = 0;
  for (let i = 0; i < manifest.chunks.length && start < offset + limit; i++) {
    const end = start + manifest.chunks[i].count;
    if (end > offset) {
      if (indices.length === 0) skip = offset - start;
      indices.push(i);
    }
    start = end;
  }
  return { indices, skip };
};

/** Index of the chunk a key belongs in: the last chunk whose first key ≤ key (or the first chunk). */
export const chunkIndexForKey = (manifest: Manifest, key: string): number => {
  let low = 0;
  let high = manifest.chunks.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (manifest.chunks[mid].first <= key) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
};

/** Groups sorted indices into runs of consecutive numbers: [1,2,5] → [[1,2],[5]]. */
export const consecutiveRuns = (sorted: number[]): number[][] => {
  const runs: number[][] = [];
  for (const index of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === index - 1) run.push(index);
    else runs.push([index]);
  }
  return runs;
};
