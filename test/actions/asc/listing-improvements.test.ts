/** The Listing Improvements report action reads the issues stored with each listing of one store. */
import { main as listingImprovements } from '../../../actions/asc/listing-improvements';
import { createStorage, resetEmbeddedStorage } from '../../../src/adapters/state';
import { listingsRepository } from '../../../src/adapters/state/listings/repository';
import { seedLocalDemo } from '../../../src/app/local-demo';
import type { Listing } from '../../../src/core/listings/types';
import { generateEncryptionKey } from '../../../src/platform/crypto';
import { authHeaders } from '../../helpers/auth';

const inputs = { ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: generateEncryptionKey(), LOG_LEVEL: 'error' };
type Response = { statusCode: number; body: Record<string, unknown> & { fields?: Record<string, string> } };
const get = (params: Record<string, unknown>) =>
  listingImprovements({ ...inputs, __ow_method: 'get', __ow_headers: authHeaders(), ...params }) as Promise<Response>;

const listing = (sellerSku: string, issues: Listing['issues']): Listing => ({
  storeId: 'demo-us',
  sellerSku,
  productSku: sellerSku,
  asin: `B00000000${sellerSku.length}`,
  origin: 'catalog',
  status: 'active',
  fulfillment: 'FBM',
  condition: 'new_new',
  eligible: true,
  overrides: {},
  issues,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

beforeEach(async () => {
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
  const storage = await createStorage(inputs);
  await listingsRepository(storage, 'demo-us', 'automatic').save([
    listing('MUG-1', [
      { code: '90220', message: "'brand' is required but not supplied.", severity: 'ERROR', attributeNames: ['brand'] },
    ]),
    listing('CLEAN-1', []),
    listing('TEE-22', [
      {
        code: '18027',
        message: 'Add a second image.',
        severity: 'INFO',
        attributeNames: ['other_product_image_locator'],
      },
      { code: '8541', message: 'The value for size is not valid.', severity: 'WARNING', attributeNames: ['size'] },
    ]),
  ]);
});

describe('asc/listing-improvements', () => {
  it("lists Amazon's issues per listing, skipping listings without issues", async () => {
    const response = await get({ storeId: 'demo-us' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ total: 3, page: 0 });
    expect(response.body.rows).toEqual([
      expect.objectContaining({ sellerSku: 'MUG-1', alertType: 'Missing', fieldName: 'brand', severity: 'ERROR' }),
      expect.objectContaining({
        sellerSku: 'TEE-22',
        alertType: 'Invalid',
        fieldName: 'size',
        notes: 'The value for size is not valid.',
      }),
      expect.objectContaining({
        sellerSku: 'TEE-22',
        alertType: 'Suggestion',
        fieldName: 'other_product_image_locator',
      }),
    ]);
  });

  it('pages the report', async () => {
    const response = await get({ storeId: 'demo-us', page: '1', pageSize: '2' });
    expect(response.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(response.body.rows).toHaveLength(1);
  });

  it('answers an empty report for a store without issues and 404 for an unknown store', async () => {
    const empty = await get({ storeId: 'demo-ca' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toMatchObject({ total: 0, rows: [] });
    const missing = await get({ storeId: 'no-such-store' });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a missing store id and a bad page size, naming the fields', async () => {
    const response = await get({ pageSize: '9999' });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.body.fields ?? {})).toEqual(expect.arrayContaining(['storeId', 'pageSize']));
  });
});
