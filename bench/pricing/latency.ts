/**
 * Benchmark P6: repricing latency from ANY_OFFER_CHANGED to the price patch sent, on the emulator's clock.
 * The repricing job runs as the alarm starts it: after its first pass it long-polls the SQS queue (the emulator's
 * sqs.us-east-1.amazonaws.com endpoint, SigV4-signed JSON 1.0 calls). Then N listings' competitors change at once;
 * each listing's latency is its patch minus its own notification's publication. The bound is what Amazon allows:
 * patchListingsItem's usage plan for N patches ((N − burst) / rate) plus the queue receive (ceil(N / 10)
 * ReceiveMessage calls, 0.2 s each). Prints `P6 <ratio> (goal <= 1.0)` for the slowest listing.
 * Run: `npx tsx bench/pricing/latency.ts` (P6_LISTINGS overrides N, default 50). */
import { createStorage, resetEmbeddedStorage } from '../../src/adapters/state';
import { PricingRepository } from '../../src/adapters/state/pricing';
import { usagePlanFor } from '../../src/adapters/amazon/usage-plans';
import { seedLocalDemo } from '../../src/app/local-demo';
import { runOfferJob } from '../../src/app/pricing/offer-job';
import { createServices } from '../../src/app/services';
import type { PricingRule } from '../../src/core/pricing';
import { startAmazonEmulator } from '../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../src/emulators/amazon/seed';
import { startCommerceEmulator } from '../../src/emulators/commerce';
import { minimalCommerceSeed } from '../../src/emulators/commerce/seed';
import { emulatorInputs } from '../../test/helpers/emulator-inputs';

const N = Number(process.env.P6_LISTINGS ?? 50);
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';
const ALARM_INTERVAL_S = 60;
/** SQS hands out at most 10 messages per ReceiveMessage. */
const RECEIVE_BATCH = 10;
/**
 * What one ReceiveMessage may take to hand messages over: a long poll answers as soon as a message is there
 * (SQS documents no latency figure, so 0.2 s per call is our allowance, about a same-region round trip under load).
 */
const RECEIVE_ALLOWANCE_S = 0.2;

const asin = (i: number) => `B0LAT${String(i).padStart(5, '0')}`;
const sku = (i: number) => `LAT-${i}`;
const offer = (i: number, sellerId: string, price: string) => ({
  asin: asin(i),
  marketplaceId: US,
  sellerId,
  condition: 'New' as const,
  price,
  shipping: '0.00',
  currency: 'USD',
  fulfilledByAmazon: false,
  feedbackPercent: 97,
  feedbackCount: 1000,
});

