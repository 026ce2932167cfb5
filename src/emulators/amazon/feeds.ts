/** Feeds 2021-06-30: documents with presigned upload URLs, asynchronous processing on the emulator clock. */
import { type ApiHandler, invalidInput, notFound, ok, requireMarketplace, requireSeller } from './api';
import { newDocumentId, presignedUrl } from './documents';
import { cancelQueuedJob, listRecentJobs, ownedJob } from './processing-jobs';
import { processListingsFeed } from './listings-feed';
import { processOrderFeed } from './order-feeds';
import type { OrdersEngine } from './orders-engine';
import type { AmazonState, FeedRecord } from './state';

export const FEED_START_MS = 30_000;
export const FEED_DONE_MS = 2 * 60_000;
export const SUPPORTED_FEEDS = [
  'JSON_LISTINGS_FEED',
  'POST_ORDER_ACKNOWLEDGEMENT_DATA',
  'POST_ORDER_FULFILLMENT_DATA',
  'POST_PAYMENT_ADJUSTMENT_DATA',
];

const iso = (ms?: number) => (ms === undefined ? undefined : new Date(ms).toISOString());

const renderFeed = (f: FeedRecord) => {
  const out: Record<string, unknown> = {
    feedId: f.feedId,
    feedType: f.feedType,
    marketplaceIds: f.marketplaceIds,
    createdTime: iso(f.createdTime),
    processingStatus: f.status,
  };
  if (f.processingStartTime !== undefined) out.processingStartTime = iso(f.processingStartTime);
  if (f.processingEndTime !== undefined) out.processingEndTime = iso(f.processingEndTime);
  if (f.resultFeedDocumentId) out.resultFeedDocumentId = f.resultFeedDocumentId;
  return out;
};

export function processFeeds(
  state: AmazonState,
  engine: OrdersEngine,
  now: number,
  offerChanged: (asin: string, mp: string) => void,
): void {
  for (const f of state.feeds.values()) {
    if (f.status === 'IN_QUEUE' && now >= f.startAt) {
      f.status = 'IN_PROGRESS';
      f.processingStartTime = f.startAt;
    }
    if (f.status !== 'IN_PROGRESS' || now < f.doneAt) continue;
    const input = state.documents.get(f.inputFeedDocumentId);
    const content = input?.content ? Buffer.from(input.content, 'base64').toString('utf8') : '';
    const resultId = newDocumentId(state, 'feedresult');
    let fatal = false;
    let body: string;
    let contentType: string;
    if (!content) {
      fatal = true;
      body = JSON.stringify({
        header: { sellerId: f.sellerId, version: '2.0', feedId: f.feedId },
        issues: [{ code: '4000001', severity: 'ERROR', message: 'The feed document was never uploaded.' }],
        summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
      });
      contentType = 'application/json';
    } else if (f.feedType === 'JSON_LISTINGS_FEED') {
      const r = processListingsFeed(
        state,
        {
          sellerId: f.sellerId,
          feedId: f.feedId,
          marketplaceId: f.marketplaceIds[0],
          now: new Date(f.doneAt).toISOString(),
          content,
        },
        offerChanged,
      );
      fatal = r.fatal;
      body = JSON.stringify(r.report);
      contentType = 'application/json';
    } else {
      const r = processOrderFeed(state, engine, {
        feedType: f.feedType,
        sellerId: f.sellerId,
        feedId: f.feedId,
        content,
        now: f.doneAt,
      });
      fatal = r.fatal;
      body = r.xml;
      contentType = 'text/xml; charset=UTF-8';
    }
    state.documents.set(resultId, {
      documentId: resultId,
      kind: 'feed-result',
      contentType,
      content: Buffer.from(body).toString('base64'),
      compressed: false,
      createdAt: f.doneAt,
      sellerId: f.sellerId,
      region: f.region,
    });
    f.resultFeedDocumentId = resultId;
    f.status = fatal ? 'FATAL' : 'DONE';
    f.processingEndTime = f.doneAt;
  }
}

export const feedHandlers: Record<string, ApiHandler> = {
  createFeedDocument: (ctx) => {
    const sellerId = requireSeller(ctx);
    const { contentType } = ctx.body as { contentType: string };
    const documentId = newDocumentId(ctx.state, 'feed');
    ctx.state.documents.set(documentId, {
      documentId,
      kind: 'feed-input',
      contentType,
      compressed: false,
      createdAt: ctx.clock.now(),
      sellerId,
      region: ctx.region,
    });
    return ok({ feedDocumentId: documentId, url: presignedUrl(ctx.clock, ctx.region, 'PUT', documentId) }, 201);
  },
  createFeed: (ctx) => {
    const sellerId = requireSeller(ctx);
    const body = ctx.body as {
      feedType: string;
      marketplaceIds: string[];
      inputFeedDocumentId: string;
      feedOptions?: Record<string, string>;
    };
    if (!SUPPORTED_FEEDS.includes(body.feedType))
      throw invalidInput(`feedType ${body.feedType} is not supported (emulated: ${SUPPORTED_FEEDS.join(', ')}).`);
    for (const mp of body.marketplaceIds) requireMarketplace(ctx, mp, 'marketplaceIds');
    if (body.feedType === 'JSON_LISTINGS_FEED' && body.marketplaceIds.length !== 1)
      throw invalidInput('JSON_LISTINGS_FEED takes exactly one marketplaceId.');
    const doc = ctx.state.documents.get(body.inputFeedDocumentId);
    if (doc?.kind !== 'feed-input' || doc.sellerId !== sellerId)
      throw invalidInput(`inputFeedDocumentId ${body.inputFeedDocumentId} is not a feed document of this seller.`);
    const now = ctx.clock.now();
    const feedId = ctx.state.numericId();
    ctx.state.feeds.set(feedId, {
      feedId,
      sellerId,
      region: ctx.region,
      feedType: body.feedType,
      marketplaceIds: body.marketplaceIds,
      inputFeedDocumentId: body.inputFeedDocumentId,
      feedOptions: body.feedOptions,
      createdTime: now,
      startAt: now + FEED_START_MS,
      doneAt: now + FEED_DONE_MS,
      status: 'IN_QUEUE',
    });
    return ok({ feedId }, 202);
  },
  getFeed: (ctx) => ok(renderFeed(ownedJob(ctx, ctx.state.feeds, ctx.params.feedId, 'Feed'))),
  getFeeds: (ctx) =>
    ok({ feeds: listRecentJobs(ctx, ctx.state.feeds.values(), (f) => f.feedType, 'feedTypes').map(renderFeed) }),
  cancelFeed: (ctx) => {
    const f = ownedJob(ctx, ctx.state.feeds, ctx.params.feedId, 'Feed');
    return cancelQueuedJob(f, 'Feed', f.feedId);
  },
  getFeedDocument: (ctx) => {
    const d = ctx.state.documents.get(ctx.params.feedDocumentId);
    if (!d || d.sellerId !== requireSeller(ctx) || d.kind === 'report')
      throw notFound(`Feed document ${ctx.params.feedDocumentId} not found.`);
    return ok({
      feedDocumentId: d.documentId,
      url: presignedUrl(ctx.clock, ctx.region, 'GET', d.documentId),
      ...(d.compressed ? { compressionAlgorithm: 'GZIP' } : {}),
    });
  },
};
