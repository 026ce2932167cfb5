import { parse } from 'csv-parse';
import { buildKey } from '../../adapters/state';
import {
  buildProductIndex,
  type CatalogProduct,
  evaluateEligibility,
  type Listing,
  mapReportHeader,
  matchThirdPartyListing,
  newThirdPartyListing,
  type ProductIndex,
  parseMerchantListingRow,
  type ReportColumnMap,
} from '../../core/listings';
import type { Params } from '../../platform/web-action';
import { iterateWebsiteProducts } from './catalog';
import type { ListingsContext } from './context';
import { downloadDocumentText } from './documents';
import { compileListingRules, loadAttributeCatalog, toProductFacts } from './rules';

/**
 * Third-party listings import (SPEC 3.2): GET_MERCHANT_LISTINGS_ALL_DATA → stream-parsed rows → matched to
 * Commerce products → saved as listings. Only SKUs we do not hold yet are added (later runs pick up listings
 * created in Seller Central, never ours again). A report takes minutes on Amazon, so the run is resumable:
 * the pending report id is kept and the next run (job or action) continues polling it.
 */
export type ImportOutcome =
  | { status: 'pending'; reportId: string; processingStatus: string }
  | {
      status: 'done';
      reportId: string;
      rows: number;
      added: number;
      matched: number;
      unmatched: number;
      errors: number;
    }
  | { status: 'empty'; reportId: string }
  | { status: 'failed'; reportId: string; message: string }
  | { status: 'disabled' };

const pendingKey = (storeId: string) => buildKey('listings', storeId, 'import');
const SAVE_BATCH = 2000;

interface Pending {
  reportId: string;
  requestedAt: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ImportOptions {
  /** How long this run may wait for Amazon to finish the report (ms). Default 20 s. */
  waitMs?: number;
  pollEveryMs?: number;
  /** Products to match against instead of reading the website's catalogue (tests, benches). */
  products?: Iterable<CatalogProduct>;
}

export const importThirdPartyListings = async (
  lc: ListingsContext,
  options: ImportOptions = {},
): Promise<ImportOutcome> => {
  if (lc.settings.thirdPartyListings.importListings !== 'import') return { status: 'disabled' };
  const { storage } = lc.services;
  const amazon = await lc.services.amazonFor(lc.store);
  const raw = await storage.kv.get(pendingKey(lc.store.id));
  let pending: Pending | undefined = raw ? (JSON.parse(raw) as Pending) : undefined;
  if (!pending) {
    const created = await amazon.call<{ reportId: string }>('createReport', {
      body: { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [lc.store.marketplaceId] },
    });
    pending = { reportId: created.reportId, requestedAt: lc.at() };
    await storage.kv.put(pendingKey(lc.store.id), JSON.stringify(pending));
  }
  const deadline = Date.now() + (options.waitMs ?? 20_000);
  let report: { processingStatus: string; reportDocumentId?: string };
  for (;;) {
    report = await amazon.call('getReport', { path: { reportId: pending.reportId } });
    if (['DONE', 'CANCELLED', 'FATAL'].includes(report.processingStatus)) break;
    if (Date.now() >= deadline)
      return { status: 'pending', reportId: pending.reportId, processingStatus: report.processingStatus };
    await sleep(options.pollEveryMs ?? 1000);
  }
  await storage.kv.delete(pendingKey(lc.store.id));
  if (report.processingStatus === 'CANCELLED') return { status: 'empty', reportId: pending.reportId };
  if (report.processingStatus === 'FATAL' || !report.reportDocumentId)
    return { status: 'failed', reportId: pending.reportId, message: 'Amazon could not produce the listings report' };
  const document = await amazon.call<{ url: string; compressionAlgorithm?: string }>('getReportDocument', {
    path: { reportDocumentId: report.reportDocumentId },
  });
  const counts = await applyReport(lc, await downloadDocumentText(lc.services.inputs, document), options);
  return { status: 'done', reportId: pending.reportId, ...counts };
};

/** Reads a decoded report stream row by row and stores the new listings in batches. */
export const applyReport = async (
  lc: ListingsContext,
  text: NodeJS.ReadableStream,
  options: Pick<ImportOptions, 'products'> & { inputs?: Params } = {},
) => {
  const index = await productIndexFor(lc, options.products);
  const known = new Set<string>();
  for await (const listing of lc.repo.scan()) known.add(listing.sellerSku);
  const parser = text.pipe(
    parse({ delimiter: '\t', quote: false, relax_column_count: true, skip_empty_lines: true, bom: true }),
  );
  let columns: ReportColumnMap | undefined;
  let rows = 0;
  let errors = 0;
  let matched = 0;
  let unmatched = 0;
  let added = 0;
  let batch: Listing[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await lc.repo.save(batch, { fresh: true });
    added += batch.length;
    batch = [];
  };
  for await (const cells of parser as AsyncIterable<string[]>) {
    if (!columns) {
      const header = mapReportHeader(cells);
      if (!header.ok) throw new Error(`the listings report cannot be read: ${header.error.message}`);
      columns = header.columns;
      continue;
    }
    rows++;
    const parsed = parseMerchantListingRow(cells, columns, rows);
    if (!parsed.ok) {
      errors++;
      continue;
    }
    const row = parsed.listing;
    if (known.has(row.sellerSku)) continue;
    known.add(row.sellerSku);
    const match = matchThirdPartyListing(row, index.index);
    const product = match.kind === 'matched' ? index.products.get(match.productSku) : undefined;
    if (match.kind === 'matched') matched++;
    else unmatched++;
    const eligibility = product ? index.eligibility(product) : undefined;
    batch.push(newThirdPartyListing({ row, store: lc.ctx, match, eligibility, at: lc.at() }));
    if (batch.length >= SAVE_BATCH) await flush();
  }
  await flush();
  return { rows, added, matched, unmatched, errors };
};

interface IndexedCatalog {
  index: ProductIndex;
  products: Map<string, CatalogProduct>;
  eligibility: (product: CatalogProduct) => ReturnType<typeof evaluateEligibility>;
}

const productIndexFor = async (lc: ListingsContext, given?: Iterable<CatalogProduct>): Promise<IndexedCatalog> => {
  const products = new Map<string, CatalogProduct>();
  const facts = new Map<string, ReturnType<typeof toProductFacts>>();
  if (given) for (const p of given) products.set(p.sku, p);
  else
    for await (const { raw, product } of iterateWebsiteProducts(lc)) {
      products.set(product.sku, product);
      facts.set(product.sku, toProductFacts(raw));
    }
  const predicate =
    lc.rules.conditions.length > 0
      ? compileListingRules(lc.rules, await loadAttributeCatalog(lc.services.commerce()))
      : undefined;
  return {
    index: buildProductIndex(products.values(), lc.settings),
    products,
    eligibility: (product) => evaluateEligibility(product, lc.settings, predicate, facts.get(product.sku)),
  };
};
