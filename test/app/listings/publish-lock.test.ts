/**
 * One publisher per store: a run that starts while another holds the store's publish lease waits for it, so it
 * plans from the `lastAccepted` values the first one saved instead of sending the same changes again (the chaos
 * scenario "product-save events overlapping the publish alarm" shows the merchant-visible side: each price once).
 */
import { resetEmbeddedStorage } from '../../../src/adapters/state';
import { loadListingsContext } from '../../../src/app/listings/context';
import { PUBLISH_LEASE, publishListings } from '../../../src/app/listings/publish';
import { seedLocalDemo } from '../../../src/app/local-demo';
import { createServices } from '../../../src/app/services';
import { generateEncryptionKey } from '../../../src/platform/crypto';

const inputs = { ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: generateEncryptionKey(), ASC_LOCK_SETTLE_MS: '5' };

beforeEach(async () => {
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
});
afterAll(() => resetEmbeddedStorage());

const options = { reason: 'test', jobId: 'test-job' };

it('waits while another publisher of the same store holds the lease, then runs', async () => {
  const services = await createServices(inputs);
  const lease = await services.storage.locks.acquire('listings-publish-demo-us', { ttlSeconds: 60 });
  let finished = false;
  const run = publishListings(await loadListingsContext(services, 'demo-us'), options).then((r) => {
    finished = true;
    return r;
  });
  await new Promise((r) => setTimeout(r, 300));
  expect(finished).toBe(false);
  await lease.release();
  await expect(run).resolves.toMatchObject({ planned: 0, accepted: 0 });
});

it('does not make another store wait', async () => {
  const services = await createServices(inputs);
  const lease = await services.storage.locks.acquire('listings-publish-demo-us', { ttlSeconds: 60 });
  try {
    await expect(publishListings(await loadListingsContext(services, 'demo-ca'), options)).resolves.toMatchObject({
      planned: 0,
    });
  } finally {
    await lease.release();
  }
});

it('holds the lease longer than the longest activation (10 minutes)', () => {
  expect(PUBLISH_LEASE.ttlSeconds).toBeGreaterThanOrEqual(600);
});
