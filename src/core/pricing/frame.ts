import { currencyDigits, mulDivHalfUp, POW10, parseDecimal, parseScaled } from '../money';
import { CONDITION_INDEX } from './item-condition';
import type { ListingPriceSettings, PricingOffer, PriceValue } from './schemas';

/** Commerce prices are decimal(20,6): they are read at scale 6 before conversion and rounding. */
export const SOURCE_SCALE = 6;
/** Percentages are read at scale 4 (12.3456 %); 100 % = 1_000_000. */
export const PERCENT_SCALE = 4;
export const HUNDRED_PERCENT = 100 * 10 ** PERCENT_SCALE;

/** Store-level settings turned into numbers once per run. */
export interface CompiledSettings {
  settings: ListingPriceSettings;
  currency: string;
  digits: number;
  /** One unit of the marketplace currency in minor units ($1 → 100, ¥1 → 1). */
  oneUnit: number;
  /** Website codes in lookup order: the store's website, then the others by sort order (decision #16). */
  walk: readonly string[];
  /** Commerce-currency value at SOURCE_SCALE → marketplace minor units, half-up. */
  convert: (scaled: number) => number;
  vatEnabled: boolean;
  /** VAT percent at PERCENT_SCALE. */
  vatScaled: number;
  ourSellerIds: ReadonlySet<string>;
  today: string;
}

export const compileSettings = (
  settings: ListingPriceSettings,
  ourSellerIds: readonly string[],
  today: string,
): CompiledSettings => {
  const digits = currencyDigits(settings.marketplaceCurrency);
  currencyDigits(settings.sourceCurrency);
  const rate = settings.currencyRate ? parseDecimal(settings.currencyRate) : { value: 1, scale: 0 };
  const exponent = SOURCE_SCALE + rate.scale - digits;
  const convert =
    exponent >= 0
      ? (scaled: number) => mulDivHalfUp(scaled, rate.value, POW10[exponent])
      : (scaled: number) => mulDivHalfUp(scaled, rate.value * POW10[-exponent], 1);
  const others = [...settings.websites]
    .filter((w) => w.code !== settings.websiteCode)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((w) => w.code);
  return {
    settings,
    currency: settings.marketplaceCurrency,
    digits,
    oneUnit: POW10[digits],
    walk: [settings.websiteCode, ...others],
    convert,
    vatEnabled: settings.vatEnabled,
    vatScaled: settings.vatEnabled ? parseScaled(settings.vatPercent, PERCENT_SCALE) : 0,
    ourSellerIds: new Set(ourSellerIds),
    today,
  };
};

export const addVat = (minor: number, vatScaled: number): number =>
  mulDivHalfUp(minor, HUNDRED_PERCENT + vatScaled, HUNDRED_PERCENT);

/** price × (100 % ± percent), half-up. */
export const adjustByPercent = (minor: number, percentScaled: number, increase: boolean): number =>
  mulDivHalfUp(minor, increase ? HUNDRED_PERCENT + percentScaled : HUNDRED_PERCENT - percentScaled, HUNDRED_PERCENT);

/**
 * Per-offer working data, reused across offers so the hot path allocates nothing for competitors:
 * their landed prices, conditions and feedback are parsed once into typed arrays on first use.
 */
export class OfferFrame {
  offer!: PricingOffer;
  /** Scope of the last resolved attribute value: a website code or 'default'. */
  lastScope = 'default';
  count = 0;
  landed = new Float64Array(32);
  condition = new Int8Array(32);
  feedbackPercent = new Float64Array(32);
  feedbackCount = new Float64Array(32);
  own = new Uint8Array(32);
  private competitorsReady = false;
  /** Buy Box: landed price (NaN when none), condition index, and whether the holder is us. */
  buyBoxLanded = Number.NaN;
  buyBoxCondition = 0;
  buyBoxOwn = false;
  private buyBoxReady = false;
  private currentPriceValue = Number.NaN;
  private currentPriceReady = false;

  constructor(readonly compiled: CompiledSettings) {}

  reset(offer: PricingOffer): void {
    this.offer = offer;
    this.competitorsReady = false;
    this.buyBoxReady = false;
    this.currentPriceReady = false;
  }

  /** Raw text of a price attribute, walking websites then default (SPEC 3.3, decision #16); null when none. */
  resolveRaw(code: string): string | null {
    const value: PriceValue | undefined = this.offer.prices[code];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') {
      this.lastScope = 'default';
      return value === '' ? null : value;
    }
    const websites = value.websites;
    if (websites) {
      const walk = this.compiled.walk;
      for (let i = 0; i < walk.length; i++) {
        const v = websites[walk[i]];
        if (v !== undefined && v !== null && v !== '') {
          this.lastScope = walk[i];
          return v;
        }
      }
    }
    this.lastScope = 'default';
    return value.default === undefined || value.default === null || value.default === '' ? null : value.default;
  }

  /** A Commerce price attribute in marketplace minor units (converted, half-up); NaN when missing or malformed. */
  attributeMinor(code: string): number {
    const raw = this.resolveRaw(code);
    if (raw === null) return Number.NaN;
    const scaled = parseScaled(raw, SOURCE_SCALE);
    return Number.isNaN(scaled) ? Number.NaN : this.compiled.convert(scaled);
  }

  /** Our live Amazon price in minor units, NaN when unknown. */
  currentPrice(): number {
    if (!this.currentPriceReady) {
      const raw = this.offer.currentPrice;
      this.currentPriceValue = raw ? parseScaled(raw, this.compiled.digits) : Number.NaN;
      this.currentPriceReady = true;
    }
    return this.currentPriceValue;
  }

  ensureBuyBox(): void {
    if (this.buyBoxReady) return;
    this.buyBoxReady = true;
    const box = this.offer.buyBox;
    this.buyBoxLanded = Number.NaN;
    if (!box) return;
    const digits = this.compiled.digits;
    const price = parseScaled(box.price, digits);
    const shipping = box.shipping ? parseScaled(box.shipping, digits) : 0;
    const condition = CONDITION_INDEX[box.condition];
    if (Number.isNaN(price) || Number.isNaN(shipping) || condition === undefined) return;
    this.buyBoxLanded = price + shipping;
    this.buyBoxCondition = condition;
    this.buyBoxOwn = this.compiled.ourSellerIds.has(box.sellerId);
  }

  ensureCompetitors(): void {
    if (this.competitorsReady) return;
    this.competitorsReady = true;
    const offers = this.offer.competitors;
    const n = offers ? offers.length : 0;
    if (n > this.landed.length) this.grow(n);
    const digits = this.compiled.digits;
    const ours = this.compiled.ourSellerIds;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const offer = offers![i];
      const price = parseScaled(offer.price, digits);
      const shipping = offer.shipping ? parseScaled(offer.shipping, digits) : 0;
      const condition = CONDITION_INDEX[offer.condition];
      if (Number.isNaN(price) || Number.isNaN(shipping) || condition === undefined) continue;
      this.landed[kept] = price + shipping;
      this.condition[kept] = condition;
      this.feedbackPercent[kept] = offer.feedbackPercent ?? 0;
      this.feedbackCount[kept] = offer.feedbackCount ?? 0;
      this.own[kept] = ours.has(offer.sellerId) ? 1 : 0;
      kept++;
    }
    this.count = kept;
  }

  private grow(n: number): void {
    const size = Math.max(n, this.landed.length * 2);
    this.landed = new Float64Array(size);
    this.condition = new Int8Array(size);
    this.feedbackPercent = new Float64Array(size);
    this.feedbackCount = new Float64Array(size);
    this.own = new Uint8Array(size);
  }
}
