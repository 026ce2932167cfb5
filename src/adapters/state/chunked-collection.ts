import { z } from 'zod';
import type { ChunkedCollection, CollectionPage } from '../../core/ports/collection';
import { CorruptDataError, type KeyValueStore, StorageError } from '../../core/ports/key-value-store';
import type { LockService } from '../../core/ports/repositories';
import {
  type ChunkRef,
  chunkIndexForKey,
  chunksForRange,
  consecutiveRuns,
  EMPTY_MANIFEST,
  type Manifest,
  manifestSchema,
  packRows,
  type SizedRow,
  sizeRow,
} from './chunk-layout';
import { collectKeys, randomToken, readJson } from './json-value';
import { buildKey } from './key-codec';

export interface CollectionOptions<T> {
  schema: z.ZodType<T>;
  /** Identity and default sort order (plain string comparison). */
  keyOf: (row: T) => string;
  /** Largest page the grid asks for; every chunk but the last keeps at least this many rows. Default 200. */
  maxPageSize?: number;
  /** Default 1000 rows. */
  maxChunkRows?: number;
  /** Chunks are packed to about this size, below the 1 MB hard limit. Default 768 KiB. */
  targetChunkBytes?: number;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Manifest + copy-on-write chunks (`col.<name>.m`, `col.<name>.c.<id>`). Readers: 1 manifest read plus the
 * 1–2 chunks covering the page. Writers: under a lease lock, write new chunks under fresh ids, then the manifest,
 * then delete the replaced chunks — a reader holding an older manifest that finds a chunk gone re-reads.
 */
export class KvChunkedCollection<T> implements ChunkedCollection<T> {
  private readonly manifestKey: string;
  private readonly chunkSchema: z.ZodType<{ rows: T[] }>;
  private readonly maxPageSize: number;
  private readonly limits: { maxChunkRows: number; targetChunkBytes: number };

  constructor(
    private readonly kv: KeyValueStore,
    private readonly locks: LockService,
    readonly name: string,
    private readonly options: CollectionOptions<T>,
  ) {
    this.manifestKey = buildKey('col', name, 'm');
    this.chunkSchema = z.object({ rows: z.array(options.schema) }) as unknown as z.ZodType<{ rows: T[] }>;
    this.maxPageSize = options.maxPageSize ?? 200;
    this.limits = {
      maxChunkRows: Math.max(options.maxChunkRows ?? 1000, this.maxPageSize * 2),
      targetChunkBytes: options.targetChunkBytes ?? 768 * 1024,
    };
  }

  async page(page: number, pageSize: number): Promise<CollectionPage<T>> {
    if (!Number.isInteger(page) || page < 0)
      throw new StorageError(`page must be a whole number ≥ 0, got ${page}`, 'INVALID_ARGUMENT');
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > this.maxPageSize) {
      throw new StorageError(`pageSize must be 1..${this.maxPageSize}, got ${pageSize}`, 'INVALID_ARGUMENT');
    }
    return this.withConsistentRead(async (manifest) => {
      const { indices, skip } = chunksForRange(manifest, page * pageSize, pageSize);
      const chunks = await Promise.all(indices.map((i) => this.readChunk(manifest.chunks[i])));
      if (chunks.some((rows) => rows === undefined)) return undefined;
      const items = chunks.flatMap((rows) => rows ?? []).slice(skip, skip + pageSize);
      return { items, total: manifest.total, page, pageSize };
    });
  }

  async get(key: string): Promise<T | undefined> {
    return this.withConsistentRead(async (manifest) => {
      if (manifest.chunks.length === 0) return { row: undefined };
      const rows = await this.readChunk(manifest.chunks[chunkIndexForKey(manifest, key)]);
      if (rows === undefined) return undefined;
      return { row: rows.find((row) => this.options.keyOf(row) === key) };
    }).then((found) => found.row);
  }

  async count(): Promise<number> {
    return (await this.readManifest()).total;
  }

