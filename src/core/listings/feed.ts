import { z } from 'zod';
import { type TransitionContext, type TransitionError, transition } from './transitions';
import type { Listing, ListingIssue } from './types';
import type { PlannedChange } from './patches';

/**
 * Bulk publishing through JSON_LISTINGS_FEED (sp-api.md §3.4): planned changes become feed documents of at
 * most 25 000 messages and a byte budget, messageIds 1..n unique per document. The processing report is read
 * back per message: accepted messages record the sent values as "last accepted", errors attach issues and
 * move the listing's status (via `transition`).
 */
export const MAX_FEED_MESSAGES = 25_000;
/** Amazon caps feed documents in size; stay well under with a 10 MB budget by default. */
export const DEFAULT_FEED_BYTE_BUDGET = 10 * 1024 * 1024;

export type FeedMessage =
  | {
      messageId: number;
      sku: string;
      operationType: 'UPDATE';
      productType: string;
      requirements: 'LISTING_OFFER_ONLY';
      attributes: Record<string, unknown>;
    }
  | {
      messageId: number;
      sku: string;
      operationType: 'PATCH';
      productType: string;
      patches: Array<{ op: string; path: string; value?: unknown[] }>;
    }
  | { messageId: number; sku: string; operationType: 'DELETE' };

export interface ListingsFeedDocument {
  header: { sellerId: string; version: '2.0'; issueLocale?: string };
  messages: FeedMessage[];
}

export interface BuiltFeed {
  document: ListingsFeedDocument;
  /** messageId → the change it carries, to read the processing report back. */
  changes: Map<number, PlannedChange>;
  bytes: number;
}

const toMessage = (messageId: number, change: PlannedChange): FeedMessage => {
  switch (change.kind) {
    case 'create':
      return {
        messageId,
        sku: change.sku,
        operationType: 'UPDATE',
        productType: change.productType,
        requirements: 'LISTING_OFFER_ONLY',
        attributes: change.attributes ?? {},
      };
    case 'patch':
      return {
        messageId,
        sku: change.sku,
        operationType: 'PATCH',
        productType: change.productType,
        patches: change.patches ?? [],
      };
    case 'delete':
      return { messageId, sku: change.sku, operationType: 'DELETE' };
    default:
      throw new Error(`a ${change.kind} change cannot go into a feed (SKU ${change.sku})`);
  }
};

/**
 * Splits changes into feed documents. A SKU appears at most once per document (Amazon applies messages of a
 * feed in no guaranteed order), so a second change for the same SKU starts the next document.
 */
export const buildListingsFeeds = (
  sellerId: string,
  changes: readonly PlannedChange[],
  options: { maxMessages?: number; maxBytes?: number; issueLocale?: string } = {},
): BuiltFeed[] => {
  const maxMessages = Math.min(options.maxMessages ?? MAX_FEED_MESSAGES, MAX_FEED_MESSAGES);
  const maxBytes = options.maxBytes ?? DEFAULT_FEED_BYTE_BUDGET;
  const header: ListingsFeedDocument['header'] = { sellerId, version: '2.0' };
  if (options.issueLocale) header.issueLocale = options.issueLocale;
  const envelopeBytes = Buffer.byteLength(JSON.stringify({ header, messages: [] }));
  const feeds: BuiltFeed[] = [];
  let current: BuiltFeed | undefined;
  let skus = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'none') continue;
    const probe = toMessage(1, change);
    const size = Buffer.byteLength(JSON.stringify(probe)) + 12; // messageId digits and the separating comma
    if (envelopeBytes + size > maxBytes)
      throw new Error(`the change for SKU ${change.sku} alone exceeds the feed byte budget`);
    if (
      !current ||
      current.document.messages.length >= maxMessages ||
      current.bytes + size > maxBytes ||
      skus.has(change.sku)
    ) {
      current = { document: { header, messages: [] }, changes: new Map(), bytes: envelopeBytes };
      feeds.push(current);
      skus = new Set();
    }
    const messageId = current.document.messages.length + 1;
    current.document.messages.push({ ...probe, messageId });
    current.changes.set(messageId, change);
    current.bytes += size;
    skus.add(change.sku);
  }
  return feeds;
};

const reportSchema = z
  .object({
    header: z.object({ sellerId: z.string(), version: z.literal('2.0'), feedId: z.string() }).loose(),
    issues: z.array(
      z.object({
        messageId: z.number().int().optional(),
        sku: z.string().optional(),
        code: z.string().optional(),
        severity: z.enum(['ERROR', 'WARNING', 'INFO']),
        message: z.string(),
        attributeName: z.string().optional(),
      }),
    ),
    summary: z
      .object({
        errors: z.number().int(),
        warnings: z.number().int(),
        messagesProcessed: z.number().int(),
        messagesAccepted: z.number().int(),
        messagesInvalid: z.number().int(),
      })
      .loose(),
  })
  .loose();
export type ProcessingReport = z.infer<typeof reportSchema>;

export interface MessageOutcome {
  messageId: number;
  sku: string;
  outcome: 'accepted' | 'failed';
  issues: ListingIssue[];
  change: PlannedChange;
}

export interface AppliedReport {
  feedId: string;
  outcomes: MessageOutcome[];
  /** Listings after the report, for those that changed. */
  listings: Listing[];
  /** Events that did not apply (e.g. the listing moved on meanwhile). */
  errors: Array<{ sku: string; error: TransitionError }>;
  /** Issues not tied to a message (feed-level problems). */
  feedIssues: ListingIssue[];
}

/**
 * Reads a processing report for a feed we built. A message is failed when it has an ERROR issue, or when the
 * report has feed-level errors and accepted nothing; otherwise accepted (warnings are kept on the listing).
 */
export const applyProcessingReport = (
  feed: BuiltFeed,
  rawReport: unknown,
  listingsBySku: ReadonlyMap<string, Listing>,
  ctx: TransitionContext,
): AppliedReport => {
  const report = reportSchema.parse(rawReport);
  const toIssue = (i: ProcessingReport['issues'][number]): ListingIssue => ({
    code: i.code ?? 'FEED',
    message: i.message,
    severity: i.severity,
    attributeNames: i.attributeName ? [i.attributeName] : undefined,
  });
  const byMessage = new Map<number, ListingIssue[]>();
  const feedIssues: ListingIssue[] = [];
  for (const issue of report.issues) {
    if (issue.messageId === undefined) feedIssues.push(toIssue(issue));
    else byMessage.set(issue.messageId, [...(byMessage.get(issue.messageId) ?? []), toIssue(issue)]);
  }
  const wholeFeedFailed = report.summary.messagesAccepted === 0 && feedIssues.some((i) => i.severity === 'ERROR');
  const result: AppliedReport = { feedId: report.header.feedId, outcomes: [], listings: [], errors: [], feedIssues };
  for (const [messageId, change] of feed.changes) {
    const issues = byMessage.get(messageId) ?? (wholeFeedFailed ? feedIssues : []);
    const failed = wholeFeedFailed || issues.some((i) => i.severity === 'ERROR');
    result.outcomes.push({ messageId, sku: change.sku, outcome: failed ? 'failed' : 'accepted', issues, change });
    const listing = listingsBySku.get(change.sku);
    if (!listing) continue;
    const next = transition(
      listing,
      failed ? { type: 'submission_failed', issues } : { type: 'submission_accepted', sent: change.sent },
      ctx,
    );
    if (!next.ok) {
      result.errors.push({ sku: change.sku, error: next.error });
      continue;
    }
    result.listings.push(!failed && issues.length ? { ...next.listing, issues } : next.listing);
  }
  return result;
};
