/** The grid action sorts the whole tab (not just one page) when asked, and pages through the sorted rows. */
import { main as listingsGrid } from '../../../actions/asc/listings-grid';
import { createStorage, resetEmbeddedStorage } from '../../../src/adapters/state';
import { listingsRepository } from '../../../src/adapters/state/listings/repository';
import { seedLocalDemo } from '../../../src/app/local-demo';
import { generateEncryptionKey } from '../../../src/platform/crypto';
import { authHeaders } from '../../helpers/auth';

const inputs = { ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: generateEncryptionKey(), LOG_LEVEL: 'error' };
type Response = { statusCode: number; body: { rows: Array<{ sellerSku: string }>; total: number; fields?: object } };
const grid = (params: Record<string, unknown>) =>
  listingsGrid({
    ...inputs,
    __ow_method: 'get',
    __ow_headers: authHeaders(),
    storeId: 'demo-us',
    ...params,
  }) as Promise<Response>;

beforeAll(async () => {
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
  const storage = await createStorage(inputs);
  const prices = ['5.00', '120.00', '19.99', '7.25', '64.00'];
  await listingsRepository(storage, 'demo-us', 'automatic').save(
    prices.map((price, i) => ({
      storeId: 'demo-us',
      sellerSku: `SKU-${i}`,
      asin: `B00000000${i}`,
      origin: 'catalog' as const,
      status: 'active' as const,
      fulfillment: 'FBM' as const,
      condition: 'new_new' as const,
      eligible: true,
      overrides: {},
      issues: [],
      lastAccepted: { price, quantity: i },
      updatedAt: '2026-01-01T00:00:00.000Z',
    })),
  );
});

describe('listings grid sort', () => {
  it('sorts the tab by price, highest first, across pages', async () => {
    const first = await grid({ tab: 'active', sort: 'price', direction: 'descending', pageSize: '2', page: '0' });
    const second = await grid({ tab: 'active', sort: 'price', direction: 'descending', pageSize: '2', page: '1' });
    expect(first.statusCode).toBe(200);
    expect([...first.body.rows, ...second.body.rows].map((r) => r.sellerSku)).toEqual([
      'SKU-1',
      'SKU-4',
      'SKU-2',
      'SKU-3',
    ]);
    expect(first.body.total).toBe(5);
  });

  it('combines the filter with the sort and refuses an unknown sort column', async () => {
    const filtered = await grid({ tab: 'active', filter: 'sku-', sort: 'quantity', direction: 'descending' });
    expect(filtered.body.rows.map((r) => r.sellerSku)).toEqual(['SKU-4', 'SKU-3', 'SKU-2', 'SKU-1', 'SKU-0']);
    const bad = await grid({ tab: 'active', sort: 'colour' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body.fields).toHaveProperty('sort');
  });
});
