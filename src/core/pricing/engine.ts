import { compileConditionTree, type ProductPredicate } from '../conditions/tree';
import type { AttributeCatalog } from '../conditions/types';
import { formatScaled, parseScaled } from '../money';
import {
  adjustByPercent,
  addVat,
  compileSettings,
  type CompiledSettings,
  OfferFrame,
  PERCENT_SCALE,
  SOURCE_SCALE,
} from './frame';
import {
  type CompiledAction,
  type PriceState,
  type PricingRule,
  pricingRuleSetSchema,
  RULE_DECLARATIONS,
} from './rules';
import {
  type ListingPriceSettings,
  type ListingPriceSettingsInput,
  listingPriceSettingsSchema,
  type PricingOffer,
} from './schemas';
import { inDayWindow } from './time';
import type { PriceTrace, TraceStep } from './trace';

export type UnpriceableReason = 'no_source_price' | 'non_positive_price' | 'invalid_override';

export interface PriceResult {
  sku: string;
  status: 'priced' | 'unpriceable';
  reason?: UnpriceableReason;
  currency: string;
  /** Final price, rounded to the marketplace currency's minor unit; null when unpriceable. */
  price: string | null;
  priceMinor: number | null;
  /** SPEC 3.4: business price (never below one unit of currency) and its quantity tiers. */
  businessPrice: string | null;
  businessTiers: Array<{ minQty: number; price: string }>;
  /** MSRP shown struck through when above the price (SPEC 3.3); null otherwise. */
  listPrice: string | null;
  /** The lowest price any later step (guardrails) may send: max(floor, MAP) in the final basis; 0 = none. */
  hardMinimumMinor: number;
  trace: PriceTrace;
}

export interface PricingRunInput {
  settings: ListingPriceSettingsInput | ListingPriceSettings;
  rules: readonly PricingRule[];
  /** The store's attribute catalogue, for condition lines' attribute types. */
  catalog: AttributeCatalog;
  /** Seller ids of our own stores: never competitors, and holding the Buy Box with them never lowers a price. */
  ourSellerIds: readonly string[];
  /** Today in the store's marketplace time zone (time.ts `localDay`). */
  today: string;
}

interface CompiledRule {
  id: string;
  discard: boolean;
  isStandard: boolean;
  /** Set when the rule cannot apply today (inactive or outside its dates). */
  staticSkip: TraceStep | null;
  matches: ProductPredicate;
  notMatched: TraceStep;
  run: CompiledAction;
  discardedSteps: Map<string, TraceStep>;
}

export interface PricingEngine {
  /** Rule ids in the order they run. */
  readonly ruleOrder: readonly string[];
  readonly settings: ListingPriceSettings;
  priceOffer(offer: PricingOffer): PriceResult;
}

const skipStep = (ruleId: string, reason: 'inactive' | 'outside_dates' | 'conditions_not_met'): TraceStep =>
  Object.freeze({ kind: 'rule', ruleId, outcome: 'skipped', reason }) as TraceStep;

const compileRules = (rules: readonly PricingRule[], catalog: AttributeCatalog, compiled: CompiledSettings) => {
  const ordered = rules
    .map((rule, index) => ({ rule, index }))
    .sort(
      (a, b) =>
        (a.rule.priority ?? Number.POSITIVE_INFINITY) - (b.rule.priority ?? Number.POSITIVE_INFINITY) ||
        a.index - b.index,
    )
    .map(({ rule }) => rule);
  return ordered.map((rule): CompiledRule => {
    const action = rule.action;
    const run =
      action.type === 'standard'
        ? RULE_DECLARATIONS.standard.compile(action, rule.id, compiled)
        : RULE_DECLARATIONS.intelligent.compile(action, rule.id, compiled);
    const staticSkip = !rule.active
      ? skipStep(rule.id, 'inactive')
      : !inDayWindow(compiled.today, rule.fromDate, rule.toDate)
        ? skipStep(rule.id, 'outside_dates')
        : null;
    return {
      id: rule.id,
      discard: rule.discardSubsequent,
      isStandard: action.type === 'standard',
      staticSkip,
      matches: compileConditionTree(rule.conditions, catalog),
      notMatched: skipStep(rule.id, 'conditions_not_met'),
      run,
      discardedSteps: new Map(),
    };
  });
};

/**
 * Compiles settings and rules once (validating them) and returns an engine that prices offers in the order of
 * docs/pricing.md: override → source → conversion → rules → MAP → VAT → business price → MSRP.
 */
