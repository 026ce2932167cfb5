import { CommerceApiError } from '../../adapters/commerce';
import { loadAttributeMappings } from '../../adapters/state/attributes/repository';
import {
  loadReimportJob,
  MAX_RECORDED_ERRORS,
  type ReimportJob,
  saveReimportJob,
} from '../../adapters/state/attributes/reimport-job';
import { type AttributeValueRow, attributeValuesCollection } from '../../adapters/state/attributes/values';
import { isApplicable } from '../../core/listings/attributes';
import type { Listing } from '../../core/listings';
import { type CommerceAttributeShape, planProductValues } from './attribute-values';
import type { ListingsContext } from './context';

/**
 * Re-import Product Attribute Values (SPEC 3.12) as a background job: the web action records a queued job and
 * invokes asc-jobs/attributes-reimport through the OpenWhisk API; each invocation handles one page of listings
 * (≤ REIMPORT_PAGE, each a getListingsItem + a product read + maybe a write), saves its progress and value rows,
 * then invokes the next page, so no call runs long whatever the store size. The UI polls the job record.
 */

export const REIMPORT_PAGE = 500;
export const REIMPORT_JOB_ACTION = 'asc-jobs/attributes-reimport';
/** A running job whose record has not moved for this long is taken as dead, so a new run may start. */
export const REIMPORT_STALE_MS = 15 * 60_000;

/** Invokes a non-web action without waiting (OpenWhisk non-blocking invoke). */
export type InvokeJob = (name: string, params: Record<string, unknown>) => Promise<void>;

type OpenWhiskClient = {
  actions: { invoke(options: Record<string, unknown>): Promise<unknown> };
};

/** The real `openwhisk` client with no arguments: __OW_API_HOST/__OW_API_KEY come from the runtime. */
export const openWhiskInvoker: InvokeJob = async (name, params) => {
  // The openwhisk package ships no ES module or types.
  const openwhisk = require('openwhisk') as () => OpenWhiskClient;
  await openwhisk().actions.invoke({ name, blocking: false, params });
};

type ItemAttributes = { attributes?: Record<string, unknown> };

const readAmazonAttributes = async (lc: ListingsContext, sellerSku: string): Promise<Record<string, unknown>> => {
  const amazon = await lc.services.amazonFor(lc.store);
  const item = await amazon.call<ItemAttributes>('getListingsItem', {
    path: { sellerId: lc.store.sellerId, sku: sellerSku },
    query: { marketplaceIds: [lc.store.marketplaceId], includedData: ['attributes'] },
  });
  return item.attributes ?? {};
};

const isRunning = (job: ReimportJob | null, now: number): job is ReimportJob =>
  job !== null &&
  (job.status === 'queued' || job.status === 'running') &&
  now - Date.parse(job.updatedAt) < REIMPORT_STALE_MS;

/** Starts a run unless one is in progress (then that one is returned). The previous value rows are cleared. */
export const startReimport = async (
  lc: ListingsContext,
  invoke: InvokeJob,
): Promise<{ job: ReimportJob; started: boolean }> => {
  const storage = lc.services.storage;
  const current = await loadReimportJob(storage, lc.store.id);
  if (isRunning(current, lc.services.clock.now())) return { job: current, started: false };
  const at = lc.at();
  const job: ReimportJob = {
    jobId: `reimport-${lc.services.clock.now()}`,
    status: 'queued',
    startedAt: at,
    updatedAt: at,
    pages: 0,
    listingsSeen: 0,
    productsChecked: 0,
    productsUpdated: 0,
    valuesWritten: 0,
    errors: [],
    failed: 0,
  };
  await attributeValuesCollection(storage, lc.store.id).clear();
  await saveReimportJob(storage, lc.store.id, job);
  try {
    await invoke(REIMPORT_JOB_ACTION, { storeId: lc.store.id, jobId: job.jobId });
  } catch (error) {
    const failed: ReimportJob = { ...job, status: 'failed', finishedAt: at, message: `could not start: ${error}` };
    await saveReimportJob(storage, lc.store.id, failed);
    return { job: failed, started: false };
  }
  return { job, started: true };
};

