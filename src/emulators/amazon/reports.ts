/**
 * Reports 2021-06-30: GET_MERCHANT_LISTINGS_ALL_DATA / GET_MERCHANT_LISTINGS_DATA / GET_FLAT_FILE_OPEN_LISTINGS_DATA
 * as gzip TSV. EU marketplaces are encoded in Cp1252 (charset in the document's content type), others UTF-8.
 * A report with no rows ends CANCELLED, as Amazon does for "no data".
 */
import { gzipSync } from 'node:zlib';
import Big from 'big.js';
import iconv from 'iconv-lite';
import { type ApiHandler, invalidInput, notFound, ok, requireMarketplace, requireSeller } from './api';
import { newDocumentId, presignedUrl } from './documents';
import { conditionType, fulfillment, itemName, listingPrice, listingStatus } from './listing-model';
import { cancelQueuedJob, listRecentJobs, ownedJob } from './processing-jobs';
import type { AmazonState, ReportRecord } from './state';

export const REPORT_START_MS = 15_000;
export const REPORT_DONE_MS = 60_000;
export const SUPPORTED_REPORTS = [
  'GET_MERCHANT_LISTINGS_ALL_DATA',
  'GET_MERCHANT_LISTINGS_DATA',
  'GET_FLAT_FILE_OPEN_LISTINGS_DATA',
];

/** The columns of GET_MERCHANT_LISTINGS_ALL_DATA, in Amazon's order (the L1 benchmark writes the same header). */
export const MERCHANT_LISTINGS_ALL_DATA_COLUMNS = [
  'item-name',
  'item-description',
  'listing-id',
  'seller-sku',
  'price',
  'quantity',
  'open-date',
  'image-url',
  'item-is-marketplace',
  'product-id-type',
  'zshop-shipping-fee',
  'item-note',
  'item-condition',
  'zshop-category1',
  'zshop-browse-path',
  'zshop-storefront-feature',
  'asin1',
  'asin2',
  'asin3',
  'will-ship-internationally',
  'expedited-shipping',
  'zshop-boldface',
  'product-id',
  'bid-for-featured-placement',
  'add-delete',
  'pending-quantity',
  'fulfillment-channel',
  'merchant-shipping-group',
  'status',
];
const OPEN_COLUMNS = ['sku', 'asin', 'price', 'quantity'];
/** Seller Central item-condition codes. */
const CONDITION_CODES: Record<string, string> = {
  used_like_new: '1',
  used_very_good: '2',
  used_good: '3',
  used_acceptable: '4',
  collectible_like_new: '5',
  collectible_very_good: '6',
  collectible_good: '7',
  collectible_acceptable: '8',
  refurbished_refurbished: '10',
  new_new: '11',
  new_open_box: '11',
  new_oem: '11',
};

const clean = (s: string | undefined): string => (s ?? '').replace(/[\t\r\n]/g, ' ');

export function buildListingsTsv(state: AmazonState, r: ReportRecord): string[][] {
  const mp = r.marketplaceIds[0];
  const listings = [...state.listings.values()]
    .filter((l) => l.sellerId === r.sellerId && l.marketplaceId === mp)
    .sort((a, b) => a.sku.localeCompare(b.sku));
  const rows: string[][] = [];
  for (const l of listings) {
    const status = listingStatus(l, state);
    const active = status.includes('BUYABLE');
    if (r.reportType !== 'GET_MERCHANT_LISTINGS_ALL_DATA' && !active) continue;
    const f = fulfillment(l);
    const fba = f.channel.startsWith('AMAZON_');
    const raw = listingPrice(l);
    const decimals = state.marketplace(l.marketplaceId)?.currency === 'JPY' ? 0 : 2;
    const price = raw === undefined ? '' : new Big(raw).toFixed(decimals);
    if (r.reportType === 'GET_FLAT_FILE_OPEN_LISTINGS_DATA') {
      rows.push([l.sku, l.asin ?? '', price, fba ? '' : String(f.quantity)]);
      continue;
    }
    const row: Record<string, string> = {
      'item-name': clean(itemName(l, state)),
      'listing-id': `${l.createdDate.replace(/\D/g, '').slice(2, 8)}${l.sku.replace(/\W/g, '').toUpperCase().slice(0, 5).padEnd(5, 'X')}`,
      'seller-sku': l.sku,
      price,
      quantity: fba ? '' : String(f.quantity),
      'open-date': `${l.createdDate.slice(0, 10)} ${l.createdDate.slice(11, 19)} UTC`,
      'item-is-marketplace': 'y',
      'product-id-type': '1',
      'item-condition': CONDITION_CODES[conditionType(l) ?? 'new_new'] ?? '11',
      asin1: l.asin ?? '',
      'will-ship-internationally': 'N',
      'product-id': l.asin ?? '',
      'add-delete': '',
      'pending-quantity': '0',
      'fulfillment-channel': fba ? f.channel : 'DEFAULT',
      'merchant-shipping-group': fba ? '' : 'Migrated Template',
      status: !l.asin ? 'Incomplete' : active ? 'Active' : 'Inactive',
    };
    rows.push(MERCHANT_LISTINGS_ALL_DATA_COLUMNS.map((c) => row[c] ?? ''));
  }
  return rows;
}

