import type { StoreSales } from '../../api/stores';

/**
 * 30-day sales as a small SVG line (no chart library: one series, no axes). Amounts are decimal strings; they
 * are turned into numbers only to place points on screen, never for money arithmetic.
 */
export const Sparkline = ({
  sales,
  width = 220,
  height = 48,
}: {
  sales: StoreSales;
  width?: number;
  height?: number;
}) => {
  const values = sales.days.map((day) => Number(day.amount));
  const max = Math.max(...values, 0);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const y = (value: number) => (max > 0 ? height - 2 - (value / max) * (height - 4) : height - 2);
  const points = values.map((value, i) => `${(i * step).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const label = `Sales over the last ${values.length} days: ${sales.total} ${sales.currency}`;
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-testid="sales-chart">
      <title>{label}</title>
      <polyline
        points={points}
        fill="none"
        stroke="var(--spectrum-global-color-blue-600, #1473e6)"
        strokeWidth={2}
        strokeLinejoin="round"
      />
    </svg>
  );
};
