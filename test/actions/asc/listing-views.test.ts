/**
 * Saved views of the listings grid through the web action: they survive a new action call (a reload, another
 * browser), bad input gets a 400 naming the field, and views belong to one store.
 */
import { main as listingViews } from '../../../actions/asc/listing-views';
import { resetEmbeddedStorage } from '../../../src/adapters/state';
import { seedLocalDemo } from '../../../src/app/local-demo';
import { generateEncryptionKey } from '../../../src/platform/crypto';
import { authHeaders } from '../../helpers/auth';

const inputs = { ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: generateEncryptionKey(), LOG_LEVEL: 'error' };
type Response = { statusCode: number; body: Record<string, unknown> & { fields?: Record<string, string> } };
const call = (method: string, params: Record<string, unknown>) =>
  listingViews({ ...inputs, __ow_method: method, __ow_headers: authHeaders(), ...params }) as Promise<Response>;

const view = {
  name: 'Expensive FBA',
  tab: 'active',
  filter: 'MUG',
  columns: ['sellerSku', 'price', 'buyBoxWon', 'action'],
  sort: { column: 'price', direction: 'descending' },
};

beforeEach(async () => {
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
});

describe('asc/listing-views', () => {
  it('saves a view, lists it on the next request, and deletes it', async () => {
    const saved = await call('post', { storeId: 'demo-us', view });
    expect(saved.statusCode).toBe(200);
    const id = (saved.body.view as { id: string }).id;
    expect(id).toMatch(/^[a-z0-9-]+$/);

    const listed = await call('get', { storeId: 'demo-us' });
    expect(listed.body.views).toEqual([expect.objectContaining({ ...view, id })]);
    expect((await call('get', { storeId: 'demo-ca' })).body.views).toEqual([]);

    const deleted = await call('delete', { storeId: 'demo-us', id });
    expect(deleted).toMatchObject({ statusCode: 200, body: { views: [] } });
    expect((await call('delete', { storeId: 'demo-us', id })).statusCode).toBe(404);
  });

  it('refuses a nameless view, an unknown tab, no columns or an unknown sort column, naming each field', async () => {
    const response = await call('post', {
      storeId: 'demo-us',
      view: { ...view, name: ' ', tab: 'sold', columns: [], sort: { column: 'colour', direction: 'up' } },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.body.fields ?? {})).toEqual(
      expect.arrayContaining(['view.name', 'view.tab', 'view.columns', 'view.sort.column', 'view.sort.direction']),
    );
    expect((await call('get', { storeId: 'demo-us' })).body.views).toEqual([]);
  });

  it('answers 404 for a store that does not exist', async () => {
    expect((await call('get', { storeId: 'nowhere' })).statusCode).toBe(404);
    expect((await call('post', { storeId: 'nowhere', view })).statusCode).toBe(404);
  });
});
