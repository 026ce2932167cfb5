import type { AmazonGateway } from '../../adapters/amazon/sp-api-gateway';
import { UnconfiguredQueue } from '../../adapters/sqs';
import { COMPETITOR_DATA_STALE_AFTER_MS } from '../../core/pricing/price-history';
import { COMPETITOR_POLL_SOURCE_FLAG, pollCompetitiveSummary } from './competitive-summary';
import { type ListingPricingState, PricingRepository } from '../../adapters/state/pricing';
import { isSyncEnabled, type StoreRecord } from '../../core/store';
import type { Logger } from '../../platform/logger';
import type { Services } from '../services';
import {
  ensureOfferSubscription,
  type NotificationQueue,
  type OfferChange,
  notificationQueueFrom,
  OFFERS_BATCH_SIZE,
  parseAnyOfferChanged,
  pollItemOffers,
} from './competitor-feed';
import { loadStorePricingContext, type StorePricingContext } from './price-for-listing';
import { type RepriceOutcome, repriceListing, syncPricedListings } from './repricer';

export interface OfferJobOptions {
  queue?: NotificationQueue;
  /** Messages handled per run at most (the alarm runs every minute). */
  maxMessages?: number;
  /** A listing whose competitor data is older than this is polled (default 30 min). */
  staleAfterMs?: number;
  /** Poll batches (≤ 20 ASINs each) per store and run, to stay inside getItemOffersBatch's usage plan. */
  maxPollBatches?: number;
  /** Re-read the store's listings from Amazon this often (default 6 h). */
  listingsSyncEveryMs?: number;
  logger?: Logger;
  /** ASINs repriced in parallel (default 4). */
  concurrency?: number;
  /**
   * After the first pass, keep long-polling the queue (SQS WaitTimeSeconds) for this long (wall clock) and reprice
   * each change as it arrives, instead of leaving it for the next alarm. Default 0: one pass.
   */
  listenMs?: number;
  /** Ends the listening early (shutdown, benchmark). */
  signal?: AbortSignal;
  /** Called whenever the job starts waiting on the queue (tests and the latency benchmark). */
  onListening?: () => void;
}

/**
 * The listen window an invocation asks for (the alarm trigger's `listenSeconds`), capped at 50 s: the alarm fires
 * every minute and the run must end before the next one starts. Anything else means no listening.
 */
