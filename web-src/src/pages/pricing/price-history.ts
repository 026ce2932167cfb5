import type { CompetitorFreshness, PriceTrace } from '../../api/pricing';

/** Geometry of the price-history chart: pure, so it can be tested without a browser. */
export interface HistoryChartPoint {
  x: number;
  y: number;
  price: string;
  at: number;
}
export interface HistoryChart {
  points: HistoryChartPoint[];
  /** SVG polyline `points` attribute. */
  polyline: string;
  min: HistoryChartPoint;
  max: HistoryChartPoint;
}

/**
 * Lays the history out in a width × height box (with `padding` kept free for the labels): time on x, price on y
 * (higher price = higher on the chart). Returns null when there is nothing to draw.
 */
export const historyChart = (
  history: PriceTrace['history'],
  width: number,
  height: number,
  padding = 16,
): HistoryChart | null => {
  if (history.length === 0) return null;
  const sorted = [...history].sort((a, b) => a.at - b.at);
  const prices = sorted.map((e) => Number(e.price));
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const first = sorted[0].at;
  const span = (sorted[sorted.length - 1]?.at ?? first) - first;
  const innerW = width - 2 * padding;
  const innerH = height - 2 * padding;
  const points = sorted.map((entry, i) => ({
    // A single point (or same-time points) sits in the middle / spreads evenly instead of dividing by zero.
    x:
      padding +
      (span > 0
        ? ((entry.at - first) / span) * innerW
        : sorted.length > 1
          ? (i / (sorted.length - 1)) * innerW
          : innerW / 2),
    y: padding + (high > low ? ((high - Number(entry.price)) / (high - low)) * innerH : innerH / 2),
    price: entry.price,
    at: entry.at,
  }));
  const byPrice = [...points].sort((a, b) => Number(a.price) - Number(b.price));
  return {
    points,
    polyline: points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
    min: byPrice[0],
    max: byPrice[byPrice.length - 1],
  };
};

/** "12 min", "3 h 5 min", "2 d 4 h": the age of competitor data for the merchant. */
export const formatAge = (ageMs: number): string => {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
};

/** The freshness of a listing's competitor data as the merchant reads it. */
export const freshnessText = (freshness: CompetitorFreshness | undefined): string => {
  if (!freshness || freshness.state === 'none' || freshness.ageMs === null) return 'No competitor data yet';
  const age = formatAge(freshness.ageMs);
  return freshness.state === 'stale' ? `Stale (${age} old, will be polled)` : `Fresh (${age} old)`;
};

/** Short form for a table cell: "Fresh, 5 min" / "Stale, 2 h" / "—". */
export const freshnessCell = (freshness: CompetitorFreshness | undefined): string => {
  if (!freshness || freshness.state === 'none' || freshness.ageMs === null) return '—';
  const age = freshness.ageMs < 60_000 ? '<1 min' : formatAge(freshness.ageMs);
  return `${freshness.state === 'stale' ? 'Stale' : 'Fresh'}, ${age}`;
};
