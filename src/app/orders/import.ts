/**
 * Order import for one store: reads Amazon orders over overlapping lastUpdatedAfter windows (resumable
 * checkpoint), records each in the ledger, decides creation (SPEC 6.2) and runs the exactly-once protocol
 * (claim → lookup → create → record) against Commerce, then checks the totals. Amazon-side cancellations cancel
 * the Commerce order. See docs/orders.md "In the app".
 *
 *   const summary = await importStoreOrders(services, store);
 */
import { randomUUID } from 'node:crypto';
import {
  type OrderEntry,
  type OrdersRepository,
  ordersRepository,
} from '../../adapters/state/orders/ledger-repository';
import {
  type AmazonOrder,
  AMAZON_MIN_LAG_MS,
  afterPage,
  buildCreationPlan,
  type CommerceCapabilities,
  commerceCancelAction,
  type CreationDecision,
  decideCreation,
  dedupeOrders,
  IMPORT_INCLUDED_DATA,
  LEDGER_LIMITS,
  type LedgerEvent,
  LedgerTransitionError,
  needsProcessing,
  next,
  nextImportStep,
  type ProductMatches,
  parseGetOrderResponse,
  parseSearchOrdersResponse,
  planImportWindow,
  toCommerceAddress,
  totalsCheck,
} from '../../core/orders';
import type { OrderSettings } from '../../core/settings/order-settings';
import { UpstreamError } from '../../platform/errors';
import { isSyncEnabled, type StoreRecord } from '../../core/store';
import type { Services } from '../services';
import { loadStoreSettings } from '../store-settings';
import {
  type CommerceScope,
  directoryRegions,
  executePlan,
  findExistingOrder,
  matchProducts,
  resolveScope,
  runFollowUps,
} from './commerce-orders';

export interface ImportOptions {
  /** Claim length; must exceed the longest create (all cart requests). Default 5 minutes. */
  claimTtlMs?: number;
  /** Upper bound of one create; a create starts only if it can end before the claim deadline. Default 2 minutes. */
  maxCreateMs?: number;
  /** Grace after an uncertain create or an expired claim. Default LEDGER_LIMITS.settleMs (input ASC_ORDER_SETTLE_MS). */
  settleMs?: number;
  /** Stop reading new pages after this many (one alarm run stays short; the checkpoint resumes). */
  maxPages?: number;
  /** Orders processed concurrently within a page. Default 4. */
  concurrency?: number;
  /**
   * Test hook called at every protocol step boundary (`claim`, `lookup`, `create`, `created`, …). Throwing from it
   * aborts the run right there, which is how the chaos test simulates a crash.
   */
  onStep?: (step: string, amazonOrderId: string) => void;
}

export interface ImportSummary {
  storeId: string;
  pages: number;
  seen: number;
  created: number;
  blocked: number;
  canceledInCommerce: number;
  errors: string[];
  /**
   * Set when the run stopped reading because searchOrders' usage plan had no token left (more backlog to read):
   * the limiter's message. The next alarm run carries on from the checkpoint.
   */
  throttled?: string;
}

/** Our limiter refusing to wait that long, or Amazon's own 429: either way, read the next page on a later run. */
const isThrottled = (error: unknown): error is Error => error instanceof UpstreamError && error.httpStatus === 429;

