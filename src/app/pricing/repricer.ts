import type { AmazonGateway } from '../../adapters/amazon/sp-api-gateway';
import type { ListingPricingState } from '../../adapters/state/pricing';
import { purchasableOfferValue } from '../../core/listings/patches';
import type { DesiredOffer } from '../../core/listings/offer';
import { formatScaled } from '../../core/money';
import {
  applyGuardrails,
  describeTrace,
  type GuardrailDecision,
  itemConditionFromAmazon,
  localDay,
  marketplaceTimeZone,
  type PriceResult,
} from '../../core/pricing';
import { appendPriceHistory } from '../../core/pricing/price-history';
import type { Services } from '../services';
import { priceWithContext, ProductNotFoundError, type StorePricingContext } from './price-for-listing';

export interface RepriceOutcome {
  sku: string;
  decision: 'send' | 'hold' | 'unchanged' | 'unpriceable' | 'failed';
  price: string | null;
  reason?: string;
  result?: PriceResult;
  guardrail?: GuardrailDecision;
}

interface ListingsSearchPage {
  items?: Array<{
    sku: string;
    summaries?: Array<{ asin?: string; productType?: string; conditionType?: string }>;
    offers?: Array<{ offerType?: string; price?: { amount?: number | string } }>;
  }>;
  pagination?: { nextToken?: string };
}

/**
 * Learns the store's Amazon listings (SKU, ASIN, condition, live price) from searchListingsItems so repricing
 * knows which SKUs an ASIN's notification concerns. Keeps each listing's guardrail history.
 */
export const syncPricedListings = async (
  services: Services,
  context: StorePricingContext,
  gateway: AmazonGateway,
): Promise<number> => {
  const { store, repository } = context;
  let pageToken: string | undefined;
  let count = 0;
  do {
    const page = await gateway.call<ListingsSearchPage>('searchListingsItems', {
      path: { sellerId: store.sellerId },
      query: {
        marketplaceIds: [store.marketplaceId],
        includedData: ['summaries', 'offers'],
        pageSize: 20,
        ...(pageToken ? { pageToken } : {}),
      },
    });
    for (const item of page.items ?? []) {
      const summary = item.summaries?.[0];
      const offer = item.offers?.find((o) => o.offerType !== 'B2B');
      const live = offer?.price?.amount !== undefined ? String(offer.price.amount) : null;
      const existing = await repository.listingState(store.id, item.sku);
      await repository.saveListingState(store.id, {
        sku: item.sku,
        asin: summary?.asin ?? existing?.asin ?? null,
        productType: summary?.productType ?? existing?.productType ?? 'PRODUCT',
        condition: itemConditionFromAmazon(summary?.conditionType ?? 'new_new') ?? 'new',
        lastSent: live ?? existing?.lastSent ?? null,
        lastSentAtMs: existing?.lastSentAtMs ?? null,
        day: existing?.day ?? '',
        changes: existing?.changes ?? [],
        lastOutcome: existing?.lastOutcome ?? null,
        history: existing?.history,
      });
      count++;
    }
    pageToken = page.pagination?.nextToken;
  } while (pageToken);
  await repository.setFlag(store.id, 'listingsSyncedAt', String(services.clock.now()));
  return count;
};

const logActivity = (
  services: Services,
  storeId: string,
  state: ListingPricingState,
  action: string,
  comments: string,
) =>
  services.storage.logs.activity.append({
    storeId,
    sellerSku: state.sku,
    asin: state.asin ?? undefined,
    action,
    comments,
  });

/**
 * Recomputes one listing's price, passes it through the store's guardrails, and sends it with
 * patchListingsItem (purchasable_offer) when allowed. Held changes are logged with their reason.
 */
