/**
 * Export CSV of the listings grid: the web client fetches every part of asc/listings-export (served over HTTP
 * here, OpenWhisk-style) and the concatenated file holds every row of the tab — not one page — with the
 * grid's filter, sort and visible columns; each part stays under a web action's 1 MB result; bad input is a 400
 * naming the field.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { main as listingsExport } from '../../../actions/asc/listings-export';
import { createStorage, resetEmbeddedStorage } from '../../../src/adapters/state';
import { listingsRepository } from '../../../src/adapters/state/listings/repository';
import { loadListingsContext } from '../../../src/app/listings/context';
import { exportTabPart, MAX_EXPORT_PART_BYTES } from '../../../src/app/listings/grid-export';
import { createServices } from '../../../src/app/services';
import { systemClock } from '../../../src/core/clock';
import { seedLocalDemo } from '../../../src/app/local-demo';
import type { Listing } from '../../../src/core/listings';
import { generateEncryptionKey } from '../../../src/platform/crypto';
import { createListingsClient } from '../../../web-src/src/api/listings';
import { authHeaders } from '../../helpers/auth';

const inputs = { ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: generateEncryptionKey(), LOG_LEVEL: 'error' };
const ACTIVE = 5_300; // more than one 5 000-row part
const INACTIVE = 30;
let server: http.Server;
let base: string;
const responses: Array<{ statusCode: number; bytes: number }> = [];

const listing = (i: number, status: 'active' | 'inactive'): Listing => ({
  storeId: 'demo-us',
  sellerSku: `EXP-${status === 'active' ? 'A' : 'I'}-${String(i).padStart(5, '0')}`,
  asin: `B0${String(i).padStart(8, '0')}`,
  name: i % 7 === 0 ? `Mug "Deluxe", size ${i}\nsecond line` : `Mug ${i}`,
  origin: 'catalog',
  status,
  fulfillment: i % 10 === 0 ? 'FBA' : 'FBM',
  condition: 'new_new',
  eligible: true,
  overrides: {},
  issues: [],
  lastAccepted: { price: `${(i % 97) + 1}.50`, quantity: i % 13 },
  ...(status === 'inactive' ? { inactiveReason: 'Out of stock' } : {}),
  updatedAt: '2026-01-01T00:00:00.000Z',
});

beforeAll(async () => {
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
  const storage = await createStorage(inputs);
  const repo = listingsRepository(storage, 'demo-us', 'automatic');
  await repo.clear();
  await repo.save(
    [
      ...Array.from({ length: ACTIVE }, (_, i) => listing(i, 'active')),
      ...Array.from({ length: INACTIVE }, (_, i) => listing(i, 'inactive')),
    ],
    { fresh: true },
  );
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    void (async () => {
      const answer = (await listingsExport({
        ...inputs,
        __ow_method: (req.method ?? 'GET').toLowerCase(),
        __ow_headers: authHeaders(),
        ...Object.fromEntries(url.searchParams),
      })) as { statusCode: number; body: unknown };
      const body = JSON.stringify(answer.body);
      responses.push({ statusCode: answer.statusCode, bytes: Buffer.byteLength(body) });
      res.writeHead(answer.statusCode, { 'content-type': 'application/json' });
      res.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  responses.length = 0;
});

const client = () =>
  createListingsClient({
    config: { actionUrls: { 'asc/listings-export': `${base}/api/v1/web/asc/listings-export` } },
    credentials: { imsToken: 'token', imsOrgId: 'org' },
  });
const rowsOf = (csv: string): string[][] => parse(csv, { relax_column_count: false });

describe('Export CSV of a whole tab', () => {
  it('downloads every row of the tab in Seller SKU order, fetched in parts, with progress', async () => {
    const progress: Array<[number, number]> = [];
    const result = await client().exportCsv(
      'demo-us',
      { tab: 'active', columns: ['sellerSku', 'name', 'price', 'quantity', 'status', 'action'] },
      (rows, total) => progress.push([rows, total]),
    );
    const [header, ...rows] = rowsOf(result.csv);
    expect(header).toEqual([
      'Amazon Seller SKU',
      'Product Listing Name',
      'Listing Price',
      'Currency',
      'Amazon Quantity',
      'Status',
    ]);
    expect(rows).toHaveLength(ACTIVE);
    expect(result).toMatchObject({ rows: ACTIVE, total: ACTIVE, truncated: false });
    expect(new Set(rows.map((r) => r[0])).size).toBe(ACTIVE);
    expect(rows[0]).toEqual(['EXP-A-00000', 'Mug "Deluxe", size 0\nsecond line', '1.50', 'USD', 'FBA', 'Active']);
    expect(rows[1]).toEqual(['EXP-A-00001', 'Mug 1', '2.50', 'USD', '1', 'Active']);
    expect(rows.at(-1)?.[0]).toBe(`EXP-A-0${ACTIVE - 1}`);
    // More than one part, each under the 1 MB result cap, progress reported after each.
    expect(responses.length).toBeGreaterThan(1);
    expect(responses.every((r) => r.statusCode === 200 && r.bytes < 1024 * 1024)).toBe(true);
    expect(progress.length).toBe(responses.length);
    expect(progress.at(-1)).toEqual([ACTIVE, ACTIVE]);
  }, 60_000);

  it('applies the filter and the sort to the whole tab, not one page', async () => {
    const result = await client().exportCsv('demo-us', {
      tab: 'active',
      filter: 'exp-a-001',
      sort: { column: 'price', direction: 'descending' },
      columns: ['sellerSku', 'price'],
    });
    const [header, ...rows] = rowsOf(result.csv);
    expect(header).toEqual(['Amazon Seller SKU', 'Listing Price', 'Currency']);
    expect(rows).toHaveLength(100); // EXP-A-00100 … EXP-A-00199
    expect(rows.every((r) => r[0].startsWith('EXP-A-001'))).toBe(true);
    const prices = rows.map((r) => Number(r[1]));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(prices[0]).toBe(97.5);
  }, 60_000);

  it('exports another tab with its own columns (Inactive Reason)', async () => {
    const result = await client().exportCsv('demo-us', { tab: 'inactive', columns: ['sellerSku', 'reason'] });
    const [header, ...rows] = rowsOf(result.csv);
    expect(header).toEqual(['Amazon Seller SKU', 'Inactive Reason']);
    expect(rows).toHaveLength(INACTIVE);
    expect(rows.every((r) => r[1] === 'Out of stock')).toBe(true);
  });

  it('ends a part at the byte budget and carries on from there, so no row is lost or repeated', async () => {
    const lc = await loadListingsContext(await createServices(inputs, systemClock), 'demo-us');
    const request = { tab: 'active' as const, columns: ['sellerSku' as const, 'name' as const] };
    const first = await exportTabPart(lc, { ...request, from: 0, maxBytes: 4_000 });
    expect(Buffer.byteLength(first.csv)).toBeLessThanOrEqual(4_000);
    expect(first.rows).toBeGreaterThan(50);
    expect(first.rows).toBeLessThan(400);
    expect(first.next).toBe(first.rows);
    const second = await exportTabPart(lc, { ...request, from: first.next ?? 0, maxBytes: 4_000 });
    const skus = [...rowsOf(first.csv).slice(1), ...rowsOf(second.csv)].map((r) => r[0]);
    expect(skus).toEqual(Array.from({ length: skus.length }, (_, i) => `EXP-A-${String(i).padStart(5, '0')}`));
    // The default part fits the 1 MB result of a web action with room to spare.
    const full = await exportTabPart(lc, { ...request, from: 0 });
    expect(Buffer.byteLength(JSON.stringify(full))).toBeLessThan(MAX_EXPORT_PART_BYTES + 64 * 1024);
    // The last part says so.
    const tail = await exportTabPart(lc, { ...request, from: ACTIVE - 3 });
    expect(tail).toMatchObject({ rows: 3, next: null, total: ACTIVE });
  }, 60_000);

  it('refuses an unknown tab, an unknown column or sort, and a negative offset, naming each field', async () => {
    const answer = (await listingsExport({
      ...inputs,
      __ow_method: 'get',
      __ow_headers: authHeaders(),
      storeId: 'demo-us',
      tab: 'sold',
      columns: 'sellerSku,colour',
      sort: 'colour',
      from: '-1',
    })) as { statusCode: number; body: { fields?: Record<string, string> } };
    expect(answer.statusCode).toBe(400);
    expect(Object.keys(answer.body.fields ?? {})).toEqual(expect.arrayContaining(['tab', 'sort', 'from']));
    expect(Object.keys(answer.body.fields ?? {}).some((f) => f.startsWith('columns'))).toBe(true);
    await expect(client().exportCsv('demo-us', { tab: 'active', columns: ['action'] })).rejects.toThrow(
      /column other than Action/,
    );
  });
});
