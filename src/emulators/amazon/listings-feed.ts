/**
 * JSON_LISTINGS_FEED processing: each message is checked against the official message schema and then
 * applied like the Listings Items API would (UPDATE / PARTIAL_UPDATE / PATCH / DELETE). The processing
 * report follows listings-feed-processing-report-schema-v2.json.
 */
import { validateJsonSchema } from '../shared/schema-validator';
import { applyPatches, submissionIssues } from './listing-model';
import { renderItem } from './listings';
import { loadJsonSchema } from './models';
import type { AmazonState } from './state';

interface FeedMessage {
  messageId: number;
  sku: string;
  operationType: 'UPDATE' | 'PARTIAL_UPDATE' | 'PATCH' | 'DELETE';
  productType?: string;
  attributes?: Record<string, unknown[]>;
  patches?: Array<{ op: string; path: string; value?: unknown[] }>;
}

export interface ReportIssue {
  messageId?: number;
  sku?: string;
  code: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  message: string;
  attributeName?: string;
}

export function processListingsFeed(
  state: AmazonState,
  opts: { sellerId: string; feedId: string; marketplaceId: string; now: string; content: string },
  offerChanged: (asin: string, marketplaceId: string) => void,
): { report: Record<string, unknown>; fatal: boolean } {
  const issues: ReportIssue[] = [];
  const header = { sellerId: opts.sellerId, version: '2.0', feedId: opts.feedId };
  let doc: {
    header?: { sellerId?: string; report?: { includedData?: string[]; apiVersion?: string } };
    messages?: unknown[];
  };
  try {
    doc = JSON.parse(opts.content);
  } catch (e) {
    issues.push({ code: '4000001', severity: 'ERROR', message: `The feed is not valid JSON: ${(e as Error).message}` });
    return { fatal: true, report: { header, issues, summary: summary(issues, 0, 0, 0) } };
  }
  const envelope = validateJsonSchema(loadJsonSchema('feeds/listings-feed-schema-v2.json'), {
    header: doc.header,
    messages: Array.isArray(doc.messages) ? doc.messages.map(() => ({})) : doc.messages,
  });
  const headerIssue = envelope.issues.find((i) => !/^value\.messages\.\d+/.test(i.field));
  if (headerIssue || doc.header?.sellerId !== opts.sellerId) {
    issues.push({
      code: '4000001',
      severity: 'ERROR',
      message: headerIssue
        ? `Feed rejected: ${headerIssue.message}`
        : 'Feed rejected: header.sellerId does not match the seller.',
    });
    return { fatal: true, report: { header, issues, summary: summary(issues, 0, 0, 0) } };
  }
  const messageSchema = loadJsonSchema('feeds/listings-feed-message-schema-v2.json');
  let accepted = 0;
  let invalid = 0;
  const touched: string[] = [];
  const seen = new Set<number>();
  for (const raw of doc.messages ?? []) {
    const m = raw as FeedMessage;
    const check = validateJsonSchema(messageSchema, raw, 'message');
    const own: ReportIssue[] = check.issues.map((i) => ({
      messageId: Number.isInteger(m?.messageId) && m.messageId > 0 ? m.messageId : undefined,
      sku: typeof m?.sku === 'string' && m.sku ? m.sku : undefined,
      code: '4000001',
      severity: 'ERROR',
      message: i.message,
    }));
    if (check.ok && seen.has(m.messageId))
      own.push({
        messageId: m.messageId,
        sku: m.sku,
        code: '4000001',
        severity: 'ERROR',
        message: `Duplicate messageId ${m.messageId}.`,
      });
    if (check.ok) seen.add(m.messageId);
    const key = state.listingKey(opts.sellerId, opts.marketplaceId, m?.sku ?? '');
    const existing = state.listings.get(key);
    let attributes: Record<string, unknown[]> | undefined;
    if (!own.length) {
      if (m.operationType === 'DELETE') attributes = undefined;
      else if (m.operationType === 'UPDATE') attributes = structuredClone(m.attributes ?? {});
      else if (!existing) {
        own.push({
          messageId: m.messageId,
          sku: m.sku,
          code: '4000004',
          severity: 'ERROR',
          message: `SKU '${m.sku}' does not exist; use UPDATE to create it.`,
        });
      } else if (m.operationType === 'PARTIAL_UPDATE')
        attributes = { ...structuredClone(existing.attributes), ...m.attributes };
      else {
        attributes = structuredClone(existing.attributes);
        for (const i of applyPatches(attributes, m.patches ?? []))
          own.push({ messageId: m.messageId, sku: m.sku, code: i.code, severity: i.severity, message: i.message });
      }
      if (attributes)
        for (const i of submissionIssues(attributes))
          own.push({
            messageId: m.messageId,
            sku: m.sku,
            code: i.code,
            severity: i.severity,
            message: i.message,
            attributeName: i.attributeNames[0],
          });
    }
    if (own.some((i) => i.severity === 'ERROR')) {
      invalid++;
      issues.push(
        ...own.map(
          (i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as unknown as ReportIssue,
        ),
      );
      continue;
    }
    accepted++;
    if (m.operationType === 'DELETE') {
      if (existing) {
        state.listings.delete(key);
        if (existing.asin) offerChanged(existing.asin, opts.marketplaceId);
      }
      continue;
    }
    const suggested = (attributes?.merchant_suggested_asin?.[0] as { value?: string } | undefined)?.value;
    const asin = suggested ?? existing?.asin;
    state.listings.set(key, {
      sellerId: opts.sellerId,
      marketplaceId: opts.marketplaceId,
      sku: m.sku,
      productType: m.productType ?? existing?.productType ?? 'PRODUCT',
      asin,
      attributes: attributes ?? {},
      createdDate: existing?.createdDate ?? opts.now,
      lastUpdatedDate: opts.now,
    });
    touched.push(key);
    if (asin) offerChanged(asin, opts.marketplaceId);
  }
  const report: Record<string, unknown> = {
    header: doc.header?.report ? { ...header, report: doc.header.report } : header,
    issues,
    summary: summary(issues, accepted + invalid, accepted, invalid),
  };
  const included = doc.header?.report?.includedData;
  if (included?.length) {
    report.items = touched
      .map((k) => state.listings.get(k))
      .filter((l) => l !== undefined)
      .map((l) => renderItem(state, l, included));
  }
  return { fatal: false, report };
}

function summary(issues: ReportIssue[], processed: number, accepted: number, invalid: number): Record<string, number> {
  return {
    errors: issues.filter((i) => i.severity === 'ERROR').length,
    warnings: issues.filter((i) => i.severity === 'WARNING').length,
    messagesProcessed: processed,
    messagesAccepted: accepted,
    messagesInvalid: invalid,
  };
}
