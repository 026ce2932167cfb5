import { randomUUID } from 'node:crypto';
import { competitorFreshness } from '../../core/pricing/price-history';
import { PricingRepository } from '../../adapters/state/pricing';
import { describeConditionTypes } from '../../core/conditions';
import {
  describeRuleForms,
  describeTrace,
  dryRunPricing,
  type DryRunReport,
  type GuardrailSettings,
  guardrailSettingsSchema,
  type PricingOffer,
  type PricingRule,
  pricingRuleSchema,
  pricingRuleSetSchema,
} from '../../core/pricing';
import type { StoreRecord } from '../../core/store';
import { NotFoundError } from '../../platform/errors';
import { parseInput } from '../../platform/web-action';
import type { Services } from '../services';
import { loadAttributeCatalog, websiteScope } from './commerce-facts';
import { buildPricingOffer, loadStorePricingContext, priceWithContext } from './price-for-listing';
import { syncPricedListings } from './repricer';

/** What the pricing actions do, behind thin web actions (actions/asc/pricing-*). */

export const requireStore = async (services: Services, storeId: string): Promise<StoreRecord> => {
  const store = await services.storage.stores.get(storeId);
  if (!store) throw new NotFoundError(`Store ${storeId} does not exist`);
  return store;
};

/** Rules in the order they run: priority 1 first, rules without a priority after, in list order. */
export const sortRules = (rules: readonly PricingRule[]): PricingRule[] =>
  rules
    .map((rule, index) => ({ rule, index }))
    .sort(
      (a, b) =>
        (a.rule.priority ?? Number.POSITIVE_INFINITY) - (b.rule.priority ?? Number.POSITIVE_INFINITY) ||
        a.index - b.index,
    )
    .map(({ rule }) => rule);

export const listRules = async (services: Services, storeId: string) => {
  await requireStore(services, storeId);
  return sortRules(await new PricingRepository(services.storage.kv).listRules(storeId));
};

/** Editor metadata: condition types from the store's Commerce attributes, and both rule types' action forms. */
export const ruleEditorMeta = async (services: Services, storeId: string) => {
  const store = await requireStore(services, storeId);
  const scope = await websiteScope(services, store);
  const catalog = await loadAttributeCatalog(scope.commerce);
  return {
    conditionTypes: describeConditionTypes(catalog),
    ruleForms: describeRuleForms(),
    priceAttributes: Object.values(catalog)
      .filter((a) => a.frontendInput === 'price')
      .map((a) => ({ value: a.code, label: a.label })),
  };
};

/** Validates one rule against the store's attribute catalogue (400 naming fields) and creates or replaces it. */
export const saveRule = async (services: Services, storeId: string, draft: unknown): Promise<PricingRule> => {
  const store = await requireStore(services, storeId);
  const catalog = await loadAttributeCatalog((await websiteScope(services, store)).commerce);
  const withId =
    draft && typeof draft === 'object' && !('id' in draft && (draft as { id?: unknown }).id)
      ? { ...draft, id: randomUUID() }
      : draft;
  const rule = parseInput(pricingRuleSchema(catalog), withId) as PricingRule;
  const repository = new PricingRepository(services.storage.kv);
  return services.storage.locks.withLock(`pricing-rules-${storeId}`, async () => {
    const rules = await repository.listRules(storeId);
    const index = rules.findIndex((r) => r.id === rule.id);
    const next = index >= 0 ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule];
    pricingRuleSetSchema().parse(next);
    await repository.saveRules(storeId, next);
    return rule;
  });
};

export const deleteRule = async (services: Services, storeId: string, ruleId: string): Promise<boolean> => {
  await requireStore(services, storeId);
  const repository = new PricingRepository(services.storage.kv);
  return services.storage.locks.withLock(`pricing-rules-${storeId}`, async () => {
    const rules = await repository.listRules(storeId);
    const next = rules.filter((r) => r.id !== ruleId);
    if (next.length === rules.length) throw new NotFoundError(`Pricing rule ${ruleId} does not exist`);
    await repository.saveRules(storeId, next);
    return true;
  });
};

export const loadGuardrails = async (services: Services, storeId: string): Promise<GuardrailSettings> => {
  await requireStore(services, storeId);
  return new PricingRepository(services.storage.kv).guardrails(storeId);
};

export const saveGuardrails = async (
  services: Services,
  storeId: string,
  input: unknown,
): Promise<GuardrailSettings> => {
  await requireStore(services, storeId);
  const settings = parseInput(guardrailSettingsSchema, input);
  await new PricingRepository(services.storage.kv).saveGuardrails(storeId, settings);
  return settings;
};

/** Makes sure the store's listings are known (read from Amazon on first use). */
const ensureListings = async (services: Services, store: StoreRecord) => {
  const repository = new PricingRepository(services.storage.kv);
  let listings = await repository.listListingStates(store.id);
  if (listings.length === 0) {
    const context = await loadStorePricingContext(services, store);
    await syncPricedListings(services, context, await services.amazonFor(store));
    listings = await repository.listListingStates(store.id);
  }
  return listings;
};

/** Prices the store's listings with a draft rule set (nothing is saved or sent) against their live prices. */
export const dryRun = async (services: Services, storeId: string, draftRules: unknown): Promise<DryRunReport> => {
  const store = await requireStore(services, storeId);
  const base = await loadStorePricingContext(services, store, { rules: [] });
  const rules = parseInput(pricingRuleSetSchema(base.catalog), draftRules) as PricingRule[];
  const context = { ...base, input: { ...base.input, rules } };
  const listings = await ensureListings(services, store);
  const offers: PricingOffer[] = [];
  for (const listing of listings) {
    const product = await context.scope.commerce.findProduct(listing.sku);
    if (!product) continue;
    const snapshot = listing.asin ? await context.repository.snapshot(store.id, listing.asin) : undefined;
    offers.push(
      buildPricingOffer(
        context,
        { sku: listing.sku, asin: listing.asin, condition: listing.condition, currentPrice: listing.lastSent },
        product,
        snapshot,
      ),
    );
  }
  return dryRunPricing(context.input, offers);
};

/** The price of one listing with its trace, as the repricer would compute it now. */
export const priceTrace = async (services: Services, storeId: string, sku: string) => {
  const store = await requireStore(services, storeId);
  const context = await loadStorePricingContext(services, store);
  const state = (await ensureListings(services, store)).find((l) => l.sku === sku);
  const { result, snapshot } = await priceWithContext(context, {
    sku,
    asin: state?.asin ?? null,
    condition: state?.condition,
    currentPrice: state?.lastSent ?? null,
  });
  return {
    sku,
    asin: state?.asin ?? null,
    livePrice: state?.lastSent ?? null,
    lastOutcome: state?.lastOutcome ?? null,
    competitorsUpdatedAt: snapshot ? new Date(snapshot.receivedAtMs).toISOString() : null,
    competitorFreshness: competitorFreshness(snapshot?.receivedAtMs, services.clock.now()),
    /** Prices Amazon accepted for this listing, oldest first. */
    history: state?.history ?? [],
    result,
    // Rule ids are opaque to the merchant: show each rule's name where the trace names a rule.
    lines: describeTrace(result.trace).map((line) =>
      context.input.rules.reduce((text, rule) => text.replaceAll(`rule ${rule.id}`, `rule "${rule.name}"`), line),
    ),
  };
};
