import type { AmazonGateway } from '../../adapters/amazon/sp-api-gateway';
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
}

export interface OfferJobSummary {
  messages: number;
  ignored: number;
  polled: number;
  outcomes: RepriceOutcome[];
  errors: string[];
}

interface StoreRun {
  store: StoreRecord;
  gateway: AmazonGateway;
  context: StorePricingContext;
  /** The store's listings by ASIN, read once per run (after the listings sync). */
  byAsin?: Promise<Map<string, ListingPricingState[]>>;
}

/**
 * The repricing alarm (asc-jobs/pricing-offers, every minute): makes sure each active store is subscribed to
 * ANY_OFFER_CHANGED, reads the notification queue, stores each ASIN's competitor snapshot, reprices the store's
 * listings on that ASIN through the guardrails, then polls listings whose competitor data went stale.
 * A message is deleted only after it was handled, so a crash redelivers it (at-least-once).
 */
export const runOfferJob = async (services: Services, options: OfferJobOptions = {}): Promise<OfferJobSummary> => {
  // I/O Runtime starts an alarm run even while the previous one is still going, and "Reprice now" may overlap
  // the alarm: one run at a time keeps the guardrails' view of the last sent price exact.
  const lease = await services.storage.locks.tryAcquire('pricing-offers-job', { ttlSeconds: 300 });
  if (!lease)
    return { messages: 0, ignored: 0, polled: 0, outcomes: [], errors: ['another repricing run is in progress'] };
  try {
    return await runOfferJobLocked(services, options);
  } finally {
    await lease.release();
  }
};

const runOfferJobLocked = async (services: Services, options: OfferJobOptions): Promise<OfferJobSummary> => {
  const queue = options.queue ?? notificationQueueFrom(services.inputs);
  const repository = new PricingRepository(services.storage.kv);
  const summary: OfferJobSummary = { messages: 0, ignored: 0, polled: 0, outcomes: [], errors: [] };
  const stores = (await services.storage.stores.list()).filter(isSyncEnabled);
  const runs = new Map<string, Promise<StoreRun>>();
  const runFor = (store: StoreRecord): Promise<StoreRun> => {
    let run = runs.get(store.id);
    if (!run) {
      run = (async () => {
        const gateway = await services.amazonFor(store);
        const context = await loadStorePricingContext(services, store);
        return { store, gateway, context };
      })();
      runs.set(store.id, run);
    }
    return run;
  };

  const subscribedSellers = new Set<string>();
  for (const store of stores) {
    try {
      const run = await runFor(store);
      if (!subscribedSellers.has(store.sellerId) && !(await repository.getFlag(store.id, 'subscription'))) {
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
  const repriceAsin = async (run: StoreRun, asin: string) => {
    if (!run.context.input.rules.some((r) => r.active && r.action.type === 'intelligent')) return;
    run.byAsin ??= repository.listListingStates(run.store.id).then((states) => {
      const map = new Map<string, typeof states>();
      for (const state of states) if (state.asin) map.set(state.asin, [...(map.get(state.asin) ?? []), state]);
      return map;
    });
    for (const listing of (await run.byAsin).get(asin) ?? [])
      summary.outcomes.push(await repriceListing(services, run.context, run.gateway, listing));
  };

  // Drain first, keeping the newest snapshot per store + ASIN, then reprice each affected listing once per run:
  // our own patch triggers a notification too, and handling it in the same run would chain several steps.
  const maxMessages = options.maxMessages ?? 100;
  const pending = new Map<string, { store: StoreRecord; change: OfferChange; handles: string[] }>();
  while (summary.messages < maxMessages) {
    const messages = await queue.receive(Math.min(10, maxMessages - summary.messages));
    if (messages.length === 0) break;
    for (const message of messages) {
      summary.messages++;
      const change = parseAnyOfferChanged(message.body, services.clock.now());
      const targets = change
        ? stores.filter((s) => s.sellerId === change.sellerId && s.marketplaceId === change.marketplaceId)
        : [];
      if (!change || targets.length === 0) {
        summary.ignored++;
        await queue.delete(message.receiptHandle);
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
  // A few ASINs at a time: Commerce reads overlap while the shared limiter paces the patches to the usage plan.
  const queueOfChanges = [...pending.values()];
  const worker = async () => {
    for (let next = queueOfChanges.shift(); next; next = queueOfChanges.shift()) {
      const { store, change, handles } = next;
      try {
        await repository.saveSnapshot(store.id, change.snapshot);
        await repriceAsin(await runFor(store), change.asin);
        for (const handle of handles) await queue.delete(handle).catch(() => undefined);
      } catch (error) {
        // Left on the queue: it comes back after the visibility timeout.
        summary.errors.push(`${change.asin}: ${(error as Error).message}`);
        options.logger?.warn('offer change not processed; it will be redelivered', { asin: change.asin });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));

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
          await repriceAsin(run, snapshot.asin);
        }
      }
    } catch (error) {
      summary.errors.push(`${store.id}: ${(error as Error).message}`);
    }
  }
  return summary;
};