  async upsert(rows: T[]): Promise<void> {
    const upserts = new Map<string, T>();
    for (const row of rows) {
      const valid = this.validateRow(row);
      upserts.set(this.options.keyOf(valid), valid);
    }
    await this.applyChanges(upserts, new Set());
  }

  remove(keys: string[]): Promise<number> {
    return this.applyChanges(new Map(), new Set(keys));
  }

  async replaceAll(rows: T[]): Promise<void> {
    const unique = new Map<string, T>();
    for (const row of rows) {
      const valid = this.validateRow(row);
      unique.set(this.options.keyOf(valid), valid);
    }
    await this.locks.withLock(
      this.lockName(),
      async () => {
        const old = await this.readManifest();
        const sized = [...unique].map(([key, row]) => sizeRow(key, row)).sort((a, b) => compareKeys(a.key, b.key));
        const chunks = await this.writeChunks(packRows(sized, this.limits));
        await this.writeManifest({ version: old.version + 1, total: sized.length, chunks });
        await this.deleteChunks(old.chunks);
      },
      { ttlSeconds: 120, waitMs: 60_000 },
    );
  }

  async *scan(): AsyncIterable<T> {
    const manifest = await this.readManifest();
    for (const ref of manifest.chunks) {
      const rows = await this.readChunk(ref);
      if (rows === undefined)
        throw new StorageError(`collection ${this.name} changed during scan; retry`, 'CONCURRENT_CHANGE');
      yield* rows;
    }
  }

  async clear(): Promise<void> {
    await this.locks.withLock(this.lockName(), async () => {
      await this.kv.delete(this.manifestKey);
      const chunkKeys = await collectKeys(this.kv.keys(`${buildKey('col', this.name, 'c')}.*`));
      await Promise.all(chunkKeys.map((key) => this.kv.delete(key)));
    });
  }

