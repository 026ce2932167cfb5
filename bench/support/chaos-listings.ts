/**
 * Listing publisher chaos: prices change in Commerce, and the publisher (the `asc-jobs/listings-publish` alarm's
 * `runPublishForAllStores`, feed and Listings Items paths) is killed at a random Amazon call — before the request
 * or after Amazon answered — or after a random delay, while Amazon fails; alarm runs also overlap the real Commerce
 * event consumer (`asc-jobs/commerce-events`, product save). Then clean runs. Ends by comparing every listing's last
 * sent value (our State) with Amazon's, each changed price with Amazon's, and counting price pushes per SKU.
 */
import { createServices, type Services } from '../../src/app/services';
import { loadListingsContext } from '../../src/app/listings/context';
import { importThirdPartyListings } from '../../src/app/listings/report-import';
import { runPublishForAllStores } from '../../src/app/listings/sync';
import { loadStoreSettings, saveStoreSettings } from '../../src/app/store-settings';
import type { Listing } from '../../src/core/listings';
import type { FaultRuleInput } from '../../src/emulators/shared/faults';
import { mulberry32 } from '../../src/emulators/shared/faults';
import type { Logger } from '../../src/platform/logger';
import { discoverActions, loadApp, signedEventParams } from './actions';
import type { Check, ScenarioResult } from './chaos-scenarios';
import type { QualityEnvironment } from './environment';

const STORE = 'demo-us';
const US = 'ATVPDKIKX0DER';
const SELLER = 'A1DEMOSELLER0001';
const WRITES = new Set(['patchListingsItem', 'putListingsItem', 'deleteListingsItem', 'createFeed']);

class Killed extends Error {}

/** One price the app put on the wire: which run, which SKU, and whether that run learnt Amazon's answer. */
interface Send {
  run: string;
  sku: string;
  price: string;
  via: 'api' | 'feed';
}

/** Everything the runs sent, as seen at the gateway (feeds resolved from Amazon's copy of their documents). */
class SendLog {
  readonly api: Send[] = [];
  readonly feeds = new Map<string, string>(); // feedId → run
  readonly killedRuns = new Set<string>();
  /** Where each kill landed ("after createFeed answered", …). */
  readonly kills: string[] = [];
}

const summarise = (items: string[]) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => `${item} ×${n}`).join(', ') || 'nowhere';
};

const num = (value: unknown) => (value === undefined || value === null ? undefined : Number(value).toFixed(2));

/** `our_price` wherever it sits in a patch, a put body or a feed message. */
const priceIn = (value: unknown): string | undefined => {
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.our_price)) {
    const schedule = (o.our_price[0] as { schedule?: Array<{ value_with_tax?: unknown }> })?.schedule;
    return num(schedule?.[0]?.value_with_tax);
  }
  for (const child of Object.values(o)) {
    const found = priceIn(child);
    if (found) return found;
  }
  return undefined;
};

/** Services whose Amazon gateway dies at the `killAt`-th call (before it, or after Amazon answered), or after `ms`. */
const killable = (
  services: Services,
  run: string,
  log: SendLog,
  kill: { atCall: number; afterAnswer: boolean; afterMs: number } | undefined,
) => {
  let calls = 0;
  let dead = false;
  const timer = kill ? setTimeout(() => (dead = true), kill.afterMs) : undefined;
  const die = (why: string) => {
    if (!dead || !log.killedRuns.has(run)) log.kills.push(why);
    dead = true;
    log.killedRuns.add(run);
    throw new Killed(why);
  };
  const wrapped: Services = {
    ...services,
    amazonFor: async (store) => {
      const gateway = await services.amazonFor(store);
      return new Proxy(gateway, {
        get(target, prop, receiver) {
          if (prop !== 'call') return Reflect.get(target, prop, receiver);
          return async (operation: string, request: { path?: { sku?: string }; body?: unknown } = {}) => {
            if (dead) die(`dead before ${operation}`);
            const n = calls++;
            if (kill && n === kill.atCall && !kill.afterAnswer) die(`killed before ${operation}`);
            const sku = request.path?.sku;
            const price = WRITES.has(operation) ? priceIn(request.body) : undefined;
            // Sent: Amazon may apply it even if the answer never arrives.
            if (sku && price) log.api.push({ run, sku, price, via: 'api' });
            const result = await target.call(operation as never, request as never);
            if (operation === 'createFeed') log.feeds.set((result as { feedId: string }).feedId, run);
            if (dead || (kill && n === kill.atCall)) die(`killed after ${operation} answered`);
            return result;
          };
        },
      });
    },
  };
  return {
    services: wrapped,
    stop: () => {
      dead = true;
      clearTimeout(timer);
    },
  };
};