export const compilePricing = (input: PricingRunInput): PricingEngine => {
  const settings = listingPriceSettingsSchema.parse(input.settings);
  const rules = pricingRuleSetSchema().parse(input.rules) as PricingRule[];
  const compiled = compileSettings(settings, input.ourSellerIds, input.today);
  const compiledRules = compileRules(rules, input.catalog, compiled);
  const frame = new OfferFrame(compiled);
  const { digits, currency, oneUnit, vatEnabled, vatScaled } = compiled;
  const tiers = settings.business.tieredEnabled
    ? settings.business.tiers.map((t) => ({ minQty: t.minQty, percent: parseScaled(t.percentOff, PERCENT_SCALE) }))
    : [];
  const format = (minor: number) => formatScaled(minor, digits);
  const priceSource = settings.priceSource;
  const mapAttribute = settings.mapAttribute;
  const msrpAttribute = settings.msrpAttribute;
  const rate = settings.currencyRate;
  const vatPercent = vatEnabled ? settings.vatPercent : null;

  const unpriceable = (trace: PriceTrace, offer: PricingOffer, reason: UnpriceableReason): PriceResult => ({
    sku: offer.sku,
    status: 'unpriceable',
    reason,
    currency,
    price: null,
    priceMinor: null,
    businessPrice: null,
    businessTiers: [],
    listPrice: null,
    hardMinimumMinor: 0,
    trace,
  });

  /** Business price, tiers and MSRP, then the result. Shared by the override and the rules path. */
  const finish = (offer: PricingOffer, trace: PriceTrace, state: PriceState, hardMinimum: number): PriceResult => {
    const price = state.price;
    let businessPrice: number | null = null;
    const businessTiers: Array<{ minQty: number; price: string }> = [];
    if (settings.business.enabled) {
      businessPrice = price;
      if (businessPrice < oneUnit) {
        state.bounds.push({ bound: 'business_floor', limit: oneUnit, before: businessPrice, after: oneUnit });
        businessPrice = oneUnit;
      }
      const traceTiers: Array<{ minQty: number; price: number }> = [];
      for (const tier of tiers) {
        let tierPrice = adjustByPercent(businessPrice, tier.percent, false);
        if (tierPrice < oneUnit) {
          state.bounds.push({
            bound: 'business_floor',
            limit: oneUnit,
            before: tierPrice,
            after: oneUnit,
            minQty: tier.minQty,
          });
          tierPrice = oneUnit;
        }
        traceTiers.push({ minQty: tier.minQty, price: tierPrice });
        businessTiers.push({ minQty: tier.minQty, price: format(tierPrice) });
      }
      trace.steps.push({ kind: 'business', price: businessPrice, tiers: traceTiers });
    }
    let listPrice: number | null = null;
    if (msrpAttribute) {
      const msrp = frame.attributeMinor(msrpAttribute);
      if (!Number.isNaN(msrp)) {
        // Amazon shows MSRP next to the VAT-inclusive price, so it gets VAT like any Commerce price.
        const shown = vatEnabled ? addVat(msrp, vatScaled) : msrp;
        trace.steps.push({ kind: 'msrp', listPrice: shown, shown: shown > price });
        if (shown > price) listPrice = shown;
      }
    }
    trace.final = { price, businessPrice, listPrice };
    return {
      sku: offer.sku,
      status: 'priced',
      currency,
      price: format(price),
      priceMinor: price,
      businessPrice: businessPrice === null ? null : format(businessPrice),
      businessTiers,
      listPrice: listPrice === null ? null : format(listPrice),
      hardMinimumMinor: hardMinimum,
      trace,
    };
  };

  const priceOffer = (offer: PricingOffer): PriceResult => {
    frame.reset(offer);
    const steps: TraceStep[] = [];
    const state: PriceState = { price: 0, gross: false, floorNet: -1, floorRuleId: null, bounds: [] };
    const trace: PriceTrace = {
      sku: offer.sku,
      currency,
      digits,
      inputs: {
        priceSource,
        overridePrice: offer.overridePrice ?? null,
        currentPrice: offer.currentPrice ?? null,
        currencyRate: rate,
        vatPercent,
        buyBoxSellerId: offer.buyBox ? offer.buyBox.sellerId : null,
        competitorCount: offer.competitors ? offer.competitors.length : 0,
        today: compiled.today,
      },
      steps,
      bounds: state.bounds,
      final: { price: null, businessPrice: null, listPrice: null },
    };

    // 1. A price override beats every setting and rule (SPEC 3.11, 5.1); it is taken as the shelf price.
    if (offer.overridePrice) {
      const override = parseScaled(offer.overridePrice, digits);
      if (Number.isNaN(override) || override <= 0) return unpriceable(trace, offer, 'invalid_override');
      steps.push({ kind: 'override', price: override });
      state.price = override;
      state.gross = true;
      return finish(offer, trace, state, 0);
    }

    // 2. Price source: website walk, falling back to Price; Price honours a special price in its window.
    let attribute = priceSource;
    let raw = frame.resolveRaw(attribute);
    let scaled = raw === null ? Number.NaN : parseScaled(raw, SOURCE_SCALE);
    let fellBackToPrice = false;
    if (Number.isNaN(scaled) && attribute !== 'price') {
      attribute = 'price';
      fellBackToPrice = true;
      raw = frame.resolveRaw(attribute);
      scaled = raw === null ? Number.NaN : parseScaled(raw, SOURCE_SCALE);
    }
    if (raw === null || Number.isNaN(scaled)) return unpriceable(trace, offer, 'no_source_price');
    let scope = frame.lastScope;
    let specialPrice = false;
    if (attribute === 'price') {
      const attributes = offer.product.attributes;
      const specialRaw = frame.resolveRaw('special_price');
      if (
        specialRaw !== null &&
        inDayWindow(
          compiled.today,
          attributes.special_from_date as string | null | undefined,
          attributes.special_to_date as string | null | undefined,
        )
      ) {
        const special = parseScaled(specialRaw, SOURCE_SCALE);
        if (!Number.isNaN(special) && special < scaled) {
          scaled = special;
          raw = specialRaw;
          scope = frame.lastScope;
          specialPrice = true;
        }
      }
    }
    // 3. Currency conversion from the Commerce default currency (a rate of 1 when disabled), half-up.
    state.price = compiled.convert(scaled);
    steps.push({ kind: 'source', attribute, scope, amount: raw, fellBackToPrice, specialPrice, price: state.price });
    if (rate) steps.push({ kind: 'conversion', rate, price: state.price });

    // 4. Rules by priority; "discard subsequent rules" stops lower ones once a rule applied.
    const product = offer.product;
    let discardedBy: string | null = null;
    for (let i = 0; i < compiledRules.length; i++) {
      const rule = compiledRules[i];
      if (rule.staticSkip !== null) {
        steps.push(rule.staticSkip);
        continue;
      }
      if (discardedBy !== null) {
        let step = rule.discardedSteps.get(discardedBy);
        if (step === undefined) {
          step = Object.freeze({ kind: 'rule', ruleId: rule.id, outcome: 'skipped', reason: 'discarded', discardedBy });
          rule.discardedSteps.set(discardedBy, step);
        }
        steps.push(step);
        continue;
      }
      if (!rule.matches(product)) {
        steps.push(rule.notMatched);
        continue;
      }
      const step = rule.run(state, frame);
      steps.push(step);
      if (step.kind !== 'rule' || step.outcome !== 'applied') continue;
      // An intelligent rule's floor keeps protecting the price from rules stacked after it.
      if (rule.isStandard && state.floorNet >= 0) {
        const floor = vatEnabled && state.gross ? addVat(state.floorNet, vatScaled) : state.floorNet;
        if (state.price < floor) {
          state.bounds.push({
            bound: 'floor',
            ruleId: state.floorRuleId ?? undefined,
            limit: floor,
            before: state.price,
            after: floor,
          });
          state.price = floor;
        }
      }
      if (rule.discard) discardedBy = rule.id;
    }

    // 5. MAP: never publish below the minimum advertised price (compared in the price's own VAT basis).
    let mapNet = -1;
    if (mapAttribute) {
      const map = frame.attributeMinor(mapAttribute);
      if (!Number.isNaN(map)) {
        mapNet = map;
        const limit = vatEnabled && state.gross ? addVat(map, vatScaled) : map;
        if (state.price < limit) {
          state.bounds.push({ bound: 'map', limit, before: state.price, after: limit });
          state.price = limit;
        }
      }
    }

    // 6. VAT on a net price; competitor-based prices and bounds with VAT already added are gross.
    if (vatEnabled && !state.gross) {
      const before = state.price;
      state.price = addVat(before, vatScaled);
      state.gross = true;
      steps.push({ kind: 'vat', percent: settings.vatPercent, before, after: state.price });
    }
    if (state.price <= 0) return unpriceable(trace, offer, 'non_positive_price');

    const toFinal = (net: number) => (net < 0 ? 0 : vatEnabled ? addVat(net, vatScaled) : net);
    const hardMinimum = Math.max(toFinal(state.floorNet), toFinal(mapNet));
    return finish(offer, trace, state, hardMinimum);
  };

  return { ruleOrder: compiledRules.map((r) => r.id), settings, priceOffer };
};

/** Prices a whole catalogue with one compiled engine. */
export const priceOffers = (input: PricingRunInput, offers: readonly PricingOffer[]): PriceResult[] => {
  const engine = compilePricing(input);
  return offers.map((offer) => engine.priceOffer(offer));
};
