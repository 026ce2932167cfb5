import { createStorage } from '../adapters/state';
import { systemClock } from '../core/clock';
import { marketplaceByCountry } from '../core/marketplaces';
import type { StoreRecord } from '../core/store';
import { SecretBox } from '../platform/crypto';

/** The demo seller the Amazon emulator knows (see docs/emulators.md). */
export const DEMO_SELLER_ID = 'A1DEMOSELLER0001';
export const DEMO_REFRESH_TOKEN = 'Atzr|demo-refresh-token-1';

const DEMO_STORES: Array<{
  id: string;
  name: string;
  country: string;
  websiteCode: string;
  status: StoreRecord['status'];
}> = [
  { id: 'demo-us', name: 'Demo Store US', country: 'US', websiteCode: 'base', status: 'active' },
  { id: 'demo-ca', name: 'Demo Store Canada', country: 'CA', websiteCode: 'base', status: 'active' },
  { id: 'demo-uk', name: 'Demo Store UK', country: 'GB', websiteCode: 'eu', status: 'inactive' },
];

/**
 * `npm start` only: gives the local channel stores already connected to the emulator's demo seller, so the
 * admin UI has something to show at once. Leaves existing stores alone, so a restart keeps a merchant's edits.
 */
export const seedLocalDemo = async (env: Record<string, string | undefined> = process.env): Promise<number> => {
  const clock = systemClock;
  const storage = await createStorage(env as Record<string, unknown>, { clock });
  if ((await storage.stores.list()).length > 0) return 0;
  const box = new SecretBox(env.ASC_ENCRYPTION_KEY ?? '');
  for (const [index, demo] of DEMO_STORES.entries()) {
    // One second apart, so the home page shows them in the order a merchant would have added them.
    const now = new Date(clock.now() - (DEMO_STORES.length - index) * 1000).toISOString();
    const marketplace = marketplaceByCountry(demo.country);
    if (!marketplace) throw new Error(`demo store ${demo.id}: unknown country ${demo.country}`);
    await storage.stores.save({
      id: demo.id,
      name: demo.name,
      email: 'merchant@example.com',
      sellerId: DEMO_SELLER_ID,
      marketplaceId: marketplace.id,
      country: marketplace.country,
      currency: marketplace.currency,
      region: marketplace.region,
      websiteCode: demo.websiteCode,
      status: demo.status,
      createdAt: now,
      updatedAt: now,
      encryptedRefreshToken: box.encrypt(DEMO_REFRESH_TOKEN, demo.id),
      authorizedAt: now,
    });
  }
  return DEMO_STORES.length;
};