interface AmazonListing {
  sku: string;
  marketplaceId: string;
  price: string;
  quantity?: number;
}

const amazonListings = async (env: QualityEnvironment) =>
  new Map(
    (
      (await env.amazon.control.call('GET', `/listings?sellerId=${SELLER}`)).body as { listings: AmazonListing[] }
    ).listings
      .filter((l) => l.marketplaceId === US)
      .map((l) => [l.sku, l]),
  );

const storedListings = async (services: Services): Promise<Listing[]> => {
  const lc = await loadListingsContext(services, STORE);
  const out: Listing[] = [];
  for await (const l of lc.repo.scan()) out.push(l);
  return out;
};

/** Prices inside the feeds Amazon processed, per feed (from Amazon's own copy of each input document). */
const feedPrices = async (env: QualityEnvironment): Promise<Map<string, Array<{ sku: string; price: string }>>> => {
  // The state dump keeps each Map as [key, value] entries.
  const state = (await env.amazon.control.call('GET', '/state')).body as {
    feeds: Array<[string, { feedId: string; inputFeedDocumentId: string; status: string; feedType: string }]>;
    documents: Array<[string, { content?: string }]>;
  };
  const documents = new Map(state.documents);
  const out = new Map<string, Array<{ sku: string; price: string }>>();
  for (const [, feed] of state.feeds) {
    if (feed.feedType !== 'JSON_LISTINGS_FEED' || feed.status !== 'DONE') continue;
    const content = documents.get(feed.inputFeedDocumentId)?.content;
    if (!content) continue;
    const doc = JSON.parse(Buffer.from(content, 'base64').toString('utf8')) as {
      messages?: Array<{ sku: string; operationType?: string }>;
    };
    out.set(
      feed.feedId,
      (doc.messages ?? []).flatMap((m) => {
        const price = priceIn(m);
        return price ? [{ sku: m.sku, price }] : [];
      }),
    );
  }
  return out;
};

/** Third-party listings imported and matched, then published once without faults: Amazon and State agree. */
export const prepareListings = async (env: QualityEnvironment): Promise<Services> => {
  const services = await createServices(env.inputs);
  // Only demo-us is compared; the other demo stores would double every run's catalogue walk.
  for (const store of await services.storage.stores.list())
    if (store.id !== STORE && store.status === 'active')
      await services.storage.stores.save({ ...store, status: 'inactive' });
  const settings = await loadStoreSettings(services.storage, STORE);
  await saveStoreSettings(services.storage, STORE, {
    ...settings,
    listing: {
      ...settings.listing,
      catalogSearch: { ...settings.listing.catalogSearch, asinAttribute: 'asin', eanAttribute: 'ean' },
      thirdPartyListings: { ...settings.listing.thirdPartyListings, asinAttribute: 'asin' },
      // Only the Seller Central listings matched to products move; new catalogue offers wait (keeps setup short).
      productListingActions: { ...settings.listing.productListingActions, automaticListAction: 'manual' },
    },
  });
  await importThirdPartyListings(await loadListingsContext(services, STORE), { waitMs: 20_000 });
  await cleanRuns(services, 4);
  return services;
};

/** Killed runs log their failure per store; the scenario reports kills itself. */
const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {} };

/** Publisher runs without kills until nothing is planned or pending (at most `max`). */
const cleanRuns = async (services: Services, max: number) => {
  for (let i = 0; i < max; i++) {
    const results = (await runPublishForAllStores(services, quiet, `chaos-clean-${i}`)) as Record<
      string,
      { published?: { planned: number; feedsPending: string[] } }
    >;
    const mine = results[STORE]?.published;
    if (mine && mine.planned === 0 && mine.feedsPending.length === 0) return i + 1;
  }
  return max;
};

/** The listings whose prices the scenario moves: active, matched to a Commerce product, sold by us (FBM). */
const pickListings = async (services: Services, count: number) =>
  (await storedListings(services))
    .filter(
      (l) => l.status === 'active' && l.productSku && l.lastAccepted?.price && l.lastAccepted.quantity !== undefined,
    )
    .slice(0, count);

const setCommercePrice = async (env: QualityEnvironment, sku: string, price: string) => {
  // Out of band, like a merchant's save in the Admin (the control API throws on a bad request).
  await env.commerce.control('POST', '/prices', { sku, price });
};

