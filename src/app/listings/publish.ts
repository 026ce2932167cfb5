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
  type PlannedChange,
  planListingChange,
  planListingEnd,
  routePlannedChanges,
  statusChangeEntry,
  type TransitionContext,
  transition,
} from '../../core/listings';
import { UpstreamError } from '../../platform/errors';
import type { ListingsContext } from './context';
import { listingPrice } from './context';
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
interface PendingFeed {
  feedId: string;
  changes: Array<[number, PlannedChange]>;
  reason: string;
  jobId: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const publishListings = async (lc: ListingsContext, options: PublishOptions): Promise<PublishResult> => {
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
      price: await listingPrice(lc, listing, product),
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
    for (const built of buildListingsFeeds(lc.store.sellerId, feed)) {
      const feedId = await submitFeed(lc, built, options);
      const applied = await waitForFeed(lc, feedId, built, tctx, options);
      if (applied) {
        result.accepted += applied.accepted;
        result.failed += applied.failed;
      } else result.feedsPending.push(feedId);
    }
  }
  return result;
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
  const amazon = await lc.services.amazonFor(lc.store);
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
  if (accepted && change.kind !== 'delete') next = await confirmAmazonStatus(lc, next, tctx);
  await logOutcome(lc, listing, next, change, accepted, issues, options);
  return { listing: next, accepted };
};

/** Reads the listing's status back from Amazon (List in Progress → Active / Inactive). */
export const confirmAmazonStatus = async (lc: ListingsContext, listing: Listing, tctx: TransitionContext) => {
  const amazon = await lc.services.amazonFor(lc.store);
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
  const amazon = await lc.services.amazonFor(lc.store);
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
  const amazon = await lc.services.amazonFor(lc.store);
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
  const pending: PendingFeed = { feedId, changes: [...built.changes], reason: options.reason, jobId: options.jobId };
  await lc.services.storage.kv.put(feedKey(lc.store.id, feedId), JSON.stringify(pending));
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
  const amazon = await lc.services.amazonFor(lc.store);
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
      const confirmed = await confirmAmazonStatuses(
        lc,
        applied.listings.filter((l) =>
          applied.outcomes.some((o) => o.sku === l.sellerSku && o.outcome === 'accepted' && o.change.kind !== 'delete'),
        ),
        tctx,
      );
      for (const outcome of applied.outcomes) {
        const before = bySku.get(outcome.sku);
        const after = confirmed.get(outcome.sku) ?? applied.listings.find((l) => l.sellerSku === outcome.sku);
        if (!before || !after) continue;
        saved.push(after);
        await logOutcome(lc, before, after, outcome.change, outcome.outcome === 'accepted', outcome.issues, options);
      }
      await lc.repo.save(saved);
      await lc.services.storage.kv.delete(feedKey(lc.store.id, feedId));
      const accepted = applied.outcomes.filter((o) => o.outcome === 'accepted').length;
      return { accepted, failed: applied.outcomes.length - accepted };
    }
    if (Date.now() >= deadline) return undefined;
    await sleep(options.pollEveryMs ?? 1000);
  }
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
    const built: BuiltFeed = {
      document: { header: { sellerId: lc.store.sellerId, version: '2.0' }, messages: [] },
      changes: new Map(pending.changes),
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
      for (const [, change] of pending.changes) inFlight.add(change.sku);
    }
  }
  return inFlight;
};
