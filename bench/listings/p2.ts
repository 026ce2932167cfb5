/**
 * Benchmark P2: publishing 10 000 changed offers through the real publisher (src/app/listings/publish.ts) against
 * both emulators over HTTP, timed on the Amazon emulator's clock.
 *
 * Setup (not timed): Amazon holds N active listings at 20.00; the store imports them from Seller Central's listings
 * report (so every listing's "last accepted" price is 20.00) while Commerce prices the same SKUs at 21.xx, so all N
 * offers differ. One more listing, P2-SINGLE, is in sync.
 *
 * Measured, with the emulator clock running P2_SPEEDUP emulated ms per real ms (the app's limiter is scaled the same
 * with ASC_TIME_SCALE, and the publisher polls getFeed every emulated second, as it does every real second live):
 * - `P2` = emulated time from the publish job's start until the app has applied Amazon's processing report, ÷ the
 *   minimum the usage plans allow for a feed-based sync of N offers:
 *     F = ⌈N / 25 000⌉ feeds (Amazon's per-document limit), each needing createFeedDocument, createFeed, getFeed and
 *     getFeedDocument once, plus Amazon's feed processing time (emulated: FEED_DONE_MS = 2 min after createFeed):
 *     minimum = FEED_DONE_MS + Σ_op max(0, F − burst_op) / rate_op   (all F feeds submitted at once, within each
 *     operation's usage plan). For N = 10 000: F = 1, every call fits its burst, so the minimum is 120 s.
 * - `P2.429`: HTTP 429 answers the emulator gave during the run (goal 0); `P2.feeds`: createFeed calls (goal ≤ 2).
 * - `P2.single`: while the bulk feed is being processed, P2-SINGLE's price changes in Commerce and the product-save
 *   event path (republishProduct) publishes it. Its latency (change → Amazon holds the new price) ÷ its queue bound:
 *   the sum, over the Amazon calls that change made, of one token interval 1 / rate_op (the longest each call can
 *   wait in its usage-plan queue when nothing else is ahead of it). Goal ≤ 1.1: it never waits for the feed.
 * Run: `npx tsx bench/listings/p2.ts` (P2_OFFERS, default 10 000; P2_SPEEDUP, default 4).
 */
import { resetEmbeddedStorage } from '../../src/adapters/state';
import { usagePlanFor } from '../../src/adapters/amazon/usage-plans';
import { OPERATIONS } from '../../src/adapters/amazon/operations';
import { loadListingsContext } from '../../src/app/listings/context';
import { republishProduct } from '../../src/app/listings/event-handlers';
import { publishListings } from '../../src/app/listings/publish';
import { importThirdPartyListings } from '../../src/app/listings/report-import';
import { createServices } from '../../src/app/services';
import { MAX_FEED_MESSAGES } from '../../src/core/listings/feed';
import { startAmazonEmulator } from '../../src/emulators/amazon';
import { FEED_DONE_MS } from '../../src/emulators/amazon/feeds';
import { DEMO_AMAZON_SEED } from '../../src/emulators/amazon/seed';
import { startCommerceEmulator } from '../../src/emulators/commerce';
import { minimalCommerceSeed } from '../../src/emulators/commerce/seed';
import { EmulatorClock } from '../../src/emulators/shared/clock';
import { SecretBox } from '../../src/platform/crypto';
import { emulatorInputs } from '../../test/helpers/emulator-inputs';

const N = Number(process.env.P2_OFFERS ?? 10_000);
const SPEEDUP = Number(process.env.P2_SPEEDUP ?? 4);
const SETUP_SPEEDUP = 1000;
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';
const SINGLE = 'P2-SINGLE';
const FEED_OPERATIONS = ['createFeedDocument', 'createFeed', 'getFeed', 'getFeedDocument'] as const;

const sku = (i: number) => `P2-${String(i).padStart(5, '0')}`;
const asin = (i: number) => `B0P2${String(i).padStart(6, '0')}`;
/** Commerce's new price: 21.00–21.99, never Amazon's 20.00. */
const newPrice = (i: number) => `21.${String(i % 100).padStart(2, '0')}`;

interface LoggedRequest {
  at: string;
  operation?: string;
  status: number;
}