/** The next page of listings tied to a product and known to Amazon, after `cursor` in Seller SKU order. */
const nextPage = async (
  lc: ListingsContext,
  cursor: string | undefined,
): Promise<{ page: Listing[]; more: boolean }> => {
  const page: Listing[] = [];
  for await (const listing of lc.repo.scan()) {
    if (cursor !== undefined && listing.sellerSku <= cursor) continue;
    if (!listing.productSku || !listing.asin) continue;
    if (listing.lastAccepted === undefined && listing.origin !== 'third_party') continue;
    if (page.length === REIMPORT_PAGE) return { page, more: true };
    page.push(listing);
  }
  return { page, more: false };
};

const attributeShapes = async (lc: ListingsContext, codes: string[]): Promise<Map<string, CommerceAttributeShape>> => {
  const commerce = lc.services.commerce();
  const shapes = new Map<string, CommerceAttributeShape>();
  for (const code of codes) {
    try {
      const attribute = await commerce.getProductAttribute(code);
      shapes.set(code, {
        frontendInput: attribute.frontend_input ?? 'text',
        options: (attribute.options ?? [])
          .map((o) => ({ value: String(o.value ?? ''), label: String(o.label ?? '') }))
          .filter((o) => o.value !== ''),
      });
    } catch (error) {
      // A code Commerce does not know is written as text; Commerce itself then decides.
      if (!(error instanceof CommerceApiError && error.status === 404)) throw error;
    }
  }
  return shapes;
};

/**
 * One job invocation: one page of listings. Returns whether another page was invoked. A job record that is not
 * this job's (a newer run started) or already finished makes the invocation a no-op.
 */
export const runReimportPage = async (
  lc: ListingsContext,
  jobId: string,
  invoke: InvokeJob,
): Promise<ReimportJob | null> => {
  const storage = lc.services.storage;
  const job = await loadReimportJob(storage, lc.store.id);
  if (!job || job.jobId !== jobId || job.status === 'done' || job.status === 'failed') return job;
  const save = async (next: ReimportJob) => {
    await saveReimportJob(storage, lc.store.id, { ...next, updatedAt: lc.at() });
    return next;
  };
  try {
    const mappings = ((await loadAttributeMappings(storage, lc.store.id)) ?? []).filter(
      (m) => m.marketplaceCountry === lc.store.country && isApplicable(m),
    );
    if (mappings.length === 0)
      return save({ ...job, status: 'done', finishedAt: lc.at(), message: 'no active, mapped attribute' });
    await save({ ...job, status: 'running' });
    const shapes = await attributeShapes(lc, [...new Set(mappings.map((m) => m.commerceAttribute as string))]);
    const commerce = lc.services.commerce();
    const { page, more } = await nextPage(lc, job.cursor);
    const rows: AttributeValueRow[] = [];
    const next: ReimportJob = { ...job, status: 'running', pages: job.pages + 1, errors: [...job.errors] };
    for (const listing of page) {
      const productSku = listing.productSku as string;
      next.listingsSeen += 1;
      try {
        const amazonAttributes = await readAmazonAttributes(lc, listing.sellerSku);
        const product = await commerce.getProduct(productSku);
        const current: Record<string, unknown> = {};
        for (const a of product.custom_attributes ?? []) current[a.attribute_code] = a.value;
        const { writes, outcomes } = planProductValues(mappings, lc.store.country, amazonAttributes, current, shapes);
        next.productsChecked += 1;
        if (Object.keys(writes).length > 0) {
          await commerce.updateProductCustomAttributes(productSku, writes);
          next.productsUpdated += 1;
          next.valuesWritten += Object.keys(writes).length;
        }
        for (const outcome of outcomes)
          rows.push({
            ...outcome,
            marketplaceCountry: lc.store.country,
            sellerSku: listing.sellerSku,
            productSku,
            asin: listing.asin ?? null,
          });
      } catch (error) {
        next.failed += 1;
        if (next.errors.length < MAX_RECORDED_ERRORS)
          next.errors.push({
            sellerSku: listing.sellerSku,
            message: error instanceof Error ? error.message : String(error),
          });
      }
    }
    if (rows.length > 0) await attributeValuesCollection(storage, lc.store.id).upsert(rows);
    next.cursor = page.at(-1)?.sellerSku ?? job.cursor;
    if (!more) return save({ ...next, status: 'done', finishedAt: lc.at() });
    await save(next);
    await invoke(REIMPORT_JOB_ACTION, { storeId: lc.store.id, jobId });
    return next;
  } catch (error) {
    return save({
      ...job,
      status: 'failed',
      finishedAt: lc.at(),
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