export interface StoreImportContext {
  services: Services;
  store: StoreRecord;
  settings: OrderSettings;
  repo: OrdersRepository;
  options: ImportOptions;
  capabilities: CommerceCapabilities;
  scope: () => Promise<CommerceScope>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export const storeConnectedAt = (store: StoreRecord): string => store.authorizedAt ?? store.createdAt;

export const createImportContext = async (
  services: Services,
  store: StoreRecord,
  options: ImportOptions = {},
): Promise<StoreImportContext> => {
  const settings = (await loadStoreSettings(services.storage, store.id)).order;
  let scopeOnce: Promise<CommerceScope> | undefined;
  const settleInput = Number(services.inputs.ASC_ORDER_SETTLE_MS);
  return {
    services,
    store,
    settings,
    repo: ordersRepository(services.storage, store.id),
    options: {
      ...options,
      settleMs: options.settleMs ?? (Number.isFinite(settleInput) && settleInput >= 0 ? settleInput : undefined),
    },
    // SaaS and the emulator honour cart custom_price; stock PaaS sets ASC_CART_CUSTOM_PRICE=false (docs/orders.md).
    capabilities: { cartCustomPrice: String(services.inputs.ASC_CART_CUSTOM_PRICE ?? 'true') !== 'false' },
    scope: () => {
      scopeOnce ??= resolveScope(services.commerce(), store.websiteCode, settings.importIntoStoreView);
      return scopeOnce;
    },
  };
};

/** The stored copy with the merchant's address corrections applied (SPEC 6.5 "Save Order"). */
const withOverrides = (order: AmazonOrder, entry: OrderEntry | undefined): AmazonOrder => {
  const o = entry?.addressOverride;
  if (!o) return order;
  const a = order.deliveryAddress ?? { lines: [] };
  return {
    ...order,
    deliveryAddress: {
      ...a,
      ...(o.lines ? { lines: o.lines } : {}),
      ...(o.city !== undefined ? { city: o.city } : {}),
      ...(o.stateOrRegion !== undefined ? { stateOrRegion: o.stateOrRegion } : {}),
      ...(o.postalCode !== undefined ? { postalCode: o.postalCode } : {}),
      ...(o.countryCode !== undefined ? { countryCode: o.countryCode } : {}),
    },
  };
};

/** Applies one ledger event under the order's lock; a refusal (another run won) leaves the stored entry. */
const apply = async (ctx: StoreImportContext, orderId: string, event: LedgerEvent, extra: Partial<OrderEntry> = {}) => {
  try {
    return await ctx.repo.update(orderId, (e) => ({ ...e, ...extra, record: next(e.record, event) }), event.at);
  } catch (error) {
    if (error instanceof LedgerTransitionError) return (await ctx.repo.get(orderId)) as OrderEntry;
    throw error;
  }
};

const decide = async (
  ctx: StoreImportContext,
  order: AmazonOrder,
): Promise<{ decision: CreationDecision; matches: ProductMatches }> => {
  const base = { settings: ctx.settings, storeConnectedAt: storeConnectedAt(ctx.store) };
  // Without products nothing can be created; only look them up when the order could become a Commerce order.
  const first = decideCreation(order, { ...base, matches: {} });
  if (first.kind !== 'blocked') return { decision: first, matches: {} };
  const matches = await matchProducts(
    ctx.services.storage,
    ctx.store.id,
    ctx.services.commerce(),
    await ctx.scope(),
    order,
  );
  return { decision: decideCreation(order, { ...base, matches }), matches };
};

/**
 * Processes one Amazon order: ledger `observed`, Commerce cancel when Amazon canceled, then the exactly-once
 * protocol until it says there is nothing more to do now. Returns the stored entry.
 */
export const processOrder = async (
  ctx: StoreImportContext,
  amazon: AmazonOrder,
  force = false,
): Promise<OrderEntry | undefined> => {
  const before = await ctx.repo.get(amazon.orderId);
  if (!force && !needsProcessing(amazon, before?.record)) return undefined;
  const order = withOverrides(amazon, before);
  const settled = before?.record.status === 'created' || before?.record.status === 'canceled';
  const { decision, matches } = settled
    ? { decision: { kind: 'view_only', reason: '' } as CreationDecision, matches: {} as ProductMatches }
    : await decide(ctx, order);
  const now = () => iso(ctx.services.clock.now());
  let entry = await apply(
    ctx,
    amazon.orderId,
    {
      type: 'observed',
      at: now(),
      ...(amazon.status ? { amazonStatus: amazon.status } : {}),
      amazonUpdatedAt: amazon.lastUpdatedTime,
      decision,
    },
    { order: amazon },
  );
  if (entry.record.commerceCancel === 'pending') entry = await cancelInCommerce(ctx, entry, amazon);
  if (decision.kind !== 'create') return entry;
  return runProtocol(ctx, order, decision, matches, entry);
};

const runProtocol = async (
  ctx: StoreImportContext,
  order: AmazonOrder,
  decision: Extract<CreationDecision, { kind: 'create' }>,
  matches: ProductMatches,
  start: OrderEntry,
): Promise<OrderEntry> => {
  const { clock } = ctx.services;
  const commerce = ctx.services.commerce();
  const token = randomUUID();
  const id = order.orderId;
  const hook = (step: string) => ctx.options.onStep?.(step, id);
  let entry = start;
  for (let guard = 0; guard < 12; guard++) {
    const step = nextImportStep(entry.record, {
      nowMs: clock.now(),
      token,
      claimTtlMs: ctx.options.claimTtlMs ?? 5 * 60_000,
      maxCreateMs: ctx.options.maxCreateMs ?? 2 * 60_000,
      settleMs: ctx.options.settleMs ?? LEDGER_LIMITS.settleMs,
    });
    hook(step.kind);
    const at = iso(clock.now());
    switch (step.kind) {
      case 'none':
      case 'busy':
      case 'wait':
        return entry;
      case 'claim':
        entry = await apply(ctx, id, {
          type: 'claimed',
          at,
          token,
          deadline: step.deadline,
          takeoverAfter: step.takeoverAfter,
        });
        break;
      case 'release':
        entry = await apply(ctx, id, { type: 'released', at, token });
        return entry;
      case 'lookup': {
        const found = await findExistingOrder(commerce, step.keys);
        hook(found ? 'found' : 'not_found');
        entry = await apply(ctx, id, { type: 'looked_up', at, token, ...(found ? { found } : {}) });
        break;
      }
      case 'create': {
        const scope = await ctx.scope();
        const regions = await directoryRegions(commerce, scope, toCommerceAddress(order).country_id);
        const plan = buildCreationPlan({
          order,
          settings: ctx.settings,
          matches,
          decision,
          capabilities: ctx.capabilities,
          directoryRegions: regions,
          ...(scope.websiteId !== undefined ? { websiteId: scope.websiteId } : {}),
          ...(scope.storeViewId !== undefined ? { storeViewId: scope.storeViewId } : {}),
        });
        const outcome = await executePlan(commerce, plan, async (cartId) => {
          entry = await ctx.repo.update(
            id,
            (e) => ({ ...e, record: next(e.record, { type: 'cart_created', at: iso(clock.now()), token, cartId }) }),
            at,
          );
          hook('cart_recorded');
        });
        hook(outcome.kind === 'created' ? 'created' : 'create_failed');
        const skuMap = Object.fromEntries(
          Object.entries(matches).flatMap(([amazonSku, m]) => (m ? [[amazonSku, m.sku]] : [])),
        );
        if (outcome.kind === 'created') {
          entry = await apply(
            ctx,
            id,
            {
              type: 'created',
              at: iso(clock.now()),
              token,
              commerceOrderId: outcome.commerceOrderId,
              ...(outcome.incrementId ? { incrementId: outcome.incrementId } : {}),
              path: plan.path,
              reserved: plan.reserved,
            },
            { expected: plan.expected, skuMap },
          );
          await afterCreate(ctx, order, plan, matches, entry).catch(() => undefined);
          return (await ctx.repo.get(id)) ?? entry;
        }
        entry = await apply(ctx, id, {
          type: 'create_failed',
          at: iso(clock.now()),
          token,
          error: outcome.error,
          outcome: outcome.outcome,
        });
        break;
      }
    }
  }
  return entry;
};

/** Follow-ups, the increment id and the totals check, stored in the ledger (Order Notes when they differ). */
const afterCreate = async (
  ctx: StoreImportContext,
  order: AmazonOrder,
  plan: ReturnType<typeof buildCreationPlan>,
  matches: ProductMatches,
  entry: OrderEntry,
): Promise<void> => {
  const commerce = ctx.services.commerce();
  const commerceOrderId = entry.record.commerceOrderId;
  if (commerceOrderId === undefined) return;
  if (plan.path === 'cart') await runFollowUps(commerce, commerceOrderId, plan);
  const created = await commerce.getOrder(commerceOrderId);
  const result = totalsCheck(
    order,
    {
      order_currency_code: created.order_currency_code ?? null,
      grand_total: created.grand_total,
      subtotal: created.subtotal,
      shipping_amount: created.shipping_amount,
      tax_amount: created.tax_amount,
      discount_amount: created.discount_amount,
      items: created.items.map((i) => ({ sku: i.sku, qty_ordered: i.qty_ordered, parent_item_id: i.parent_item_id })),
    },
    { matches, expected: plan.expected },
  );
  const at = iso(ctx.services.clock.now());
  await ctx.repo.update(
    order.orderId,
    (e) => {
      const checked = next(e.record, { type: 'totals_checked', at, result });
      return {
        ...e,
        record: {
          ...checked,
          ...(created.increment_id && !checked.commerceIncrementId
            ? { commerceIncrementId: created.increment_id }
            : {}),
          ...(result.ok && plan.notes.length ? { note: `${checked.note ?? ''} ${plan.notes.join(' ')}`.trim() } : {}),
        },
      };
    },
    at,
  );
};

/** Amazon canceled an order that exists in Commerce: cancel it there (Commerce releases the reservation). */
export const cancelInCommerce = async (
  ctx: StoreImportContext,
  entry: OrderEntry,
  amazon: AmazonOrder,
): Promise<OrderEntry> => {
  const action = commerceCancelAction(amazon, entry.record);
  if (action.kind === 'none') return entry;
  if (action.kind === 'manual')
    return ctx.repo.update(
      amazon.orderId,
      (e) => ({ ...e, record: { ...e.record, note: action.reason } }),
      iso(ctx.services.clock.now()),
    );
  const commerce = ctx.services.commerce();
  await commerce.cancelOrder(action.commerceOrderId);
  await commerce
    .addOrderComment(action.commerceOrderId, { comment: action.comment })
    .catch(() => undefined /* the cancel itself is what matters */);
  return apply(ctx, amazon.orderId, { type: 'commerce_canceled', at: iso(ctx.services.clock.now()) });
};

/** Reads the store's windows page by page and processes every order; resumes from the checkpoint after a crash. */
export const importStoreOrders = async (
  services: Services,
  store: StoreRecord,
  options: ImportOptions = {},
): Promise<ImportSummary> => {
  const ctx = await createImportContext(services, store, options);
  const amazon = await services.amazonFor(store);
  const summary: ImportSummary = {
    storeId: store.id,
    pages: 0,
    seen: 0,
    created: 0,
    blocked: 0,
    canceledInCommerce: 0,
    errors: [],
  };
  const maxPages = options.maxPages ?? 50;
  while (summary.pages < maxPages) {
    const checkpoint = await ctx.repo.checkpoint();
    const window = planImportWindow(checkpoint, {
      nowMs: services.clock.now(),
      storeConnectedAt: storeConnectedAt(store),
    });
    if (!window) break;
    let response: unknown;
    try {
      response = await amazon.call('searchOrders', {
        query: {
          marketplaceIds: [store.marketplaceId],
          includedData: [...IMPORT_INCLUDED_DATA],
          maxResultsPerPage: 100,
          ...(window.paginationToken
            ? { paginationToken: window.paginationToken }
            : { lastUpdatedAfter: window.lastUpdatedAfter, lastUpdatedBefore: window.lastUpdatedBefore }),
        },
      });
    } catch (error) {
      if (!isThrottled(error)) throw error;
      summary.throttled = error.message;
      break;
    }
    const page = parseSearchOrdersResponse(response);
    summary.pages++;
    const orders = dedupeOrders(page.orders);
    summary.seen += orders.length;
    const entries = await processAll(ctx, orders, options.concurrency ?? 4, summary);
    await ctx.repo.refreshGrid(entries);
    await ctx.repo.saveCheckpoint(afterPage(checkpoint, window, page, services.clock.now()));
    options.onStep?.('page_done', '');
    // A finished window close to "now" means we are caught up; only a backlog (24 h windows) reads on at once.
    const caughtUp = Date.parse(window.lastUpdatedBefore) >= services.clock.now() - AMAZON_MIN_LAG_MS - 60_000;
    if (!page.nextToken && caughtUp) break;
  }
  return summary;
};

const processAll = async (
  ctx: StoreImportContext,
  orders: AmazonOrder[],
  concurrency: number,
  summary: ImportSummary,
): Promise<OrderEntry[]> => {
  const out: OrderEntry[] = [];
  let index = 0;
  const worker = async () => {
    while (index < orders.length) {
      const order = orders[index++];
      const before = (await ctx.repo.get(order.orderId))?.record;
      const entry = await processOrder(ctx, order);
      if (!entry) continue;
      out.push(entry);
      if (entry.record.status === 'created' && before?.status !== 'created') summary.created++;
      if (entry.record.status === 'blocked') summary.blocked++;
      if (entry.record.status === 'canceled' && before?.status !== 'canceled') summary.canceledInCommerce++;
    }
  };
  // Every worker stops before the run ends, even when one fails: a worker still placing an order after its run has
  // ended (a frozen activation resumed later, or a killed run) could create it after another run looked it up.
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, concurrency) }, worker));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  return out;
};