const main = async () => {
  const indexes = Array.from({ length: N }, (_, i) => i);
  const commerceSeed = minimalCommerceSeed();
  commerceSeed.attributes = [
    { code: 'price', label: 'Price', frontendInput: 'price', scope: 'website' },
    { code: 'cost', label: 'Cost', frontendInput: 'price', scope: 'global' },
  ];
  commerceSeed.products = indexes.map((i) => ({
    sku: sku(i),
    name: `Latency item ${i}`,
    typeId: 'simple' as const,
    attributeSetId: 4,
    status: 1 as const,
    visibility: 4 as const,
    websiteIds: [1],
    price: '30.00',
    cost: '10.00',
  }));
  const [amazon, commerce] = await Promise.all([
    startAmazonEmulator({
      port: 0,
      seed: {
        ...DEMO_AMAZON_SEED,
        catalog: indexes.map((i) => ({
          asin: asin(i),
          marketplaceId: US,
          title: `Latency item ${i}`,
          productType: 'HOME',
          identifiers: [],
        })),
        listings: indexes.map((i) => ({
          sellerId: SELLER,
          marketplaceId: US,
          sku: sku(i),
          asin: asin(i),
          productType: 'HOME',
          price: '30.00',
          currency: 'USD',
          quantity: 5,
          fulfillmentChannel: 'DEFAULT' as const,
          condition: 'new_new',
          status: ['BUYABLE' as const, 'DISCOVERABLE' as const],
        })),
        competitorOffers: indexes.map((i) => offer(i, 'ABENCHRIVAL0001', '29.00')),
      },
    }),
    startCommerceEmulator({ port: 0, seed: commerceSeed }),
  ]);
  try {
    const inputs = emulatorInputs(amazon.url, commerce.baseUrl);
    resetEmbeddedStorage();
    await seedLocalDemo(inputs);
    const storage = await createStorage(inputs);
    const rule: PricingRule = {
      id: 'beat-lowest',
      name: 'Beat the lowest by a cent',
      active: true,
      priority: 1,
      discardSubsequent: false,
      conditions: { type: 'combine', aggregator: 'all', value: true, conditions: [] },
      action: {
        type: 'intelligent',
        competitorSource: 'lowest',
        minFeedbackPercent: 0,
        minFeedbackCount: 0,
        conditionMode: 'all_conditions',
        variances: {},
        adjustment: { action: 'decrease', apply: 'fixed', amount: '0.01' },
        floor: { attribute: 'cost', action: 'match' },
        ceiling: null,
      },
    };
    await new PricingRepository(storage.kv).saveRules('demo-us', [rule]);

    // Setup run: subscribe to ANY_OFFER_CHANGED and learn the listings (no polls: they are paced at 0.1/s).
    const setup = await runOfferJob(await createServices(inputs), { maxPollBatches: 0 });
    if (setup.errors.length) throw new Error(`setup failed: ${setup.errors.join('; ')}`);
    // The Commerce emulator compiles an operation's response validator on its first use (≈ 0.5 s here); any
    // earlier run has done that, so the product read is warmed once before measuring.
    await (await createServices(inputs)).commerce().findProduct(sku(0));

    // The alarm's run: after its first pass it long-polls the SQS queue (as asc-jobs/pricing-offers does).
    const stop = new AbortController();
    let listening!: () => void;
    const idle = new Promise<void>((resolve) => {
      listening = resolve;
    });
    const running = runOfferJob(await createServices(inputs), {
      maxPollBatches: 0,
      maxMessages: 10 * N,
      listenMs: 50_000,
      signal: stop.signal,
      onListening: () => listening(),
    });
    await idle;
    await amazon.control.call('DELETE', '/requests');

    // Each notification's publication time (emulator clock), recorded as the emulator queues it.
    const clockAt = async () => ((await amazon.control.call('GET', '/clock')).body as { epochMs: number }).epochMs;
    const published = await clockAt();
    const publishedAt = new Map<string, number>();
    const queues = amazon.state.queues;
    const queue = queues.set.bind(queues);
    queues.set = (name, messages) => {
      for (const message of messages) {
        const asinOf = JSON.parse(message.body).Payload?.AnyOfferChangedNotification?.OfferChangeTrigger?.ASIN;
        if (asinOf && message.sentAt >= published && !publishedAt.has(asinOf)) publishedAt.set(asinOf, message.sentAt);
      }
      return queue(name, messages);
    };
    await amazon.control.call(
      'POST',
      '/competitor-offers',
      indexes.map((i) => offer(i, 'ABENCHRIVAL0002', '25.00')),
    );
    type Logged = { at: string; status: number; operation?: string; path: string };
    const logged = async (operation: string) =>
      (
        (await amazon.control.call('GET', `/requests?operation=${encodeURIComponent(operation)}&limit=${10 * N}`))
          .body as { requests: Logged[] }
      ).requests.filter((r) => r.status === 200);
    const deadline = Date.now() + 60_000;
    while ((await logged('patchListingsItem')).length < N && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    stop.abort();
    const run = await running;
    const sent = run.outcomes.filter((o) => o.decision === 'send');
    if (sent.length !== N) throw new Error(`expected ${N} prices sent, got ${sent.length} (${run.errors.join('; ')})`);

    const since = (r: Logged) => Date.parse(r.at) - published;
    // Per listing: its patch minus its own notification's publication.
    const latencies = (await logged('patchListingsItem'))
      .map((r) => {
        const i = Number(decodeURIComponent(r.path.split('/').pop() ?? '').replace('LAT-', ''));
        const at = publishedAt.get(asin(i));
        if (at === undefined) throw new Error(`no notification recorded for ${asin(i)}`);
        return Date.parse(r.at) - at;
      })
      .sort((a, b) => a - b);
    // The ReceiveMessage calls that handed the notifications over (the long poll that woke, then the drain).
    const receives = (await logged('sqs:ReceiveMessage')).map(since).sort((a, b) => a - b);
    const worstS = latencies[latencies.length - 1] / 1000;
    const p50S = latencies[Math.floor(latencies.length / 2)] / 1000;
    const firstS = latencies[0] / 1000;
    const receivedS = ((receives.find((t) => t >= 0) ?? 0) - (Math.min(...publishedAt.values()) - published)) / 1000;
    const plan = usagePlanFor('patchListingsItem', '2021-08-01');
    const drainS = Math.max(0, N - plan.burst) / plan.rate;
    const receiveS = Math.ceil(N / RECEIVE_BATCH) * RECEIVE_ALLOWANCE_S;
    const boundS = drainS + receiveS;
    console.log(
      `P6 detail: ${N} listings, notification → patch on the emulator clock while the job long-polls: ` +
        `first ReceiveMessage answered ${receivedS.toFixed(2)} s after the first notification, first patch ${firstS.toFixed(2)} s, p50 ${p50S.toFixed(2)} s, last ${worstS.toFixed(2)} s; ` +
        `bound ${boundS.toFixed(1)} s = patchListingsItem usage plan (${plan.rate}/s, burst ${plan.burst}) ${drainS.toFixed(1)} s for ${N} patches ` +
        `+ queue receive ${receiveS.toFixed(1)} s (${Math.ceil(N / RECEIVE_BATCH)} ReceiveMessage calls of ≤ ${RECEIVE_BATCH} × ${RECEIVE_ALLOWANCE_S} s); ` +
        `without listening the wait for the next alarm (≤ ${ALARM_INTERVAL_S} s) came on top`,
    );
    console.log(`P6 ${(worstS / boundS).toFixed(3)} (goal <= 1.0)`);
  } finally {
    await Promise.all([amazon.close(), commerce.close()]);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
