/**
 * Price history and competitor-data freshness per listing, through real HTTP: the offer job and the web actions
 * against the Amazon and Commerce emulators. Nothing of ours is mocked.
 */
import { main as priceTraceAction } from '../../../actions/asc/price-trace';
import { main as analysisAction } from '../../../actions/asc/pricing-analysis';
import { main as guardrailsAction } from '../../../actions/asc/pricing-guardrails';
import { main as rulesAction } from '../../../actions/asc/pricing-rules';
import { createStorage } from '../../../src/adapters/state';
import { PricingRepository } from '../../../src/adapters/state/pricing';
import { buildKey } from '../../../src/adapters/state/key-codec';
import { runOfferJob } from '../../../src/app/pricing/offer-job';
import { createServices } from '../../../src/app/services';
import { type Clock, ManualClock, systemClock } from '../../../src/core/clock';
import { ASIN, call, competitor, env, intelligentRule, livePrice, SKU, setUpPricingEnvironment } from './harness';

setUpPricingEnvironment();

const runJob = async (clock: Clock) => runOfferJob(await createServices(env.inputs, clock));

describe('price history and competitor freshness per listing', () => {
  it('keeps every price the repricer sent, in order, and tells fresh from stale competitor data', async () => {
    expect((await call(rulesAction, 'post', { storeId: 'demo-us', rule: intelligentRule })).statusCode).toBe(200);
    // The two repricings happen three hours ago (app clock), so their competitor data is stale by now.
    const threeHoursAgo = Date.now() - 3 * 3600_000;
    const past = new ManualClock(threeHoursAgo);
    expect((await runJob(past)).errors).toEqual([]);
    expect(await livePrice()).toBe('18.99');
    past.advance(60_000);
    await env.amazon.control.call('POST', '/competitor-offers', competitor('ACOMPETITOR0002', '17.50'));
    expect((await runJob(past)).outcomes).toEqual(
      expect.arrayContaining([expect.objectContaining({ sku: SKU, decision: 'send', price: '17.49' })]),
    );

    const trace = await call(priceTraceAction, 'get', { storeId: 'demo-us', sku: SKU });
    expect(trace.statusCode).toBe(200);
    expect(trace.body.history).toEqual([
      { at: threeHoursAgo, price: '18.99', source: 'repricer' },
      { at: threeHoursAgo + 60_000, price: '17.49', source: 'repricer' },
    ]);
    expect(trace.body.competitorFreshness.state).toBe('stale');
    expect(trace.body.competitorFreshness.ageMs).toBeGreaterThanOrEqual(3 * 3600_000 - 60_000);
    const staleRows = (await call(analysisAction, 'get', { storeId: 'demo-us' })).body.rows;
    expect(staleRows[0]).toMatchObject({ sku: SKU, freshness: { state: 'stale' } });

    // A run now refreshes the competitor data (our own patch's notification, or a poll of the stale ASIN);
    // the price stays, so the history does not grow.
    expect((await runJob(systemClock)).errors).toEqual([]);
    const after = await call(priceTraceAction, 'get', { storeId: 'demo-us', sku: SKU });
    expect(after.body.competitorFreshness.state).toBe('fresh');
    expect(after.body.competitorFreshness.ageMs).toBeLessThan(60_000);
    expect(after.body.history.map((h: { price: string }) => h.price)).toEqual(['18.99', '17.49']);
    const freshRows = (await call(analysisAction, 'get', { storeId: 'demo-us' })).body.rows;
    expect(freshRows[0]).toMatchObject({ sku: SKU, freshness: { state: 'fresh' } });
  });

  it('reads listing states stored before the history existed, and keeps a history across the listings sync', async () => {
    const storage = await createStorage(env.inputs);
    const repository = new PricingRepository(storage.kv);
    await storage.kv.put(
      buildKey('pricing', 'demo-us', 'listing', 'OLD-SKU'),
      JSON.stringify({ sku: 'OLD-SKU', asin: null, lastSent: '9.99', lastSentAtMs: 1 }),
    );
    const old = await repository.listingState('demo-us', 'OLD-SKU');
    expect(old).toMatchObject({ sku: 'OLD-SKU', lastSent: '9.99', changes: [], lastOutcome: null });
    expect(old?.history).toBeUndefined();

    const earlier = { at: Date.now() - 86_400_000, price: '20.00', source: 'publish' as const };
    await repository.saveListingState('demo-us', {
      sku: SKU,
      asin: ASIN,
      productType: 'HOME',
      condition: 'new',
      lastSent: '20.00',
      lastSentAtMs: earlier.at,
      day: '',
      changes: [],
      lastOutcome: null,
      history: [earlier],
    });
    expect((await call(rulesAction, 'post', { storeId: 'demo-us', rule: intelligentRule })).statusCode).toBe(200);
    // The first run reads the store's listings from Amazon (overwriting live prices), then reprices to 18.99.
    expect((await runJob(systemClock)).errors).toEqual([]);
    const trace = await call(priceTraceAction, 'get', { storeId: 'demo-us', sku: SKU });
    expect(trace.body.history.map((h: { price: string; source: string }) => `${h.source} ${h.price}`)).toEqual([
      'publish 20.00',
      'repricer 18.99',
    ]);
  });
});

describe('stale-listing poll through getCompetitiveSummary (store opt-in)', () => {
  const requestsOf = async (operation: string) =>
    (
      (await env.amazon.control.call('GET', `/requests?operation=${operation}`)) as {
        body: { requests: unknown[] };
      }
    ).body.requests.length;

  it('polls with getCompetitiveSummary when the store opts in, and reprices from its offers', async () => {
    const storage = await createStorage(env.inputs);
    const bad = await call(guardrailsAction, 'post', { storeId: 'demo-us', competitorPollSource: 'sometimes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body.fields).toHaveProperty('competitorPollSource');
    const optIn = await call(guardrailsAction, 'post', {
      storeId: 'demo-us',
      competitorPollSource: 'competitiveSummary',
    });
    expect(optIn.statusCode).toBe(200);
    expect((await call(guardrailsAction, 'get', { storeId: 'demo-us' })).body).toMatchObject({
      guardrails: { killSwitch: false },
      competitorPollSource: 'competitiveSummary',
    });
    expect((await call(rulesAction, 'post', { storeId: 'demo-us', rule: intelligentRule })).statusCode).toBe(200);

    const run = await runJob(systemClock);
    expect(run.errors).toEqual([]);
    expect(run.polled).toBe(1);
    expect(await requestsOf('getCompetitiveSummary')).toBe(1);
    expect(await requestsOf('getItemOffersBatch')).toBe(0);
    expect(await livePrice()).toBe('18.99');
    const snapshot = await new PricingRepository(storage.kv).snapshot('demo-us', ASIN);
    expect(snapshot?.competitors).toEqual(
      expect.arrayContaining([expect.objectContaining({ sellerId: 'ACOMPETITOR0001', price: '19', condition: 'new' })]),
    );
    const rows = (await call(analysisAction, 'get', { storeId: 'demo-us' })).body.rows;
    expect(rows[0]).toMatchObject({ sku: SKU, lowestLandedPrice: '19.00', freshness: { state: 'fresh' } });
  });

  it('keeps polling with getItemOffersBatch by default', async () => {
    expect((await call(guardrailsAction, 'get', { storeId: 'demo-us' })).body.competitorPollSource).toBe('itemOffers');
    expect((await runJob(systemClock)).polled).toBe(1);
    expect(await requestsOf('getItemOffersBatch')).toBe(1);
    expect(await requestsOf('getCompetitiveSummary')).toBe(0);
  });
});
