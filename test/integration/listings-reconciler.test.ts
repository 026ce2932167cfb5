/**
 * The incremental listings reconciler through both emulators over real HTTP: the first run reads the whole
 * website, later runs read only products saved since the high-water mark (a change without an event still
 * reaches Amazon) and products whose special price window opened since the last run.
 */
import { loadListingsContext } from '../../src/app/listings/context';
import { reconcileStore } from '../../src/app/listings/reconciler';
import { createServices } from '../../src/app/services';
import { env, SELLER, setUpListingsEnvironment, US } from './listings/harness';

/** App time runs with the wall clock (rate limiters and pollers wait on it), shifted forward by the test. */
let shift = 0;
const clock = { now: () => Date.now() + shift };
/** Midnight UTC three days ahead: when the special price window opens. */
const SPECIAL_FROM = new Date(Math.floor(Date.now() / 86_400_000 + 3) * 86_400_000);
let specialSku: string;

const run = async (minutesLater: number) => {
  shift += minutesLater * 60_000;
  const services = await createServices(env.inputs, clock);
  return reconcileStore(await loadListingsContext(services, 'demo-us'), `test-${clock.now()}`);
};

const amazonPrice = async (sku: string) => {
  const { listings } = (await env.amazon.control.call('GET', `/listings?sellerId=${SELLER}`)).body as {
    listings: Array<{ sku: string; marketplaceId: string; price: unknown }>;
  };
  return String(listings.find((l) => l.sku === sku && l.marketplaceId === US)?.price);
};

setUpListingsEnvironment({
  catalogSearch: true,
  scenario: (scenario) => {
    // One simple product gets a special price whose window opens in three days (no write happens then).
    const special = scenario.commerce.products.find((p) => p.typeId === 'simple' && !p.specialPrices?.length);
    if (!special) throw new Error('the demo has no simple product without a special price');
    specialSku = special.sku;
    special.specialPrices = [
      { websiteId: 1, price: '1.23', from: `${SPECIAL_FROM.toISOString().slice(0, 10)} 00:00:00` },
    ];
    return scenario;
  },
});

describe('incremental listings reconciler', () => {
  let firstRead = 0;
  let lastSaved = '';

  it('reads the whole website catalogue on its first run and lists what is eligible', async () => {
    const first = await run(0);
    expect(first.plan).toEqual({ mode: 'full', reason: 'first run' });
    expect(first.productsRead).toBeGreaterThan(50);
    expect(first.catalog.created).toBeGreaterThan(10);
    firstRead = first.productsRead;
  }, 60_000);

  it('then reads only products saved since its high-water mark, and sends their change to Amazon', async () => {
    // Commerce time moves on, so saves get later updated_at values than the seeded catalogue.
    await env.commerce.control('POST', '/clock/advance', { minutes: 10 });
    const services = await createServices(env.inputs, clock);
    const lc = await loadListingsContext(services, 'demo-us');
    const listed: string[] = [];
    for await (const l of lc.repo.scan())
      if (l.productSku && l.origin === 'catalog' && l.fulfillment === 'FBM' && l.lastAccepted?.price)
        listed.push(l.productSku);
    const [first, second] = listed.filter((sku) => sku !== specialSku);
    await env.commerce.control('POST', '/prices', { sku: first, website: 'all', price: '41.00' });
    const settle = await run(5);
    expect(settle.plan.mode).toBe('incremental');
    expect(settle.changedSkus).toContain(first);
    expect(settle.productsRead).toBeLessThanOrEqual(firstRead);

    await env.commerce.control('POST', '/clock/advance', { minutes: 10 });
    await env.commerce.control('POST', '/prices', { sku: second, website: 'all', price: '42.00' });
    const incremental = await run(5);
    expect(incremental.plan.mode).toBe('incremental');
    // The 2-minute overlap below the high-water mark may read the previous save again; nothing older.
    expect(incremental.changedSkus).toContain(second);
    expect(incremental.changedSkus?.every((sku) => sku === first || sku === second)).toBe(true);
    lastSaved = second;
    let secondSellerSku = '';
    for await (const l of lc.repo.scan()) if (l.productSku === second) secondSellerSku = l.sellerSku;
    expect(await amazonPrice(secondSellerSku)).toBe('42');
  }, 90_000);

  it('reads a product whose special price window opened since the last run, though nothing was saved', async () => {
    const quiet = await run(5);
    expect(quiet.changedSkus?.every((sku) => sku === lastSaved)).toBe(true);
    shift = SPECIAL_FROM.getTime() - 60_000 - Date.now();
    // Jumping days ahead is more than an hour: that run is a full pass; the one after it is incremental again.
    expect((await run(0)).plan.mode).toBe('full');
    const opened = await run(5);
    expect(opened.plan.mode).toBe('incremental');
    expect(opened.changedSkus).toContain(specialSku);
    expect(opened.changedSkus?.every((sku) => sku === specialSku || sku === lastSaved)).toBe(true);
  }, 90_000);
});
