import type { StoreRecord } from '../../../src/core/store';
import { createStorageFromKv, type Storage } from '../../../src/adapters/state';
import type { KvFixture, KvImplementation } from './harness';

/** Storage over a fresh KV of the given implementation; settle delays sized for loopback HTTP. */
export const storageFor = async (
  implementation: KvImplementation,
  options: { settleMs?: number; latencyMs?: number } = {},
): Promise<KvFixture & { storage: Storage }> => {
  const fixture = await implementation.create({ latencyMs: options.latencyMs });
  const settleMs = options.settleMs ?? (implementation.name === 'memory' ? 5 : 150);
  return {
    ...fixture,
    storage: createStorageFromKv(fixture.kv, implementation.name, {
      clock: fixture.clock,
      settleMs,
      rateLimitWaitMs: 170_000,
    }),
  };
};

export const aStore = (overrides: Partial<StoreRecord> = {}): StoreRecord => ({
  id: 'store-us',
  name: 'Demo US',
  sellerId: 'A1DEMOSELLER0001',
  marketplaceId: 'ATVPDKIKX0DER',
  country: 'US',
  currency: 'USD',
  region: 'na',
  websiteCode: 'base',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
