import { createHash } from 'node:crypto';
import { criteria, type Product } from '../../adapters/commerce';
import { buildKey } from '../../adapters/state';
import { PricingRepository } from '../../adapters/state/pricing';
import type { CatalogProduct, Listing } from '../../core/listings';
import { type CatalogSyncResult, syncCatalogListings } from './catalog-sync';
import { iterateWebsiteProducts } from './catalog';
import type { ListingsContext } from './context';
import { toCatalogProduct } from './context';
import { type PublishResult, publishListings } from './publish';

/**
 * The scheduled listings reconciler (every 5 min) catches what Commerce events miss. It no longer re-reads the
 * whole website catalogue each run: an incremental run reads only
 *   - products with updated_at ≥ the last run's high-water mark (minus OVERLAP_MS: same-second writes, clock skew)
 *     — saves and bulk imports that sent no event;
 *   - products whose special price window opened or closed since the last run (special_from_date /
 *     special_to_date in the window; a to-date is inclusive, so it closes a day later) — time passing changes
 *     the price without any write;
 * and publishes those products' listings plus the listings still in flight. A full pass (the old behaviour) runs
 * on the first run, every FULL_PASS_EVERY_MS (MSI reservations change salable quantity without touching the
 * product), and whenever the store's listing settings, listing rules or pricing rules changed since the last run.
 */

export const FULL_PASS_EVERY_MS = 60 * 60_000;
export const OVERLAP_MS = 2 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export interface ReconcilerMark {
  /** Largest product updated_at seen (Commerce's "YYYY-MM-DD HH:mm:ss", UTC). */
  highWaterMark: string | null;
  lastRunAtMs: number;
  lastFullAtMs: number;
  /** Hash of what makes every listing's offer change: listing settings, listing rules, pricing rules. */
  fingerprint: string;
}

export type ReconcilePlan =
  | { mode: 'full'; reason: string }
  | { mode: 'incremental'; updatedSince: string; windowFrom: string; windowTo: string };

/** Commerce's datetime format (UTC), e.g. "2026-11-27 09:05:00". */
export const commerceDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const fromCommerceDate = (text: string): number => Date.parse(`${text.replace(' ', 'T')}Z`);

export const planReconcile = (mark: ReconcilerMark | null, nowMs: number, fingerprint: string): ReconcilePlan => {
  if (!mark?.highWaterMark) return { mode: 'full', reason: 'first run' };
  if (mark.fingerprint !== fingerprint) return { mode: 'full', reason: 'settings or rules changed' };
  if (nowMs - mark.lastFullAtMs >= FULL_PASS_EVERY_MS) return { mode: 'full', reason: 'hourly full pass' };
  return {
    mode: 'incremental',
    updatedSince: commerceDate(fromCommerceDate(mark.highWaterMark) - OVERLAP_MS),
    windowFrom: commerceDate(mark.lastRunAtMs - OVERLAP_MS),
    windowTo: commerceDate(nowMs),
  };
};

/** Listings whose offer moves without their product changing: in flight or waiting to be sent. */
const STEADY = new Set(['active', 'inactive', 'ineligible', 'ended', 'manually_ended', 'new_third_party']);

const markKey = (storeId: string) => buildKey('listings', storeId, 'reconciler');

const loadMark = async (lc: ListingsContext): Promise<ReconcilerMark | null> => {
  const raw = await lc.services.storage.kv.get(markKey(lc.store.id));
  return raw === undefined ? null : (JSON.parse(raw) as ReconcilerMark);
};

const fingerprintOf = async (lc: ListingsContext): Promise<string> => {
  const pricingRules = await new PricingRepository(lc.services.storage.kv).listRules(lc.store.id);
  return createHash('sha256')
    .update(JSON.stringify([lc.settings, lc.rules, pricingRules]))
    .digest('hex')
    .slice(0, 32);
};

type WebsiteProduct = { raw: Product; product: CatalogProduct };

/** The products an incremental run looks at, once each, on the store's website. */
async function* changedProducts(
  lc: ListingsContext,
  plan: Extract<ReconcilePlan, { mode: 'incremental' }>,
): AsyncGenerator<WebsiteProduct> {
  const commerce = lc.services.commerce();
  const website = (await commerce.listWebsites()).find((w) => w.code === lc.store.websiteCode);
  const closedFrom = commerceDate(fromCommerceDate(plan.windowFrom) - DAY_MS);
  const searches = [
    criteria().where('updated_at', 'gteq', plan.updatedSince).sortBy('entity_id'),
    criteria()
      .where('special_from_date', 'gteq', plan.windowFrom)
      .where('special_from_date', 'lteq', plan.windowTo)
      .sortBy('entity_id'),
    criteria()
      .where('special_to_date', 'gteq', closedFrom)
      .where('special_to_date', 'lteq', plan.windowTo)
      .sortBy('entity_id'),
  ];
  const seen = new Set<string>();
  for (const search of searches)
    for await (const raw of commerce.iterateProducts(search, 200)) {
      if (seen.has(raw.sku)) continue;
      seen.add(raw.sku);
      const ids = raw.extension_attributes?.website_ids?.map(Number);
      if (website && ids && !ids.includes(website.id)) continue;
      yield { raw, product: toCatalogProduct(raw) };
    }
}

export interface ReconcileResult {
  plan: ReconcilePlan;
  productsRead: number;
  /** The SKUs an incremental run read (at most 100 shown). */
  changedSkus?: string[];
  catalog: CatalogSyncResult;
  published: PublishResult;
}

/** One reconciler run for one store. */
export const reconcileStore = async (lc: ListingsContext, jobId: string): Promise<ReconcileResult> => {
  const now = lc.services.clock.now();
  const fingerprint = await fingerprintOf(lc);
  const mark = await loadMark(lc);
  const plan = planReconcile(mark, now, fingerprint);
  let highWaterMark = mark?.highWaterMark ?? null;
  const touched = new Set<string>();
  const source = plan.mode === 'full' ? iterateWebsiteProducts(lc) : changedProducts(lc, plan);
  async function* tracked(): AsyncGenerator<WebsiteProduct> {
    for await (const item of source) {
      const updatedAt = item.raw.updated_at;
      if (typeof updatedAt === 'string' && (highWaterMark === null || updatedAt > highWaterMark))
        highWaterMark = updatedAt;
      touched.add(item.product.sku);
      yield item;
    }
  }
  const catalog = await syncCatalogListings(lc, tracked());
  let published: PublishResult;
  if (plan.mode === 'full') published = await publishListings(lc, { reason: 'scheduled sync', jobId });
  else {
    const sellerSkus: string[] = [];
    for await (const listing of lc.repo.scan() as AsyncIterable<Listing>)
      if ((listing.productSku && touched.has(listing.productSku)) || !STEADY.has(listing.status))
        sellerSkus.push(listing.sellerSku);
    published = await publishListings(lc, { reason: 'scheduled sync (changes since last run)', jobId, sellerSkus });
  }
  const next: ReconcilerMark = {
    highWaterMark,
    lastRunAtMs: now,
    lastFullAtMs: plan.mode === 'full' ? now : (mark?.lastFullAtMs ?? now),
    fingerprint,
  };
  await lc.services.storage.kv.put(markKey(lc.store.id), JSON.stringify(next));
  return {
    plan,
    productsRead: touched.size,
    ...(plan.mode === 'incremental' ? { changedSkus: [...touched].slice(0, 100) } : {}),
    catalog,
    published,
  };
};
