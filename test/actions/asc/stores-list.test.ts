import { main } from '../../../actions/asc/stores-list';
import { resetEmbeddedStorage } from '../../../src/adapters/state';
import { seedLocalDemo } from '../../../src/app/local-demo';
import { generateEncryptionKey } from '../../../src/platform/crypto';
import { authHeaders } from '../../helpers/auth';

describe('stores-list web action', () => {
  beforeEach(() => resetEmbeddedStorage());

  it('lists the stores with their authorisation state and never their tokens', async () => {
    await seedLocalDemo({ ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: generateEncryptionKey() });
    const response = await main({ ASC_STORAGE: 'memory', __ow_method: 'get', __ow_headers: authHeaders() });
    expect(response.statusCode).toBe(200);
    const { stores } = response.body as { stores: Array<Record<string, unknown>> };
    expect(stores.map((store) => store.id)).toEqual(['demo-us', 'demo-ca', 'demo-uk']);
    expect(stores[0]).toMatchObject({
      marketplaceId: 'ATVPDKIKX0DER',
      currency: 'USD',
      authorization: { state: 'valid' },
    });
    expect(JSON.stringify(stores)).not.toMatch(/Atzr|encryptedRefreshToken/);
  });
});