export const repriceListing = async (
  services: Services,
  context: StorePricingContext,
  gateway: AmazonGateway,
  listing: ListingPricingState,
): Promise<RepriceOutcome> => {
  const { store, repository } = context;
  const now = services.clock.now();
  const today = localDay(now, marketplaceTimeZone(store.marketplaceId));
  const state: ListingPricingState = listing.day === today ? { ...listing } : { ...listing, day: today, changes: [] };
  const save = async (outcome: RepriceOutcome): Promise<RepriceOutcome> => {
    state.lastOutcome = { at: now, decision: outcome.decision, price: outcome.price, reason: outcome.reason };
    await repository.saveListingState(store.id, state);
    return outcome;
  };

  let priced: PriceResult;
  try {
    priced = (
      await priceWithContext(context, {
        sku: state.sku,
        asin: state.asin,
        condition: state.condition,
        currentPrice: state.lastSent,
      })
    ).result;
  } catch (error) {
    if (!(error instanceof ProductNotFoundError)) throw error;
    return save({ sku: state.sku, decision: 'unpriceable', price: null, reason: error.message });
  }
  if (priced.status !== 'priced' || priced.price === null) {
    await logActivity(services, store.id, state, 'price_unpriceable', `no price: ${priced.reason}`);
    return save({ sku: state.sku, decision: 'unpriceable', price: null, reason: priced.reason, result: priced });
  }

  // Repricing moves only prices that competitor data decides; the rest is Listings' regular publishing.
  const competitive = priced.trace.steps.some(
    (step) => step.kind === 'rule' && step.outcome === 'applied' && step.ruleType === 'intelligent',
  );
  if (!competitive)
    return save({
      sku: state.sku,
      decision: 'unchanged',
      price: state.lastSent,
      reason: 'no_intelligent_rule_applied',
      result: priced,
    });

  const guardrailSettings = await repository.guardrails(store.id);
  const decision = applyGuardrails({
    currency: priced.currency,
    proposed: priced.price,
    hardMinimum: priced.hardMinimumMinor > 0 ? formatScaled(priced.hardMinimumMinor, priced.trace.digits) : null,
    lastSent: state.lastSent,
    todaysChanges: state.changes,
    now,
    settings: guardrailSettings,
  });
  if (decision.decision === 'unchanged')
    return save({ sku: state.sku, decision: 'unchanged', price: decision.price, result: priced, guardrail: decision });
  if (decision.decision === 'hold') {
    await logActivity(
      services,
      store.id,
      state,
      'price_held',
      `${decision.reason}: ${decision.message} (proposed ${priced.price} ${priced.currency}, live ${state.lastSent ?? 'none'})`,
    );
    return save({
      sku: state.sku,
      decision: 'hold',
      price: decision.price,
      reason: decision.reason,
      result: priced,
      guardrail: decision,
    });
  }

  const offer = {
    sku: state.sku,
    marketplaceId: store.marketplaceId,
    currency: priced.currency,
    price: decision.price,
    businessPrice: priced.businessPrice ?? undefined,
  } as DesiredOffer;
  const answer = await gateway.call<{ status?: string; issues?: Array<{ message?: string }> }>('patchListingsItem', {
    path: { sellerId: store.sellerId, sku: state.sku },
    query: { marketplaceIds: [store.marketplaceId] },
    body: {
      productType: state.productType,
      patches: [{ op: 'replace', path: '/attributes/purchasable_offer', value: purchasableOfferValue(offer) }],
    },
  });
  if (answer.status && answer.status !== 'ACCEPTED') {
    const message = (answer.issues ?? []).map((i) => i.message).join('; ') || answer.status;
    await logActivity(services, store.id, state, 'price_rejected', `Amazon rejected ${decision.price}: ${message}`);
    return save({ sku: state.sku, decision: 'failed', price: decision.price, reason: message, result: priced });
  }
  const from = state.lastSent;
  if (from !== null) state.changes = [...state.changes, { at: now, from, to: decision.price }];
  state.lastSent = decision.price;
  state.lastSentAtMs = now;
  state.history = appendPriceHistory(state.history ?? [], { at: now, price: decision.price, source: 'repricer' });
  const limited = decision.limitedBy.length > 0 ? ` (limited by ${decision.limitedBy.join(', ')})` : '';
  await logActivity(
    services,
    store.id,
    state,
    'price_sent',
    `${from ?? 'none'} → ${decision.price} ${priced.currency}${limited}; ${describeTrace(priced.trace).join(' | ')}`,
  );
  return save({
    sku: state.sku,
    decision: 'send',
    price: decision.price,
    reason: decision.limitedBy.join(',') || undefined,
    result: priced,
    guardrail: decision,
  });
};
