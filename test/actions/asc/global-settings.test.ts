import { main } from '../../../actions/asc/global-settings';
import { createStorage, resetEmbeddedStorage } from '../../../src/adapters/state';
import { authHeaders } from '../../helpers/auth';

const inputs = { ASC_STORAGE: 'memory', LOG_LEVEL: 'error' };
const call = (method: string, fields: Record<string, unknown> = {}, headers: Record<string, string> = authHeaders()) =>
  main({ ...inputs, __ow_method: method, __ow_headers: headers, ...fields });

describe('global-settings web action', () => {
  beforeEach(() => resetEmbeddedStorage());

  it('answers the defaults before anything was saved', async () => {
    const response = await call('get');
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({
      settings: expect.objectContaining({ logRetention: 'monthly', readOnlyMode: false }),
    });
  });

  it('saves a change, logs it, and returns it on the next read', async () => {
    const saved = await call('post', { logRetention: 'weekly', readOnlyMode: true });
    expect(saved.statusCode).toBe(200);
    expect((await call('get')).body).toEqual({
      settings: expect.objectContaining({ logRetention: 'weekly', readOnlyMode: true, readOnlyReason: 'manual' }),
    });
    const storage = await createStorage(inputs);
    const activity = await storage.logs.activity.page();
    expect(activity.items[0]).toMatchObject({
      action: 'Global settings changed',
      comments: 'logRetention, readOnlyMode',
    });
  });

  it('rejects a bad value with a 400 naming the field, and stores nothing', async () => {
    const response = await call('post', { logRetention: 'hourly' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatchObject({ fields: { logRetention: expect.stringMatching(/daily, weekly, monthly/) } });
    expect((await call('get')).body).toEqual({ settings: expect.objectContaining({ logRetention: 'monthly' }) });
  });

  it('refuses requests without authentication and methods it does not serve', async () => {
    expect((await call('get', {}, {})).statusCode).toBe(401);
    expect((await call('delete')).statusCode).toBe(405);
  });
});