const main = async () => {
  const skus = [...Array.from({ length: N }, (_, i) => sku(i)), SINGLE];
  const clock = new EmulatorClock({ start: '2026-03-02T10:00:00.000Z', speedUp: SETUP_SPEEDUP });
  const amazon = await startAmazonEmulator({
    port: 0,
    clock,
    seed: {
      ...DEMO_AMAZON_SEED,
      orderStreams: [],
      competitorOffers: [],
      catalog: [],
      listings: skus.map((s, i) => ({
        sellerId: SELLER,
        marketplaceId: US,
        sku: s,
        asin: asin(i),
        productType: 'HOME',
        title: `Bench offer ${s}`,
        price: '20.00',
        currency: 'USD',
        quantity: 5,
        fulfillmentChannel: 'DEFAULT' as const,
        condition: 'new_new',
        status: ['BUYABLE', 'DISCOVERABLE'] as Array<'BUYABLE' | 'DISCOVERABLE'>,
      })),
    },
  });
  const seed = minimalCommerceSeed();
  seed.products = skus.map((s, i) => ({
    sku: s,
    name: `Bench offer ${s}`,
    typeId: 'simple' as const,
    attributeSetId: 4,
    status: 1 as const,
    visibility: 4 as const,
    websiteIds: [1],
    price: s === SINGLE ? '20.00' : newPrice(i),
  }));
  seed.sourceItems = skus.map((s) => ({ sku: s, sourceCode: 'default', quantity: 5, status: 1 as const }));
  const commerce = await startCommerceEmulator({ port: 0, seed });
  try {
    const inputs: Record<string, string> = emulatorInputs(amazon.url, commerce.baseUrl, {
      ASC_LOCK_SETTLE_MS: '0',
      ASC_TIME_SCALE: String(SETUP_SPEEDUP),
    });
    const key = inputs.ASC_ENCRYPTION_KEY;
    resetEmbeddedStorage();
    const setupServices = await createServices(inputs);
    const connected = new Date(Date.now() - 60_000).toISOString();
    await setupServices.storage.stores.save({
      id: 'bench',
      name: 'Bench store',
      sellerId: SELLER,
      marketplaceId: US,
      country: 'US',
      currency: 'USD',
      region: 'na',
      websiteCode: 'base',
      status: 'active',
      createdAt: connected,
      updatedAt: connected,
      authorizedAt: connected,
      encryptedRefreshToken: new SecretBox(key).encrypt('Atzr|demo-refresh-token-1', 'bench'),
    });
    const setupStarted = Date.now();
    const imported = await importThirdPartyListings(await loadListingsContext(setupServices, 'bench'), {
      waitMs: 60_000,
      pollEveryMs: 5,
    });
    if (imported.status !== 'done' || imported.matched !== skus.length)
      throw new Error(`setup import: ${JSON.stringify(imported)}`);
    const setupMs = Date.now() - setupStarted;

    // The measured run: Amazon's clock at SPEEDUP, the app's limiter scaled to match.
    clock.setSpeedUp(SPEEDUP);
    const services = await createServices({ ...inputs, ASC_TIME_SCALE: String(SPEEDUP) });
    await amazon.control.call('DELETE', '/requests');
    const realBegan = Date.now();
    const began = clock.now();
    const bulk = publishListings(await loadListingsContext(services, 'bench'), {
      reason: 'P2 bench: scheduled sync',
      jobId: 'p2-bulk',
      feedWaitMs: 30 * 60_000,
      pollEveryMs: 1000 / SPEEDUP,
    });
    let bulkEnded: number | undefined;
    void bulk.then(() => {
      bulkEnded = clock.now();
    });

    // The single change, made while the bulk feed is in Amazon's hands.
    const requests = async (operation?: string): Promise<LoggedRequest[]> =>
      (
        (await amazon.control.call('GET', `/requests?limit=100000${operation ? `&operation=${operation}` : ''}`))
          .body as { requests: LoggedRequest[] }
      ).requests;
    while ((await requests('createFeed')).length === 0) {
      if (bulkEnded !== undefined) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await commerce.control('POST', '/prices', { sku: SINGLE, price: '19.50' });
    const pendingFeeds = (await requests('createFeed')).length;
    /**
     * Amazon's processing takes FEED_DONE_MS on the emulated clock. The emulator in this process does the work
     * lazily, synchronously, at the first call after that time, and at SPEEDUP its CPU time would be charged to
     * the emulated clock as if Amazon were slower; so the clock is held still while it does that work.
     */
    const emulateAmazonProcessingTime = async () => {
      const finished = (feed: { status: string }) => ['DONE', 'FATAL', 'CANCELLED'].includes(feed.status);
      for (const feed of [...amazon.state.feeds.values()].sort((a, b) => a.doneAt - b.doneAt)) {
        if (finished(feed)) continue;
        const early = feed.doneAt - 2_000 - clock.now();
        if (early > 0) await clock.sleep(early);
        clock.setSpeedUp(0);
        if (!finished(feed)) amazon.control.advance(Math.max(0, feed.doneAt - clock.now()));
        clock.setSpeedUp(SPEEDUP);
      }
    };
    // At real speed for this one change (well under a second), so our own CPU time is not magnified SPEEDUP times.
    clock.setSpeedUp(1);
    const singleBegan = clock.now();
    const singleResult = await republishProduct(services, SINGLE, 'P2 bench: product saved', 'p2-single');
    const singleEnded = clock.now();
    clock.setSpeedUp(SPEEDUP);
    await emulateAmazonProcessingTime();
    const published = await bulk;
    const endedAt = bulkEnded ?? clock.now();
    const elapsedMs = endedAt - began;
    const realMs = Date.now() - realBegan;
    clock.setSpeedUp(0);

    const log = await requests();
    const throttled = log.filter((r) => r.status === 429).length;
    const feeds = log.filter((r) => r.operation === 'createFeed').length;
    const byOperation = new Map<string, number>();
    for (const r of log) byOperation.set(r.operation ?? '?', (byOperation.get(r.operation ?? '?') ?? 0) + 1);

    // Where the emulated time went: planning until createFeed, Amazon's processing, applying the report.
    const firstAt = (op: string) => Date.parse(log.find((r) => r.operation === op)?.at ?? '') - began;
    const phases = `plan+upload ${(firstAt('createFeed') / 1000).toFixed(1)} s, report read at ${(firstAt('getFeedDocument') / 1000).toFixed(1)} s, applied at ${(elapsedMs / 1000).toFixed(1)} s`;

    // Minimum the usage plans allow (see the header).
    const feedCount = Math.ceil(N / MAX_FEED_MESSAGES);
    const waits = FEED_OPERATIONS.map((op) => {
      const plan = usagePlanFor(op, OPERATIONS[op].version);
      return Math.max(0, feedCount - plan.burst) / plan.rate;
    });
    const minimumMs = FEED_DONE_MS + waits.reduce((a, b) => a + b, 0) * 1000;

    // The single change: calls it made (between its start and Amazon accepting its patch) and their token intervals.
    const singleCalls = log.filter((r) => {
      const at = Date.parse(r.at);
      return at >= singleBegan && at <= singleEnded && r.operation;
    });
    const patch = singleCalls.find((r) => r.operation === 'patchListingsItem' && r.status === 200);
    const amazonSingle = (await amazon.control.call('GET', `/listings?sellerId=${SELLER}`)).body as {
      listings: Array<{ sku: string; marketplaceId: string; price?: string; attributes?: unknown }>;
    };
    const singleOnAmazon = JSON.stringify(amazonSingle.listings.find((l) => l.sku === SINGLE) ?? {});
    if (!patch || !singleOnAmazon.includes('19.5'))
      throw new Error(`the single change did not reach Amazon: ${JSON.stringify(singleResult)} ${singleOnAmazon}`);
    const singleLatencyMs = Math.max(1, Date.parse(patch.at) - singleBegan);
    // Its own calls: the bulk run's getFeed polls share the window, so getFeed counts once per pending feed (the
    // urgent path asks whether each finished); the LWA token request has no usage plan: the gateway's 1/s fallback.
    const upToPatch = [
      ...Array.from({ length: pendingFeeds }, () => 'getFeed'),
      ...singleCalls
        .filter((r) => Date.parse(r.at) <= Date.parse(patch.at) && r.operation !== 'getFeed')
        .map((r) => r.operation as string),
    ];
    const singleBoundMs =
      upToPatch.reduce((sum, op) => {
        const version = OPERATIONS[op as keyof typeof OPERATIONS]?.version ?? '';
        return sum + 1 / usagePlanFor(op, version).rate;
      }, 0) * 1000;

    if (published.accepted < N)
      throw new Error(`only ${published.accepted} of ${N} offers accepted: ${JSON.stringify(published)}`);
    console.log(`P2 ${(elapsedMs / minimumMs).toFixed(2)} (goal <= 1.2)`);
    console.log(`P2.429 ${throttled} (goal = 0)`);
    console.log(`P2.feeds ${feeds} (goal <= 2)`);
    console.log(`P2.single ${(singleLatencyMs / singleBoundMs).toFixed(2)} (goal <= 1.1)`);
    console.log(
      `P2 detail: ${N} changed offers (planned ${published.planned}, via feed ${published.viaFeed}, via API ${published.viaApi}, ` +
        `accepted ${published.accepted}, failed ${published.failed}); emulated ${(elapsedMs / 1000).toFixed(1)} s vs minimum ` +
        `${(minimumMs / 1000).toFixed(1)} s = feed processing ${FEED_DONE_MS / 1000} s + Σ max(0, ${feedCount} − burst) / rate over ` +
        `${FEED_OPERATIONS.join(', ')} (${feedCount} feed(s) of ≤ ${MAX_FEED_MESSAGES}); ${phases}; calls ${JSON.stringify(Object.fromEntries(byOperation))}; ` +
        `real ${(realMs / 1000).toFixed(1)} s at ${SPEEDUP}x (setup import ${(setupMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `P2.single detail: ${SINGLE} price change → patch on Amazon ${(singleLatencyMs / 1000).toFixed(2)} s emulated; ` +
        `at speed-up 1 while ${pendingFeeds} feed(s) were processing; calls ${upToPatch.join(', ')}; bound Σ 1/rate = ${(singleBoundMs / 1000).toFixed(2)} s`,
    );
  } finally {
    await amazon.close();
    await commerce.close();
    clock.dispose();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