  /** Refuses a bad row before anything is written, naming the field. */
  private validateRow(row: T): T {
    const checked = this.options.schema.safeParse(row);
    if (checked.success) return checked.data;
    const issue = checked.error.issues[0];
    throw new StorageError(
      `invalid ${this.name} row: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      'INVALID_VALUE',
    );
  }

  private lockName(): string {
    return `col.${this.name}`;
  }

  /** Upserts and deletes in one locked round: only the chunks they touch (and at most one neighbour) are rewritten. */
  private applyChanges(upserts: Map<string, T>, deletes: Set<string>): Promise<number> {
    if (upserts.size === 0 && deletes.size === 0) return Promise.resolve(0);
    return this.locks.withLock(
      this.lockName(),
      async () => {
        const manifest = await this.readManifest();
        if (manifest.chunks.length === 0) {
          const sized = [...upserts].map(([key, row]) => sizeRow(key, row)).sort((a, b) => compareKeys(a.key, b.key));
          const chunks = await this.writeChunks(packRows(sized, this.limits));
          await this.writeManifest({ version: manifest.version + 1, total: sized.length, chunks });
          return 0;
        }
        const touched = new Map<number, { upserts: T[]; deletes: string[] }>();
        const touch = (index: number) => {
          if (!touched.has(index)) touched.set(index, { upserts: [], deletes: [] });
          return touched.get(index)!;
        };
        for (const [key, row] of upserts) touch(chunkIndexForKey(manifest, key)).upserts.push(row);
        for (const key of deletes) touch(chunkIndexForKey(manifest, key)).deletes.push(key);

        let removed = 0;
        const replacements: Array<{ from: number; to: number; chunks: ChunkRef[] }> = [];
        for (const run of consecutiveRuns([...touched.keys()].sort((a, b) => a - b))) {
          const rowsByKey = new Map<string, T>();
          for (const index of run) {
            for (const row of await this.mustReadChunk(manifest.chunks[index]))
              rowsByKey.set(this.options.keyOf(row), row);
            const change = touched.get(index)!;
            for (const key of change.deletes) if (rowsByKey.delete(key)) removed++;
            for (const row of change.upserts) rowsByKey.set(this.options.keyOf(row), row);
          }
          // A shrunken chunk that is not the collection's tail absorbs its (untouched) next neighbour, so every
          // chunk but the last keeps ≥ maxPageSize rows and a page never spans more than two chunks.
          let to = run.at(-1)!;
          while (
            rowsByKey.size > 0 &&
            rowsByKey.size < this.maxPageSize &&
            to + 1 < manifest.chunks.length &&
            !touched.has(to + 1)
          ) {
            to++;
            for (const row of await this.mustReadChunk(manifest.chunks[to]))
              rowsByKey.set(this.options.keyOf(row), row);
          }
          const sized = [...rowsByKey].map(([key, row]) => sizeRow(key, row)).sort((a, b) => compareKeys(a.key, b.key));
          replacements.push({ from: run[0], to, chunks: await this.writeChunks(packRows(sized, this.limits)) });
        }
        const next: ChunkRef[] = [];
        const replaced: ChunkRef[] = [];
        for (let i = 0; i < manifest.chunks.length; i++) {
          const replacement = replacements.find((r) => r.from <= i && i <= r.to);
          if (!replacement) next.push(manifest.chunks[i]);
          else {
            replaced.push(manifest.chunks[i]);
            if (replacement.from === i) next.push(...replacement.chunks);
          }
        }
        const total = next.reduce((sum, ref) => sum + ref.count, 0);
        await this.writeManifest({ version: manifest.version + 1, total, chunks: next });
        await this.deleteChunks(replaced);
        return removed;
      },
      { ttlSeconds: 120, waitMs: 60_000 },
    );
  }

  /** Retries a read when a concurrent writer deleted a chunk between our manifest read and chunk read. */
  private async withConsistentRead<R>(read: (manifest: Manifest) => Promise<R | undefined>): Promise<R> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await read(await this.readManifest());
      if (result !== undefined) return result;
    }
    throw new StorageError(`collection ${this.name} keeps changing under the reader; retry`, 'CONCURRENT_CHANGE');
  }

  private async readManifest(): Promise<Manifest> {
    return (await readJson(this.kv, this.manifestKey, manifestSchema)) ?? EMPTY_MANIFEST;
  }

  private chunkKey(id: string): string {
    return buildKey('col', this.name, 'c', id);
  }

  private async readChunk(ref: ChunkRef): Promise<T[] | undefined> {
    const key = this.chunkKey(ref.id);
    const chunk = await readJson(this.kv, key, this.chunkSchema);
    if (chunk && chunk.rows.length !== ref.count)
      throw new CorruptDataError(key, `holds ${chunk.rows.length} rows, manifest says ${ref.count}`);
    return chunk?.rows;
  }

  private async mustReadChunk(ref: ChunkRef): Promise<T[]> {
    const rows = await this.readChunk(ref);
    if (rows === undefined)
      throw new CorruptDataError(this.chunkKey(ref.id), 'chunk listed in the manifest is missing');
    return rows;
  }

  private async writeChunks(pieces: SizedRow<T>[][]): Promise<ChunkRef[]> {
    return Promise.all(
      pieces.map(async (piece) => {
        const ref: ChunkRef = {
          id: randomToken().slice(0, 16),
          count: piece.length,
          first: piece[0].key,
          last: piece.at(-1)!.key,
          bytes: piece.reduce((sum, row) => sum + row.bytes, 0),
        };
        await this.kv.put(this.chunkKey(ref.id), JSON.stringify({ rows: piece.map((row) => row.row) }));
        return ref;
      }),
    );
  }

  private writeManifest(manifest: Manifest): Promise<void> {
    return this.kv.put(this.manifestKey, JSON.stringify(manifest));
  }

  private async deleteChunks(refs: ChunkRef[]): Promise<void> {
    await Promise.all(refs.map((ref) => this.kv.delete(this.chunkKey(ref.id))));
  }
}