/** Re-reads one order from Amazon and processes it again (notifications, Retry, replay, after address edits). */
export const refreshOrder = async (
  services: Services,
  store: StoreRecord,
  amazonOrderId: string,
  options: ImportOptions & { retry?: boolean } = {},
): Promise<OrderEntry | undefined> => {
  const ctx = await createImportContext(services, store, options);
  const amazon = await services.amazonFor(store);
  const order = parseGetOrderResponse(
    await amazon.call('getOrder', {
      path: { orderId: amazonOrderId },
      query: { includedData: [...IMPORT_INCLUDED_DATA] },
    }),
  );
  if (options.retry) {
    const stored = await ctx.repo.get(amazonOrderId);
    if (stored && (stored.record.status === 'failed' || stored.record.status === 'blocked'))
      await apply(ctx, amazonOrderId, { type: 'retry_requested', at: iso(services.clock.now()) });
  }
  const entry = (await processOrder(ctx, order, true)) ?? (await ctx.repo.get(amazonOrderId));
  if (entry) await ctx.repo.refreshGrid([entry]);
  return entry;
};

/**
 * Blocked and failed orders are retried every run from the stored Amazon copy (SPEC 6.4 "retried on the next sync
 * once the cause is fixed"); an interrupted creation (claim left behind by a crash) is resumed the same way.
 */
