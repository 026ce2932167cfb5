import { z } from 'zod';
import { storageFor } from './fixtures';
import { implementations, stopStateService } from './harness';

afterAll(stopStateService);

const WRITERS = 20;
const rowSchema = z.object({ key: z.string(), writer: z.number().int() });

/**
 * State has no compare-and-swap. These tests run 20 writers at once against one shared thing and check that
 * no update is lost. Memory gets random per-operation latency so reads and writes really interleave; the
 * aio-state variant goes through the real client over HTTP, whose per-call cost spreads the writers out further,
 * hence its longer settle delay (it must exceed a contender's read-to-write window, see docs/storage.md).
 */
describe.each(implementations)('concurrent writers over $name', (implementation) => {
  const settleMs = implementation.name === 'memory' ? 15 : 600;
  const options = { settleMs, latencyMs: 5 };
  jest.setTimeout(180_000);

  it('20 writers appending to the same grid collection lose nothing', async () => {
    const { storage } = await storageFor(implementation, options);
    const grid = storage.collection('shared', {
      schema: rowSchema,
      keyOf: (row) => row.key,
      maxPageSize: 5,
      maxChunkRows: 10,
    });
    await grid.upsert([{ key: 'seed-0', writer: -1 }]);
    await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        grid.upsert([{ key: `row-${String(writer).padStart(2, '0')}`, writer }]),
      ),
    );
    const rows: string[] = [];
    for await (const row of grid.scan()) rows.push(row.key);
    expect(rows).toHaveLength(WRITERS + 1);
    expect(await grid.count()).toBe(WRITERS + 1);
  });

  it('20 writers incrementing one counter under the lease lock lose nothing', async () => {
    const { storage } = await storageFor(implementation, options);
    const increment = () =>
      storage.locks.withLock(
        'counter',
        async () => {
          const current = Number((await storage.kv.get('counter')) ?? '0');
          await storage.kv.put('counter', String(current + 1));
        },
        { waitMs: 170_000 },
      );
    await Promise.all(Array.from({ length: WRITERS }, increment));
    expect(await storage.kv.get('counter')).toBe(String(WRITERS));
  });

  it('20 invocations taking a token from one rate-limit bucket each take exactly one', async () => {
    const { storage } = await storageFor(implementation, options);
    await storage.rateLimits.put('seller.getOrders', { tokens: 100, updatedAtMs: 0 });
    const take = () =>
      storage.rateLimits.update('seller.getOrders', (current) => ({
        next: { tokens: (current?.tokens ?? 0) - 1, updatedAtMs: 0 },
        result: true,
      }));
    await Promise.all(Array.from({ length: WRITERS }, take));
    expect((await storage.rateLimits.get('seller.getOrders'))?.tokens).toBe(100 - WRITERS);
  });
});
