import { buildKey } from '../../adapters/state';
import {
  applyProcessingReport,
  type BuiltFeed,
  buildListingsFeeds,
  changeLogEntries,
  computeOffer,
  issueEntries,
  type Listing,
  type ListingIssue,
  listingsItemRequestBody,
  needsStatusCheck,
  type PlannedChange,
  planListingChange,
  planListingEnd,
  routePlannedChanges,
  statusChangeEntry,
  type TransitionContext,
  transition,
  withoutRequestBody,
} from '../../core/listings';
import type { AmazonGateway } from '../../adapters/amazon/sp-api-gateway';
import { UpstreamError } from '../../platform/errors';
import type { ListingsContext } from './context';
import { recordPublishedPrice } from './price-history';
import { listingPrice, loadPricingProducts } from './context';
import { downloadDocumentJson, uploadDocument } from './documents';
import { loadProducts } from './products';

/**
 * Publishing (SPEC 4.2–4.4, docs/listings.md "Publishing"): listings whose offer differs from what Amazon last
 * accepted get the minimal change; a few go straight to the Listings Items API, bulk goes through a
 * JSON_LISTINGS_FEED. Amazon's answer moves the listing (transition) and every change lands in the Listing
 * Changes log with from → to, why and the job id.
 */
export interface PublishOptions {
  /** Only these Seller SKUs (events, merchant actions); default: every listing of the store. */
  sellerSkus?: string[];
  /** Merchant actions and oversell risks use the API first. */
  merchantAction?: boolean;
  reason: string;
  jobId: string;
  /** Changes above this count are routed through a feed (urgent ones still use the API up to the limit). */
  apiLimit?: number;
  /** How long to wait for a feed's processing report in this run (ms); default 20 s. */
  feedWaitMs?: number;
  pollEveryMs?: number;
}

export interface PublishResult {
  planned: number;
  viaApi: number;
  viaFeed: number;
  accepted: number;
  failed: number;
  feedsPending: string[];
}

const PUBLISHABLE = new Set(['list_in_progress', 'relist_in_progress', 'active', 'inactive', 'ineligible']);

const feedKey = (storeId: string, feedId: string) => buildKey('listings', storeId, 'feed', feedId);
/** A pending feed's changes, in parts: 10 000 changes are ~4 MB, State takes at most 1 MB per value. */
const feedPartKey = (storeId: string, feedId: string, part: number) =>
  buildKey('listings', storeId, 'feedpart', feedId, String(part));
const FEED_PART_BYTES = 512 * 1024;
const LOG_WRITES_AT_ONCE = 32;
interface PendingFeed {
  feedId: string;
  /** Number of feedPartKey values holding the `[messageId, change]` pairs. */
  parts: number;
  reason: string;
  jobId: string;
}