export const listenWindowMs = (listenSeconds: unknown): number => {
  const seconds = Number(listenSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(50, seconds) * 1000 : 0;
};
/** Rules and settings read at the run's start are reloaded when older than this while listening. */
const CONTEXT_MAX_AGE_MS = 30_000;

export interface OfferJobSummary {
  messages: number;
  ignored: number;
  polled: number;
  /** Changes of an ASIN whose price this run already sent, left on the queue for the next run (one step per run). */
  deferred: number;
  outcomes: RepriceOutcome[];
  errors: string[];
}

interface StoreRun {
  store: StoreRecord;
  gateway: AmazonGateway;
  context: StorePricingContext;
  /** The store's listings by ASIN, read once per run (after the listings sync). */
  byAsin?: Promise<Map<string, ListingPricingState[]>>;
  /** Wall-clock time the context was loaded. */
  loadedAt: number;
}

/**
 * The repricing alarm (asc-jobs/pricing-offers, every minute): makes sure each active store is subscribed to
 * ANY_OFFER_CHANGED, reads the notification queue, stores each ASIN's competitor snapshot, reprices the store's
 * listings on that ASIN through the guardrails, then polls listings whose competitor data went stale. With
 * `listenMs` it then long-polls the queue and reprices each change as it arrives (the alarm listens 45 s).
 * A message is deleted only after it was handled, so a crash redelivers it (at-least-once).
 */
export const runOfferJob = async (services: Services, options: OfferJobOptions = {}): Promise<OfferJobSummary> => {
  // I/O Runtime starts an alarm run even while the previous one is still going, and "Reprice now" may overlap
  // the alarm: one run at a time keeps the guardrails' view of the last sent price exact.
  const lease = await services.storage.locks.tryAcquire('pricing-offers-job', { ttlSeconds: 300 });
  if (!lease)
    return {
      messages: 0,
      ignored: 0,
      polled: 0,
      deferred: 0,
      outcomes: [],
      errors: ['another repricing run is in progress'],
    };
  try {
    return await runOfferJobLocked(services, options);
  } finally {
    await lease.release();
  }
};

const runOfferJobLocked = async (services: Services, options: OfferJobOptions): Promise<OfferJobSummary> => {
  const queue = options.queue ?? notificationQueueFrom(services.inputs);
  const repository = new PricingRepository(services.storage.kv);
  const summary: OfferJobSummary = { messages: 0, ignored: 0, polled: 0, deferred: 0, outcomes: [], errors: [] };
  const listenUntil = Date.now() + (options.listenMs ?? 0);
  const stores = (await services.storage.stores.list()).filter(isSyncEnabled);
  const runs = new Map<string, Promise<StoreRun>>();
  const runFor = (store: StoreRecord): Promise<StoreRun> => {
    let run = runs.get(store.id);
    if (!run) {
      run = (async () => {
        const gateway = await services.amazonFor(store);
        const context = await loadStorePricingContext(services, store);
        return { store, gateway, context, loadedAt: Date.now() };
      })();
      runs.set(store.id, run);
    }
    return run;
  };

  const subscribedSellers = new Set<string>();
  for (const store of stores) {
    try {
      const run = await runFor(store);
      // An unconfigured queue is reported by its first receive; subscribing Amazon to a placeholder ARN is not done.
      const subscribe = !(queue instanceof UnconfiguredQueue) && !subscribedSellers.has(store.sellerId);
      if (subscribe && !(await repository.getFlag(store.id, 'subscription'))) {
        const id = await ensureOfferSubscription(run.gateway, queue.queueArn);
        await repository.setFlag(store.id, 'subscription', id);
      }
      subscribedSellers.add(store.sellerId);
      const syncedAt = Number((await repository.getFlag(store.id, 'listingsSyncedAt')) ?? 0);
      if (services.clock.now() - syncedAt > (options.listingsSyncEveryMs ?? 6 * 3600_000))
        await syncPricedListings(services, run.context, run.gateway);
    } catch (error) {
      summary.errors.push(`${store.id}: ${(error as Error).message}`);
    }
  }

  // Only intelligent rules read competitor data: without an active one, a competitor change moves no price.
  /** Reprices the store's listings on `asin`; true when a price was sent. */
  const repriceAsin = async (run: StoreRun, asin: string): Promise<boolean> => {
    if (!run.context.input.rules.some((r) => r.active && r.action.type === 'intelligent')) return false;
    run.byAsin ??= repository.listListingStates(run.store.id).then((states) => {
      const map = new Map<string, typeof states>();
      for (const state of states) if (state.asin) map.set(state.asin, [...(map.get(state.asin) ?? []), state]);
      return map;
    });
    let sent = false;
    for (const listing of (await run.byAsin).get(asin) ?? []) {
      const outcome = await repriceListing(services, run.context, run.gateway, listing);
      summary.outcomes.push(outcome);
      sent ||= outcome.decision === 'send';
    }
    return sent;
  };

  // Drain, keeping the newest snapshot per store + ASIN, then reprice each affected listing. Our own patch
  // triggers a notification too; handling it in the same run would chain several guardrail steps, so an ASIN
  // whose price this run sent is repriced again only by the next run.
  const maxMessages = options.maxMessages ?? 100;
  const sentThisRun = new Set<string>();
  type Pending = Map<string, { store: StoreRecord; change: OfferChange; handles: string[] }>;
  /** Receives until the queue is empty or `maxCalls` calls were made (the first may long-poll); false when the queue failed. */
  const receiveChanges = async (pending: Pending, firstWaitSeconds: number, maxCalls = Infinity): Promise<boolean> => {
    const ignored: string[] = [];
    let waitSeconds = firstWaitSeconds;
    try {
      for (let calls = 0; calls < maxCalls && summary.messages < maxMessages; calls++) {
        if (waitSeconds > 0) options.onListening?.();
        const messages = await queue.receive(Math.min(10, maxMessages - summary.messages), {
          waitSeconds,
          signal: options.signal,
        });
        waitSeconds = 0;
        if (messages.length === 0) break;
        for (const message of messages) {
          summary.messages++;
          const change = parseAnyOfferChanged(message.body, services.clock.now());
          const targets = change
            ? stores.filter((s) => s.sellerId === change.sellerId && s.marketplaceId === change.marketplaceId)
            : [];
          if (!change || targets.length === 0) {
            summary.ignored++;
            ignored.push(message.receiptHandle);
            continue;
          }
          for (const store of targets) {
            const key = `${store.id}|${change.asin}`;
            const previous = pending.get(key);
            const newer = !previous || previous.change.snapshot.observedAt <= change.snapshot.observedAt;
            pending.set(key, {
              store,
              change: newer ? change : previous.change,
              handles: [...(previous?.handles ?? []), message.receiptHandle],
            });
          }
        }
      }
      return true;
    } catch (error) {
      if (!options.signal?.aborted) summary.errors.push(`notification queue: ${(error as Error).message}`);
      return false;
    } finally {
      if (ignored.length > 0) await queue.deleteMany(ignored).catch(() => undefined);
    }
  };
  // A few ASINs at a time: Commerce reads overlap while the shared limiter paces the patches to the usage plan.
  const handleChanges = async (pending: Pending) => {
    const changes = [...pending.entries()];
    const done: string[] = [];
    const worker = async () => {
      for (let next = changes.shift(); next; next = changes.shift()) {
        const [key, { store, change, handles }] = next;
        try {
          await repository.saveSnapshot(store.id, change.snapshot);
          // This run already sent a price for it (usually this is the echo of that patch): left on the queue, it
          // comes back after the visibility timeout and is handled by the next run.
          if (sentThisRun.has(key)) {
            summary.deferred++;
            continue;
          }
          if (await repriceAsin(await runFor(store), change.asin)) sentThisRun.add(key);
          done.push(...handles);
        } catch (error) {
          // Left on the queue: it comes back after the visibility timeout.
          summary.errors.push(`${change.asin}: ${(error as Error).message}`);
          options.logger?.warn('offer change not processed; it will be redelivered', { asin: change.asin });
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    if (done.length > 0) await queue.deleteMany(done).catch(() => undefined);
  };

  const firstPass: Pending = new Map();
  let queueWorks = await receiveChanges(firstPass, 0);
  await handleChanges(firstPass);

  const staleAfter = options.staleAfterMs ?? COMPETITOR_DATA_STALE_AFTER_MS;
  for (const store of stores) {
    try {
      const run = await runFor(store);
      const now = services.clock.now();
      const stale: string[] = [];
      for (const listing of await repository.listListingStates(store.id)) {
        if (!listing.asin || stale.includes(listing.asin)) continue;
        const snapshot = await repository.snapshot(store.id, listing.asin);
        if (!snapshot || now - snapshot.receivedAtMs > staleAfter) stale.push(listing.asin);
      }
      const batches = options.maxPollBatches ?? 3;
      // Stores that opt in poll with getCompetitiveSummary (same 20-ASIN batches) instead of getItemOffersBatch.
      const poll =
        (await repository.getFlag(store.id, COMPETITOR_POLL_SOURCE_FLAG)) === 'competitiveSummary'
          ? pollCompetitiveSummary
          : pollItemOffers;
      for (let i = 0; i < Math.min(stale.length, batches * OFFERS_BATCH_SIZE); i += OFFERS_BATCH_SIZE) {
        const snapshots = await poll(run.gateway, store.marketplaceId, stale.slice(i, i + OFFERS_BATCH_SIZE), now);
        for (const snapshot of snapshots) {
          summary.polled++;
          await repository.saveSnapshot(store.id, snapshot);
          if (await repriceAsin(run, snapshot.asin)) sentThisRun.add(`${store.id}|${snapshot.asin}`);
        }
      }
    } catch (error) {
      summary.errors.push(`${store.id}: ${(error as Error).message}`);
    }
  }
  // Listening: long polls until the window closes; each change is repriced as soon as it arrives.
  while (queueWorks && !options.signal?.aborted) {
    const waitSeconds = Math.min(20, Math.floor((listenUntil - Date.now()) / 1000));
    if (waitSeconds < 1) break;
    const pending: Pending = new Map();
    queueWorks = await receiveChanges(pending, waitSeconds, 1);
    if (pending.size === 0) continue;
    // A rule set saved meanwhile takes effect at once, other settings within CONTEXT_MAX_AGE_MS: the context is
    // loaded again. Listing states (last sent price, today's changes) are read again for the guardrails.
    for (const [storeId, run] of runs) {
      const loaded = await run.catch(() => undefined);
      if (!loaded) continue;
      const rulesChanged =
        JSON.stringify(await repository.listRules(storeId)) !== JSON.stringify(loaded.context.input.rules);
      if (rulesChanged || Date.now() - loaded.loadedAt > CONTEXT_MAX_AGE_MS) runs.delete(storeId);
      else loaded.byAsin = undefined;
    }
    // The first batch is repriced while the rest of a burst is received; the rest follows.
    const rest: Pending = new Map();
    const [, received] = await Promise.all([handleChanges(pending), queueWorks && receiveChanges(rest, 0)]);
    queueWorks = received;
    await handleChanges(rest);
  }
  return summary;
};
