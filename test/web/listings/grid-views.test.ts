/**
 * The listings grid's column chooser and saved views: the web grid offers exactly the columns the server
 * accepts, each tab's default columns follow SPEC 4.2, and the web client saves, lists and deletes views through
 * the real asc/listing-views action (served over HTTP here), so a saved view survives a reload.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { main as listingViews } from '../../../actions/asc/listing-views';
import { resetEmbeddedStorage } from '../../../src/adapters/state';
import {
  GRID_COLUMN_IDS as SERVER_COLUMNS,
  GRID_SORT_COLUMNS as SERVER_SORT,
  savedViewDraftSchema,
} from '../../../src/adapters/state/listings/saved-views';
import { seedLocalDemo } from '../../../src/app/local-demo';
import { generateEncryptionKey } from '../../../src/platform/crypto';
import { createListingsClient, GRID_COLUMN_IDS, GRID_SORT_COLUMNS, TAB_IDS } from '../../../web-src/src/api/listings';
import { DEFAULT_COLUMNS, orderColumns } from '../../../web-src/src/pages/listings/grid-columns';
import { authHeaders } from '../../helpers/auth';

const inputs = { ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: generateEncryptionKey(), LOG_LEVEL: 'error' };
let server: http.Server;
let base: string;

beforeAll(async () => {
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
  // OpenWhisk-style: query string and JSON body merged into the params of the action.
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const answer = await listingViews({
        ...inputs,
        __ow_method: (req.method ?? 'GET').toLowerCase(),
        __ow_headers: authHeaders(),
        ...Object.fromEntries(url.searchParams),
        ...(body ? JSON.parse(body) : {}),
      });
      res.writeHead(answer.statusCode, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () =>
  createListingsClient({
    config: { actionUrls: { 'asc/listing-views': `${base}/api/v1/web/asc/listing-views` } },
    credentials: { imsToken: 'token', imsOrgId: 'org' },
  });

describe('grid columns', () => {
  it('offers exactly the columns and sort keys the server accepts', () => {
    expect([...GRID_COLUMN_IDS]).toEqual([...SERVER_COLUMNS]);
    expect([...GRID_SORT_COLUMNS]).toEqual([...SERVER_SORT]);
  });

  it('shows the SPEC 4.2 columns per tab, each a view the server would save', () => {
    expect(DEFAULT_COLUMNS.active).toContain('buyBoxWon');
    expect(DEFAULT_COLUMNS.inactive).toContain('reason');
    expect(DEFAULT_COLUMNS.ineligible).not.toContain('status');
    for (const tab of TAB_IDS) {
      expect(DEFAULT_COLUMNS[tab]).toEqual(expect.arrayContaining(['sellerSku', 'asin', 'name', 'action']));
      expect(
        savedViewDraftSchema.safeParse({ name: tab, tab, filter: '', columns: DEFAULT_COLUMNS[tab], sort: null })
          .success,
      ).toBe(true);
    }
  });

  it('keeps the grid order whatever order columns are ticked in, and never hides them all', () => {
    expect(orderColumns(['action', 'asin', 'sellerSku'])).toEqual(['sellerSku', 'asin', 'action']);
    expect(orderColumns([])).toEqual(['sellerSku']);
  });
});

describe('saved views from the web client', () => {
  it('saves a view, finds it again with a new client (a reload), and deletes it', async () => {
    const { view } = await client().saveView('demo-us', {
      name: 'Priciest first',
      tab: 'inactive',
      filter: 'MUG',
      columns: ['sellerSku', 'price', 'reason'],
      sort: { column: 'price', direction: 'descending' },
    });
    const reloaded = await client().views('demo-us');
    expect(reloaded).toEqual([view]);
    expect(reloaded[0]).toMatchObject({ tab: 'inactive', filter: 'MUG', sort: { column: 'price' } });
    await expect(client().deleteView('demo-us', view.id)).resolves.toEqual([]);
  });

  it('shows the server’s message when a view is refused', async () => {
    await expect(
      client().saveView('demo-us', { name: 'Empty', tab: 'active', filter: '', columns: [], sort: null }),
    ).rejects.toThrow(/at least one column/);
  });
});