export function processReports(state: AmazonState, now: number): void {
  for (const r of state.reports.values()) {
    if (r.status === 'IN_QUEUE' && now >= r.startAt) {
      r.status = 'IN_PROGRESS';
      r.processingStartTime = r.startAt;
    }
    if (r.status !== 'IN_PROGRESS' || now < r.doneAt) continue;
    r.processingEndTime = r.doneAt;
    const rows = buildListingsTsv(state, r);
    if (!rows.length) {
      r.status = 'CANCELLED';
      continue;
    }
    const header =
      r.reportType === 'GET_FLAT_FILE_OPEN_LISTINGS_DATA' ? OPEN_COLUMNS : MERCHANT_LISTINGS_ALL_DATA_COLUMNS;
    const text = [header, ...rows].map((cols) => cols.join('\t')).join('\n') + '\n';
    const eu = state.marketplace(r.marketplaceIds[0])?.region === 'eu';
    const bytes = eu ? iconv.encode(text, 'cp1252') : Buffer.from(text, 'utf8');
    const documentId = newDocumentId(state, 'report');
    state.documents.set(documentId, {
      documentId,
      kind: 'report',
      contentType: `text/plain;charset=${eu ? 'Cp1252' : 'UTF-8'}`,
      content: gzipSync(bytes).toString('base64'),
      compressed: true,
      createdAt: r.doneAt,
      sellerId: r.sellerId,
      region: r.region,
    });
    r.reportDocumentId = documentId;
    r.status = 'DONE';
  }
}

const iso = (ms?: number) => (ms === undefined ? undefined : new Date(ms).toISOString());
const renderReport = (r: ReportRecord) =>
  Object.fromEntries(
    Object.entries({
      reportId: r.reportId,
      reportType: r.reportType,
      marketplaceIds: r.marketplaceIds,
      createdTime: iso(r.createdTime),
      processingStatus: r.status,
      processingStartTime: iso(r.processingStartTime),
      processingEndTime: iso(r.processingEndTime),
      reportDocumentId: r.reportDocumentId,
      dataStartTime: r.dataStartTime,
      dataEndTime: r.dataEndTime,
    }).filter(([, v]) => v !== undefined),
  );

export const reportHandlers: Record<string, ApiHandler> = {
  createReport: (ctx) => {
    const sellerId = requireSeller(ctx);
    const body = ctx.body as {
      reportType: string;
      marketplaceIds: string[];
      dataStartTime?: string;
      dataEndTime?: string;
    };
    if (!SUPPORTED_REPORTS.includes(body.reportType))
      throw invalidInput(`reportType ${body.reportType} is not supported (emulated: ${SUPPORTED_REPORTS.join(', ')}).`);
    if (body.marketplaceIds.length !== 1) throw invalidInput(`${body.reportType} takes exactly one marketplaceId.`);
    requireMarketplace(ctx, body.marketplaceIds[0]);
    const now = ctx.clock.now();
    const reportId = ctx.state.numericId();
    ctx.state.reports.set(reportId, {
      reportId,
      sellerId,
      region: ctx.region,
      reportType: body.reportType,
      marketplaceIds: body.marketplaceIds,
      createdTime: now,
      startAt: now + REPORT_START_MS,
      doneAt: now + REPORT_DONE_MS,
      status: 'IN_QUEUE',
      dataStartTime: body.dataStartTime,
      dataEndTime: body.dataEndTime,
    });
    return ok({ reportId }, 202);
  },
  getReport: (ctx) => ok(renderReport(ownedJob(ctx, ctx.state.reports, ctx.params.reportId, 'Report'))),
  getReports: (ctx) =>
    ok({
      reports: listRecentJobs(ctx, ctx.state.reports.values(), (r) => r.reportType, 'reportTypes').map(renderReport),
    }),
  cancelReport: (ctx) => {
    const r = ownedJob(ctx, ctx.state.reports, ctx.params.reportId, 'Report');
    return cancelQueuedJob(r, 'Report', r.reportId);
  },
  getReportDocument: (ctx) => {
    const d = ctx.state.documents.get(ctx.params.reportDocumentId);
    if (d?.kind !== 'report' || d.sellerId !== requireSeller(ctx))
      throw notFound(`Report document ${ctx.params.reportDocumentId} not found.`);
    return ok({
      reportDocumentId: d.documentId,
      url: presignedUrl(ctx.clock, ctx.region, 'GET', d.documentId),
      compressionAlgorithm: 'GZIP',
    });
  },
};
