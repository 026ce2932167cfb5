import { stringify } from 'csv-stringify/sync';
import { Big, formatScaled, parseScaled, percentChange } from '../money';
import { compilePricing, type PriceResult, type PricingRunInput } from './engine';
import type { PricingOffer } from './schemas';
import type { BoundKind } from './trace';

/**
 * Dry run (peers reference A6 #3): price a whole catalogue with a draft rule set and show what would change
 * before the rules go live. The offers' `currentPrice` is the price compared against.
 */
export interface DryRunRow {
  sku: string;
  status: PriceResult['status'];
  reason: string | null;
  currentPrice: string | null;
  newPrice: string | null;
  /** newPrice − currentPrice; null when either is missing. */
  change: string | null;
  changePercent: string | null;
  rulesApplied: string[];
  bounds: BoundKind[];
}

export interface DryRunReport {
  currency: string;
  total: number;
  priced: number;
  unpriceable: number;
  changed: number;
  unchanged: number;
  /** Statistics over rows with both prices, as decimal strings of the currency (mean half-up to the minor unit). */
  minChange: string | null;
  maxChange: string | null;
  meanChange: string | null;
  hitFloor: string[];
  hitCeiling: string[];
  hitMap: string[];
  rows: DryRunRow[];
}

export const dryRunPricing = (input: PricingRunInput, offers: readonly PricingOffer[]): DryRunReport => {
  const engine = compilePricing(input);
  const currency = engine.settings.marketplaceCurrency;
  let digits = 2;
  const rows: DryRunRow[] = [];
  const hitFloor: string[] = [];
  const hitCeiling: string[] = [];
  const hitMap: string[] = [];
  let priced = 0;
  let changed = 0;
  let compared = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = new Big(0);
  for (const offer of offers) {
    const result = engine.priceOffer(offer);
    digits = result.trace.digits;
    const current = offer.currentPrice ? parseScaled(offer.currentPrice, digits) : Number.NaN;
    const bounds = [...new Set(result.trace.bounds.map((b) => b.bound))];
    if (bounds.includes('floor')) hitFloor.push(offer.sku);
    if (bounds.includes('ceiling')) hitCeiling.push(offer.sku);
    if (bounds.includes('map')) hitMap.push(offer.sku);
    let change: number | null = null;
    if (result.priceMinor !== null) {
      priced++;
      if (!Number.isNaN(current)) {
        change = result.priceMinor - current;
        compared++;
        min = Math.min(min, change);
        max = Math.max(max, change);
        sum = sum.plus(change);
      }
      if (Number.isNaN(current) || change !== 0) changed++;
    }
    rows.push({
      sku: offer.sku,
      status: result.status,
      reason: result.reason ?? null,
      currentPrice: Number.isNaN(current) ? null : formatScaled(current, digits),
      newPrice: result.price,
      change: change === null ? null : formatScaled(change, digits),
      changePercent: change === null || Number.isNaN(current) ? null : percentChange(current, result.priceMinor!),
      rulesApplied: result.trace.steps.flatMap((s) => (s.kind === 'rule' && s.outcome === 'applied' ? [s.ruleId] : [])),
      bounds,
    });
  }
  const mean = compared === 0 ? null : sum.div(compared).round(0, Big.roundHalfUp).toNumber();
  return {
    currency,
    total: offers.length,
    priced,
    unpriceable: offers.length - priced,
    changed,
    unchanged: priced - changed,
    minChange: compared === 0 ? null : formatScaled(min, digits),
    maxChange: compared === 0 ? null : formatScaled(max, digits),
    meanChange: mean === null ? null : formatScaled(mean, digits),
    hitFloor,
    hitCeiling,
    hitMap,
    rows,
  };
};

export const DRY_RUN_CSV_COLUMNS = [
  'sku',
  'status',
  'reason',
  'current_price',
  'new_price',
  'change',
  'change_percent',
  'rules_applied',
  'bounds',
] as const;

/** The report's rows as CSV (header + one line per offer), for download. */
export const dryRunCsv = (report: DryRunReport): string =>
  stringify(
    report.rows.map((row) => [
      row.sku,
      row.status,
      row.reason ?? '',
      row.currentPrice ?? '',
      row.newPrice ?? '',
      row.change ?? '',
      row.changePercent ?? '',
      row.rulesApplied.join(' '),
      row.bounds.join(' '),
    ]),
    { header: true, columns: [...DRY_RUN_CSV_COLUMNS] },
  );