export const retryStoredOrders = async (
  services: Services,
  store: StoreRecord,
  options: ImportOptions = {},
  limit = 200,
): Promise<number> => {
  const ctx = await createImportContext(services, store, options);
  const retry = new Set(['blocked', 'failed', 'creating', 'ready']);
  const touched: OrderEntry[] = [];
  for await (const row of ctx.repo.grid.scan()) {
    if (touched.length >= limit) break;
    if (!retry.has(row.ledgerStatus)) continue;
    const stored = await ctx.repo.get(row.orderId);
    if (!stored?.order) continue;
    const entry = await processOrder(ctx, stored.order, true);
    if (entry) touched.push(entry);
  }
  await ctx.repo.refreshGrid(touched);
  return touched.length;
};

/** One alarm run: every store whose sync is on (SPEC 2.6), new windows first, then the retries. */
export const runOrderImport = async (
  services: Services,
  options: ImportOptions = {},
): Promise<Array<ImportSummary & { retried: number }>> => {
  const out: Array<ImportSummary & { retried: number }> = [];
  for (const store of await services.storage.stores.list()) {
    if (!isSyncEnabled(store)) continue;
    try {
      const summary = await importStoreOrders(services, store, options);
      const retried = await retryStoredOrders(services, store, options);
      out.push({ ...summary, retried });
    } catch (error) {
      out.push({
        storeId: store.id,
        pages: 0,
        seen: 0,
        created: 0,
        blocked: 0,
        canceledInCommerce: 0,
        errors: [error instanceof Error ? error.message : String(error)],
        retried: 0,
      });
    }
  }
  return out;
};