/** One SP-API gateway (one LWA access token) per listings run, not one per call site. */
const gateways = new WeakMap<ListingsContext, Promise<AmazonGateway>>();
const amazonOf = (lc: ListingsContext): Promise<AmazonGateway> => {
  let gateway = gateways.get(lc);
  if (!gateway) {
    gateway = lc.services.amazonFor(lc.store);
    gateways.set(lc, gateway);
  }
  return gateway;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One publisher per store at a time: the 5-minute alarm, Commerce product/stock events and merchant actions all
 * plan from `lastAccepted`, so two at once would both send the same change (found by `npm run chaos`: every price
 * of an event overlapping the alarm reached Amazon twice). The lease outlives the longest activation (10 min), so
 * a live run never loses it; a killed run's lease blocks publishing until it expires, and a waiting event run
 * fails with a lock timeout and is redelivered.
 */
export const PUBLISH_LEASE = { ttlSeconds: 600, waitMs: 50_000 };

export const publishListings = async (lc: ListingsContext, options: PublishOptions): Promise<PublishResult> => {
  const locked = <T>(run: () => Promise<T>) =>
    lc.services.storage.locks.withLock(`listings-publish-${lc.store.id}`, run, PUBLISH_LEASE);
  const { result, submitted, tctx } = await locked(() => publishUnlocked(lc, options));
  // Amazon takes minutes per feed: wait for it outside the lease, so an event or a merchant action is not held
  // behind a bulk run (the feed's SKUs are stored as in flight, nobody re-sends them); apply its report under the
  // lease, unless a run that came meanwhile already did (the pending record is gone then).
  const deadline = Date.now() + (options.feedWaitMs ?? 20_000);
  for (const { feedId, built } of submitted) {
    const applied = (await feedFinished(lc, feedId, deadline, options.pollEveryMs))
      ? await locked(async () =>
          (await lc.services.storage.kv.get(feedKey(lc.store.id, feedId)))
            ? waitForFeed(lc, feedId, built, tctx, { ...options, feedWaitMs: 0 })
            : { accepted: 0, failed: 0 },
        )
      : undefined;
    if (applied) {
      result.accepted += applied.accepted;
      result.failed += applied.failed;
    } else result.feedsPending.push(feedId);
  }
  return result;
};

/** Whether Amazon finished processing the feed before the deadline (getFeed polls, nothing stored). */
const feedFinished = async (
  lc: ListingsContext,
  feedId: string,
  deadline: number,
  pollEveryMs = 1000,
): Promise<boolean> => {
  const amazon = await amazonOf(lc);
  for (;;) {
    const feed = await amazon.call<{ processingStatus: string }>('getFeed', { path: { feedId } });
    if (['DONE', 'FATAL', 'CANCELLED'].includes(feed.processingStatus)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(pollEveryMs);
  }
};

const publishUnlocked = async (
  lc: ListingsContext,
  options: PublishOptions,
): Promise<{
  result: PublishResult;
  submitted: Array<{ feedId: string; built: BuiltFeed }>;
  tctx: TransitionContext;
}> => {
  const submitted: Array<{ feedId: string; built: BuiltFeed }> = [];
  const result: PublishResult = { planned: 0, viaApi: 0, viaFeed: 0, accepted: 0, failed: 0, feedsPending: [] };
  const tctx: TransitionContext = {
    automaticListAction: lc.settings.productListingActions.automaticListAction,
    at: lc.at(),
  };
  // Feeds sent by an earlier run first: their SKUs must not be sent twice.
  const inFlight = await resumePendingFeeds(lc, tctx, options, result);

  const candidates: Listing[] = [];
  if (options.sellerSkus) {
    for (const l of (await lc.repo.getMany(options.sellerSkus)).values()) candidates.push(l);
  } else for await (const l of lc.repo.scan()) candidates.push(l);
  const work = candidates.filter(
    (l) =>
      !inFlight.has(l.sellerSku) && (l.status === 'end_in_progress' || (PUBLISHABLE.has(l.status) && l.productSku)),
  );
  const products = await loadProducts(
    lc,
    work.filter((l) => l.status !== 'end_in_progress').map((l) => l.productSku as string),
  );
  const pricingProducts = await loadPricingProducts(lc, products.keys());
  const changes: PlannedChange[] = [];
  const bySku = new Map<string, Listing>();
  for (const listing of work) {
    bySku.set(listing.sellerSku, listing);
    if (listing.status === 'end_in_progress') {
      changes.push(planListingEnd(listing, lc.store.marketplaceId, listing.lastAccepted));
      continue;
    }
    const product = products.get(listing.productSku as string);
    if (!product) continue;
    const { offer, publishable } = computeOffer({
      listing,
      product,
      store: lc.ctx,
      settings: lc.settings,
      price: await listingPrice(lc, listing, product, pricingProducts.get(product.sku)),
    });
    if (!publishable) continue;
    const change = planListingChange(offer, listing.lastAccepted, { merchantAction: options.merchantAction });
    if (change.kind !== 'none') changes.push(change);
  }
  result.planned = changes.length;
  const { api, feed } = routePlannedChanges(changes, options.apiLimit ?? 10);
  const updated: Listing[] = [];
  for (const change of api) {
    const listing = bySku.get(change.sku) as Listing;
    const next = await sendThroughApi(lc, listing, change, tctx, options);
    result.viaApi++;
    if (next.accepted) result.accepted++;
    else result.failed++;
    updated.push(next.listing);
  }
  if (updated.length) await lc.repo.save(updated);
  if (feed.length) {
    result.viaFeed = feed.length;
    for (const built of buildListingsFeeds(lc.store.sellerId, feed))
      submitted.push({ feedId: await submitFeed(lc, built, options), built });
  }
  return { result, submitted, tctx };
};

const log = async (
  lc: ListingsContext,
  entries: Array<Record<string, unknown> & { sellerSku: string; action: string }>,
) => {
  for (const entry of entries)
    await lc.services.storage.logs.listingChanges.append(
      entry as Parameters<typeof lc.services.storage.logs.listingChanges.append>[0],
    );
};

const logOutcome = async (
  lc: ListingsContext,
  before: Listing,
  after: Listing,
  change: PlannedChange,
  accepted: boolean,
  issues: ListingIssue[],
  options: { reason: string; jobId: string },
) => {
  const ctx = { storeId: lc.store.id, reason: options.reason, jobId: options.jobId, at: lc.at() };
  const entries = accepted ? changeLogEntries(change, ctx) : [];
  if (accepted && change.kind !== 'delete') await recordPublishedPrice(lc, after, change);
  const status = statusChangeEntry(before, after, ctx);
  await log(lc, [...entries, ...(status ? [status] : []), ...issueEntries(after, issues, ctx)] as never);
};

/** One change through the Listings Items API; Amazon's answer moves the listing. */
const sendThroughApi = async (
  lc: ListingsContext,
  listing: Listing,
  change: PlannedChange,
  tctx: TransitionContext,
  options: { reason: string; jobId: string },
): Promise<{ listing: Listing; accepted: boolean }> => {
  const amazon = await amazonOf(lc);
  const path = { sellerId: lc.store.sellerId, sku: change.sku };
  const query = { marketplaceIds: [lc.store.marketplaceId], includedData: ['issues'] };
  let response: { status?: string; issues?: Array<ListingIssue & { severity: ListingIssue['severity'] }> };
  try {
    if (change.kind === 'delete') response = await amazon.call('deleteListingsItem', { path, query });
    else if (change.kind === 'patch')
      response = await amazon.call('patchListingsItem', { path, query, body: listingsItemRequestBody(change) });
    else {
      if (change.kind === 'replace_asin')
        await amazon.call('deleteListingsItem', { path, query: { marketplaceIds: [lc.store.marketplaceId] } });
      response = await amazon.call('putListingsItem', { path, query, body: listingsItemRequestBody(change) });
    }
  } catch (error) {
    if (!(error instanceof UpstreamError) || error.retryable) throw error;
    response = { status: 'INVALID', issues: [{ code: error.code, message: error.message, severity: 'ERROR' }] };
  }
  const issues: ListingIssue[] = (response.issues ?? []).map((i) => ({
    code: i.code,
    message: i.message,
    severity: i.severity,
    attributeNames: i.attributeNames,
  }));
  const accepted = response.status === 'ACCEPTED' && !issues.some((i) => i.severity === 'ERROR');
  const moved = transition(
    listing,
    accepted ? { type: 'submission_accepted', sent: change.sent } : { type: 'submission_failed', issues },
    tctx,
  );
  let next = moved.ok ? moved.listing : listing;
  if (accepted && change.kind !== 'delete' && needsStatusCheck(listing.status, change))
    next = await confirmAmazonStatus(lc, next, tctx);
  await logOutcome(lc, listing, next, change, accepted, issues, options);
  return { listing: next, accepted };
};

/** Reads the listing's status back from Amazon (List in Progress → Active / Inactive). */
export const confirmAmazonStatus = async (lc: ListingsContext, listing: Listing, tctx: TransitionContext) => {
  const amazon = await amazonOf(lc);
  const item = await amazon.call<{
    summaries?: Array<{ status?: Array<'BUYABLE' | 'DISCOVERABLE'>; productType?: string }>;
    issues?: ListingIssue[];
  }>('getListingsItem', {
    path: { sellerId: lc.store.sellerId, sku: listing.sellerSku },
    query: { marketplaceIds: [lc.store.marketplaceId], includedData: ['summaries', 'issues'] },
  });
  const summary = item.summaries?.[0];
  if (!summary) return listing;
  const moved = transition(
    listing,
    { type: 'amazon_status_changed', status: summary.status ?? [], issues: item.issues },
    tctx,
  );
  return moved.ok ? { ...moved.listing, productType: listing.productType ?? summary.productType } : listing;
};

/** The same for many listings: searchListingsItems by SKU, 20 per call. */
export const confirmAmazonStatuses = async (
  lc: ListingsContext,
  listings: Listing[],
  tctx: TransitionContext,
): Promise<Map<string, Listing>> => {
  const amazon = await amazonOf(lc);
  const result = new Map<string, Listing>();
  for (let i = 0; i < listings.length; i += 20) {
    const batch = listings.slice(i, i + 20);
    const found = await amazon.call<{
      items?: Array<{
        sku: string;
        summaries?: Array<{ status?: Array<'BUYABLE' | 'DISCOVERABLE'>; productType?: string }>;
        issues?: ListingIssue[];
      }>;
    }>('searchListingsItems', {
      path: { sellerId: lc.store.sellerId },
      query: {
        marketplaceIds: [lc.store.marketplaceId],
        identifiersType: 'SKU',
        identifiers: batch.map((l) => l.sellerSku),
        includedData: ['summaries', 'issues'],
        pageSize: 20,
      },
    });
    const bySku = new Map((found.items ?? []).map((item) => [item.sku, item]));
    for (const listing of batch) {
      const summary = bySku.get(listing.sellerSku)?.summaries?.[0];
      if (!summary) continue;
      const moved = transition(
        listing,
        { type: 'amazon_status_changed', status: summary.status ?? [], issues: bySku.get(listing.sellerSku)?.issues },
        tctx,
      );
      if (moved.ok)
        result.set(listing.sellerSku, { ...moved.listing, productType: listing.productType ?? summary.productType });
    }
  }
  return result;
};

const submitFeed = async (lc: ListingsContext, built: BuiltFeed, options: PublishOptions): Promise<string> => {
  const amazon = await amazonOf(lc);
  const contentType = 'application/json; charset=UTF-8';
  const doc = await amazon.call<{ feedDocumentId: string; url: string }>('createFeedDocument', {
    body: { contentType },
  });
  await uploadDocument(lc.services.inputs, doc.url, Buffer.from(JSON.stringify(built.document)), contentType);
  const { feedId } = await amazon.call<{ feedId: string }>('createFeed', {
    body: {
      feedType: 'JSON_LISTINGS_FEED',
      marketplaceIds: [lc.store.marketplaceId],
      inputFeedDocumentId: doc.feedDocumentId,
    },
  });
  const parts: string[] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const [messageId, change] of built.changes) {
    const entry = JSON.stringify([messageId, withoutRequestBody(change)]);
    if (part.length > 0 && bytes + Buffer.byteLength(entry) > FEED_PART_BYTES) {
      parts.push(`[${part.join(',')}]`);
      part = [];
      bytes = 0;
    }
    part.push(entry);
    bytes += Buffer.byteLength(entry) + 1;
  }
  if (part.length > 0) parts.push(`[${part.join(',')}]`);
  const { kv } = lc.services.storage;
  for (const [index, value] of parts.entries()) await kv.put(feedPartKey(lc.store.id, feedId, index), value);
  const pending: PendingFeed = { feedId, parts: parts.length, reason: options.reason, jobId: options.jobId };
  await kv.put(feedKey(lc.store.id, feedId), JSON.stringify(pending));
  return feedId;
};

/** Polls a feed; when Amazon is done, applies its processing report. Undefined while still processing. */
const waitForFeed = async (
  lc: ListingsContext,
  feedId: string,
  built: BuiltFeed,
  tctx: TransitionContext,
  options: Pick<PublishOptions, 'feedWaitMs' | 'pollEveryMs' | 'reason' | 'jobId'>,
): Promise<{ accepted: number; failed: number } | undefined> => {
  const amazon = await amazonOf(lc);
  const deadline = Date.now() + (options.feedWaitMs ?? 20_000);
  for (;;) {
    const feed = await amazon.call<{ processingStatus: string; resultFeedDocumentId?: string }>('getFeed', {
      path: { feedId },
    });
    if (['DONE', 'FATAL', 'CANCELLED'].includes(feed.processingStatus)) {
      const report = feed.resultFeedDocumentId
        ? await downloadDocumentJson(
            lc.services.inputs,
            await amazon.call<{ url: string; compressionAlgorithm?: string }>('getFeedDocument', {
              path: { feedDocumentId: feed.resultFeedDocumentId },
            }),
          )
        : {
            header: { sellerId: lc.store.sellerId, version: '2.0', feedId },
            issues: [{ severity: 'ERROR', message: `the feed ended ${feed.processingStatus}`, code: 'FEED' }],
            summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
          };
      const bySku = await lc.repo.getMany([...built.changes.values()].map((c) => c.sku));
      const applied = applyProcessingReport(built, report, bySku, tctx);
      const saved: Listing[] = [];
      const appliedBySku = new Map(applied.listings.map((l) => [l.sellerSku, l]));
      const toConfirm = applied.outcomes.filter(
        (o) =>
          o.outcome === 'accepted' &&
          o.change.kind !== 'delete' &&
          appliedBySku.has(o.sku) &&
          needsStatusCheck(bySku.get(o.sku)?.status ?? '', o.change),
      );
      const confirmed = await confirmAmazonStatuses(
        lc,
        toConfirm.map((o) => appliedBySku.get(o.sku) as Listing),
        tctx,
      );
      const logs: Array<() => Promise<void>> = [];
      for (const outcome of applied.outcomes) {
        const before = bySku.get(outcome.sku);
        const after = confirmed.get(outcome.sku) ?? appliedBySku.get(outcome.sku);
        if (!before || !after) continue;
        saved.push(after);
        logs.push(() =>
          logOutcome(lc, before, after, outcome.change, outcome.outcome === 'accepted', outcome.issues, options),
        );
      }
      // One State key per log entry: written a few dozen at a time, not one round trip after another.
      for (let i = 0; i < logs.length; i += LOG_WRITES_AT_ONCE)
        await Promise.all(logs.slice(i, i + LOG_WRITES_AT_ONCE).map((write) => write()));
      await lc.repo.save(saved);
      await forgetPendingFeed(lc, feedId);
      const accepted = applied.outcomes.filter((o) => o.outcome === 'accepted').length;
      return { accepted, failed: applied.outcomes.length - accepted };
    }
    if (Date.now() >= deadline) return undefined;
    await sleep(options.pollEveryMs ?? 1000);
  }
};

/** The pending record goes first, so a run stopped half-way never finds a record without its parts. */
const forgetPendingFeed = async (lc: ListingsContext, feedId: string) => {
  const { kv } = lc.services.storage;
  await kv.delete(feedKey(lc.store.id, feedId));
  const parts = buildKey('listings', lc.store.id, 'feedpart', feedId);
  for await (const key of kv.keys(`${parts}.*`)) await kv.delete(key);
};

/** Feeds an earlier run left processing: apply those that finished; returns the SKUs still in flight. */
const resumePendingFeeds = async (
  lc: ListingsContext,
  tctx: TransitionContext,
  options: PublishOptions,
  result: PublishResult,
): Promise<Set<string>> => {
  const inFlight = new Set<string>();
  const prefix = feedKey(lc.store.id, 'x').replace(/\.x$/, '');
  for await (const key of lc.services.storage.kv.keys(`${prefix}.*`)) {
    const raw = await lc.services.storage.kv.get(key);
    if (!raw) continue;
    const pending = JSON.parse(raw) as PendingFeed;
    const changes = new Map<number, PlannedChange>();
    for (let part = 0; part < pending.parts; part++) {
      const value = await lc.services.storage.kv.get(feedPartKey(lc.store.id, pending.feedId, part));
      for (const [messageId, change] of value ? (JSON.parse(value) as Array<[number, PlannedChange]>) : [])
        changes.set(messageId, change);
    }
    const built: BuiltFeed = {
      document: { header: { sellerId: lc.store.sellerId, version: '2.0' }, messages: [] },
      changes,
      bytes: 0,
    };
    const applied = await waitForFeed(lc, pending.feedId, built, tctx, {
      ...options,
      feedWaitMs: 0,
      reason: pending.reason,
      jobId: pending.jobId,
    });
    if (applied) {
      result.accepted += applied.accepted;
      result.failed += applied.failed;
    } else {
      result.feedsPending.push(pending.feedId);
      for (const change of changes.values()) inFlight.add(change.sku);
    }
  }
  return inFlight;
};
