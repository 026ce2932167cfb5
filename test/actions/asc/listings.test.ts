/**
 * Listings actions refuse bad input with a 400 naming the field, before touching any data, and answer
 * grid pages from State (no Amazon or Commerce call is needed to show the grid).
 */
import { main as listingActions } from '../../../actions/asc/listing-actions';
import { main as listingsGrid } from '../../../actions/asc/listings-grid';
import { createStorage, resetEmbeddedStorage } from '../../../src/adapters/state';
import { listingsRepository } from '../../../src/adapters/state/listings/repository';
import { seedLocalDemo } from '../../../src/app/local-demo';
import { generateEncryptionKey } from '../../../src/platform/crypto';
import { authHeaders } from '../../helpers/auth';

const inputs = { ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: generateEncryptionKey(), LOG_LEVEL: 'error' };
type Response = { statusCode: number; body: Record<string, unknown> & { fields?: Record<string, string> } };
const call = (
  action: (p: Record<string, unknown>) => Promise<unknown>,
  method: string,
  params: Record<string, unknown>,
) => action({ ...inputs, __ow_method: method, __ow_headers: authHeaders(), ...params }) as Promise<Response>;

beforeEach(async () => {
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
});

describe('listings actions', () => {
  it('serves a tab page with its counts from State', async () => {
    const storage = await createStorage(inputs);
    await listingsRepository(storage, 'demo-us', 'automatic').save([
      {
        storeId: 'demo-us',
        sellerSku: 'MUG-1',
        productSku: 'MUG-1',
        asin: 'B000000001',
        origin: 'catalog',
        status: 'active',
        fulfillment: 'FBM',
        condition: 'new_new',
        eligible: true,
        overrides: {},
        issues: [],
        lastAccepted: { price: '12.00', quantity: 5 },
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    const response = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({
      total: 1,
      rows: [{ sellerSku: 'MUG-1', price: '12.00', quantity: 5, statusLabel: 'Active', currency: 'USD' }],
      counts: { active: 1, incomplete: 0 },
    });
  });

  it('refuses an unknown tab and a page size above the limit, naming the fields', async () => {
    const response = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'sold', pageSize: '1000' });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.body.fields ?? {})).toEqual(expect.arrayContaining(['tab', 'pageSize']));
  });

  it('refuses a malformed ASIN or override price before changing anything', async () => {
    const asin = await call(listingActions, 'post', {
      storeId: 'demo-us',
      action: 'assign_asin',
      skus: ['MUG-1'],
      asin: 'not-an-asin',
    });
    expect(asin.statusCode).toBe(400);
    expect(asin.body.fields).toHaveProperty('asin');
    const price = await call(listingActions, 'post', {
      storeId: 'demo-us',
      action: 'set_override',
      skus: ['MUG-1'],
      overrides: { price: '-3' },
    });
    expect(price.statusCode).toBe(400);
    expect(price.body.fields).toHaveProperty(['overrides.price']);
  });

  it('answers 404 for a store that does not exist', async () => {
    const response = await call(listingsGrid, 'get', { storeId: 'nope', tab: 'active' });
    expect(response.statusCode).toBe(404);
  });
});