/**
 * The comparisons every listings scenario ends with: each stored last-sent value equals Amazon's (price and
 * quantity), each moved SKU shows the last Commerce price on Amazon, and no run sent a price that an earlier run,
 * which lived to record Amazon's answer, had already sent.
 */
const compareListings = async (
  env: QualityEnvironment,
  services: Services,
  lastSet: Map<string, string>,
): Promise<Check[]> => {
  const onAmazon = await amazonListings(env);
  // The demo's order streams sell on Amazon meanwhile, and Amazon lowers an FBM listing's quantity itself on a sale.
  const orders = (await env.amazon.control.call('GET', '/orders')).body as {
    orders: Array<{ items: Array<{ sku: string }> }>;
  };
  const sold = new Set(orders.orders.flatMap((o) => o.items.map((i) => i.sku)));
  const stored = (await storedListings(services)).filter((l) => l.lastAccepted && l.status === 'active');
  const differ = stored.filter((l) => {
    const a = onAmazon.get(l.sellerSku);
    if (!a) return true;
    const priceOk = num(l.lastAccepted?.price) === num(a.price);
    const qtyOk =
      l.lastAccepted?.quantity === undefined || sold.has(l.sellerSku) || l.lastAccepted.quantity === a.quantity;
    return !priceOk || !qtyOk;
  });
  const lost = [...lastSet].filter(([sellerSku, price]) => num(onAmazon.get(sellerSku)?.price) !== num(price));
  return [
    {
      name: "every listing's last sent value (State) equals Amazon's price and quantity",
      ok: differ.length === 0,
      detail: differ.length
        ? differ
            .slice(0, 5)
            .map(
              (l) =>
                `${l.sellerSku}: sent ${l.lastAccepted?.price}/${l.lastAccepted?.quantity}, Amazon ${onAmazon.get(l.sellerSku)?.price}/${onAmazon.get(l.sellerSku)?.quantity}`,
            )
            .join('; ')
        : `${stored.length} listings agree (quantity not compared on ${sold.size} SKUs Amazon sold meanwhile)`,
    },
    {
      name: "no price lost: each moved SKU's last Commerce price is on Amazon",
      ok: lost.length === 0,
      detail: lost.length
        ? lost
            .slice(0, 5)
            .map(([s, p]) => `${s}: set ${p}, Amazon ${onAmazon.get(s)?.price}`)
            .join('; ')
        : `${lastSet.size} SKUs`,
    },
  ];
};

/** No run sent a price that an earlier run, which lived to record Amazon's answer, had already sent. */
const sendsCheck = async (
  env: QualityEnvironment,
  lastSet: Map<string, string>,
  log: SendLog,
  baselineFeeds: Set<string>,
): Promise<Check> => {
  // Every price send per SKU in order: API bodies as sent, feed messages from the feeds Amazon processed.
  const sends: Send[] = [...log.api];
  for (const [feedId, messages] of await feedPrices(env)) {
    if (baselineFeeds.has(feedId)) continue;
    const run = log.feeds.get(feedId) ?? `unacknowledged feed ${feedId}`;
    if (!log.feeds.has(feedId)) log.killedRuns.add(run); // the app never learnt this feed's id: an unknown outcome
    for (const m of messages) sends.push({ run, sku: m.sku, price: m.price, via: 'feed' });
  }
  const firstBy = new Map<string, Send>();
  const twice: string[] = [];
  let repeatsAfterDeath = 0;
  for (const send of sends) {
    if (!lastSet.has(send.sku)) continue;
    const key = `${send.sku}@${send.price}`;
    const first = firstBy.get(key);
    if (!first) firstBy.set(key, send);
    else if (first.run !== send.run && log.killedRuns.has(first.run)) repeatsAfterDeath++;
    // A repeat is expected only when the first sender died before it could record Amazon's answer.
    else if (first.run !== send.run && !log.killedRuns.has(first.run))
      twice.push(`${send.sku} ${send.price} by ${first.run} (${first.via}) and ${send.run} (${send.via})`);
  }
  return {
    name: 'no price pushed twice (a repeat only after a run died before recording the answer)',
    ok: twice.length === 0,
    detail: twice.length
      ? `${twice.length}: ${twice.slice(0, 4).join('; ')}`
      : `${sends.filter((s) => lastSet.has(s.sku)).length} price sends; ${repeatsAfterDeath} re-sent after the sender died before recording Amazon's answer`,
  };
};

