import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCommerceEmulator } from '../../../src/emulators/commerce';
import { controlCall, criteria, restCall, smallSeed } from './helpers';

describe('persistence and reset', () => {
  it('keeps data in persistPath across restarts, and reset returns to the start seed', async () => {
    const persistPath = path.join(mkdtempSync(path.join(tmpdir(), 'commerce-emu-')), 'state.json');
    const first = await startCommerceEmulator({ port: 0, seed: smallSeed(), persistPath });
    const created = await restCall(first, 'POST', 'V1/customers', {
      customer: { email: 'kept@example.com', firstname: 'K', lastname: 'E', website_id: 1 },
    });
    expect(created.status).toBe(200);
    await first.close();

    const second = await startCommerceEmulator({ port: 0, seed: smallSeed(), persistPath });
    try {
      const query = `V1/customers/search?${criteria([[['email', 'kept@example.com', 'eq']]])}`;
      expect((await restCall(second, 'GET', query)).body.total_count).toBe(1);
      await controlCall(second, 'POST', '/reset');
      expect((await restCall(second, 'GET', query)).body.total_count).toBe(0);
    } finally {
      await second.close();
    }
  });
});