/**
 * Counted on Amazon's side (any sender): Listings Items writes Amazon answered cleanly plus messages of processed
 * feeds, per moved SKU, never more than the number of changes made.
 */
const amazonWritesCheck = async (
  env: QualityEnvironment,
  lastSet: Map<string, string>,
  changes: number,
  baselineFeeds: Set<string>,
): Promise<Check> => {
  const writes = new Map<string, number>();
  const add = (sku: string) => writes.set(sku, (writes.get(sku) ?? 0) + 1);
  for (const operation of ['patchListingsItem', 'putListingsItem']) {
    const { body } = await env.amazon.control.call('GET', `/requests?operation=${operation}&limit=100000`);
    for (const r of (body as { requests: Array<{ path: string; status: number; fault?: string }> }).requests)
      if (r.status < 300 && r.status > 0 && !r.fault) add(decodeURIComponent(r.path.split('/').pop() ?? ''));
  }
  for (const [feedId, messages] of await feedPrices(env))
    if (!baselineFeeds.has(feedId)) for (const m of messages) add(m.sku);
  const over = [...lastSet.keys()].filter((sku) => (writes.get(sku) ?? 0) > changes);
  return {
    name: `no price pushed twice (Amazon accepted ≤ ${changes} writes per SKU)`,
    ok: over.length === 0,
    detail: over.length
      ? over
          .slice(0, 5)
          .map((sku) => `${sku}: ${writes.get(sku)}×`)
          .join('; ')
      : `${[...lastSet.keys()].reduce((a, sku) => a + (writes.get(sku) ?? 0), 0)} writes for ${lastSet.size} SKUs`,
  };
};

/**
 * For the SIGKILL scenario (chaos-sigkill.ts), whose publisher runs in child processes: the listings to move and a
 * `setPrices(round)` that changes their Commerce prices, remembering the last price set per seller SKU.
 */
export const setPricesAndRemember = async (env: QualityEnvironment, services: Services, count: number) => {
  const chosen = await pickListings(services, count);
  const lastSet = new Map<string, string>();
  const setPrices = async (round: number) => {
    for (const [i, l] of chosen.entries()) {
      const price = (40 + i + round / 100).toFixed(2);
      await setCommercePrice(env, l.productSku as string, price);
      lastSet.set(l.sellerSku, price);
    }
  };
  return { chosen: chosen.length, lastSet, setPrices };
};

/** Clean runs in this process, then the last-sent and no-price-lost comparisons. */
export const compareListingsAfterKills = async (
  env: QualityEnvironment,
  services: Services,
  lastSet: Map<string, string>,
): Promise<{ clean: number; checks: Check[] }> => {
  const clean = await cleanRuns(services, 6);
  return { clean, checks: await compareListings(env, services, lastSet) };
};

/**
 * `rounds` of price changes on `skus` listings; after each, `killsPerRound` publisher runs die at a random Amazon
 * call (half of them after Amazon answered) or after a random delay, under `faults`. Then clean runs and the
 * comparisons.
 */
export const publisherKilledUnderFaults = async (
  env: QualityEnvironment,
  options: {
    skus: number;
    rounds: number;
    killsPerRound: number;
    faults: FaultRuleInput[];
    seed?: number;
    /** Kill points are drawn among the first this many Amazon calls of a run (default 7: a feed run's length). */
    killWithinCalls?: number;
  },
): Promise<ScenarioResult> => {
  const checks: Check[] = [];
  const random = mulberry32(options.seed ?? 20261127);
  const services = await prepareListings(env);
  const chosen = await pickListings(services, options.skus);
  checks.push({
    name: 'listings to move',
    ok: chosen.length >= Math.min(options.skus, 4),
    detail: `${chosen.length} active FBM listings`,
  });
  const log = new SendLog();
  const lastSet = new Map<string, string>();
  const baselineFeeds = new Set((await feedPrices(env)).keys());
  let killed = 0;
  for (let round = 1; round <= options.rounds; round++) {
    for (const [i, l] of chosen.entries()) {
      const price = (20 + i + round / 100).toFixed(2);
      await setCommercePrice(env, l.productSku as string, price);
      lastSet.set(l.sellerSku, price);
    }
    await env.amazon.control.call('POST', '/faults', options.faults);
    // A run that ends before its kill point simply finishes (under the faults); try again until enough died.
    // Up to `killsPerRound` runs in a row die; a run that outlives its kill point finishes the round's work, and
    // the runs after it would have nothing left to kill.
    let killedThisRound = 0;
    for (let k = 0; k < options.killsPerRound; k++) {
      const run = `r${round}k${k}`;
      const kill = {
        atCall: Math.floor(random() * (options.killWithinCalls ?? 7)),
        afterAnswer: random() < 0.5,
        // The catalogue walk takes a second or so before the first Amazon call; later timers land in the feed wait.
        afterMs: 800 + random() * 3_200,
      };
      const { services: s, stop } = killable(services, run, log, kill);
      await runPublishForAllStores(s, quiet, run).catch(() => undefined);
      stop();
      if (!log.killedRuns.has(run)) break;
      killedThisRound++;
    }
    killed += killedThisRound;
    await env.amazon.control.call('DELETE', '/faults');
  }
  const { services: s, stop } = killable(services, 'clean', log, undefined);
  const clean = await cleanRuns(s, 6);
  stop();
  checks.push({
    name: 'the publisher was killed mid-run and clean runs finished the job',
    ok: killed >= options.rounds && clean < 6,
    detail: `${killed} runs killed (${summarise(log.kills)}); ${clean} clean run(s) to settle`,
  });
  checks.push(...(await compareListings(env, services, lastSet)));
  checks.push(await sendsCheck(env, lastSet, log, baselineFeeds));
  return {
    scenario: `listing publisher killed mid-run (${options.skus} SKUs × ${options.rounds} price changes) under ${options.faults.map((f) => f.kind).join(', ')}`,
    checks,
  };
};

/**
 * The product-save event consumer (`asc-jobs/commerce-events`) and the publish alarm run at the same time for the
 * same price changes, under faults Amazon never applies (5xx, 429, resets): each change is pushed once.
 */
export const eventsOverlappingPublishAlarm = async (
  env: QualityEnvironment,
  options: { skus: number; rounds: number; faults: FaultRuleInput[] },
): Promise<ScenarioResult> => {
  const checks: Check[] = [];
  const services = await prepareListings(env);
  const chosen = await pickListings(services, options.skus);
  const consumer = (await discoverActions(await loadApp())).find(
    (a) => a.definition.fullName === 'asc-jobs/commerce-events',
  );
  if (!consumer) throw new Error('asc-jobs/commerce-events is not in app.config.yaml');
  const log = new SendLog();
  const lastSet = new Map<string, string>();
  const failures: string[] = [];
  await env.amazon.control.call('DELETE', '/requests');
  const baselineFeeds = new Set((await feedPrices(env)).keys());
  await env.amazon.control.call('POST', '/faults', options.faults);
  for (let round = 1; round <= options.rounds; round++) {
    for (const [i, l] of chosen.entries()) {
      const price = (30 + i + round / 100).toFixed(2);
      await setCommercePrice(env, l.productSku as string, price);
      lastSet.set(l.sellerSku, price);
    }
    // The alarm starts, and Commerce's product-save events arrive while it runs.
    const alarm = killable(services, `alarm-${round}`, log, undefined);
    const runs: Array<Promise<unknown>> = [runPublishForAllStores(alarm.services, quiet, `alarm-${round}`)];
    for (const [i, l] of chosen.entries()) {
      const body = JSON.stringify({
        specversion: '1.0',
        id: `evt-${round}-${i}`,
        source: 'urn:uuid:commerce',
        type: 'com.adobe.commerce.observer.catalog_product_save_commit_after',
        time: new Date().toISOString(),
        event_id: `delivery-${round}-${i}`,
        data: { value: { sku: l.productSku, price: lastSet.get(l.sellerSku) }, _metadata: { websiteId: 1 } },
      });
      runs.push(
        consumer.main(signedEventParams(body, env.inputs)).then((r) => {
          if (r && typeof r === 'object' && 'error' in r)
            failures.push(JSON.stringify((r as { error: unknown }).error));
        }),
      );
    }
    await Promise.all(runs);
  }
  await env.amazon.control.call('DELETE', '/faults');
  const clean = await cleanRuns(services, 6);
  checks.push({
    name: 'every event delivery and alarm run finished',
    ok: failures.length === 0,
    detail: `${failures.length} failed; ${clean} clean run(s) to settle${failures.length ? `: ${failures[0]}` : ''}`,
  });
  checks.push(...(await compareListings(env, services, lastSet)));
  checks.push(await amazonWritesCheck(env, lastSet, options.rounds, baselineFeeds));
  return {
    scenario: `product-save events overlapping the publish alarm (${chosen.length} SKUs × ${options.rounds} changes) under ${options.faults.map((f) => f.kind).join(', ') || 'no faults'}`,
    checks,
  };
};
