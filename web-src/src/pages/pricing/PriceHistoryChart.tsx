import type { PriceTrace } from '../../api/pricing';
import { formatDateTime } from '../../format';
import { historyChart } from './price-history';

const WIDTH = 480;
const HEIGHT = 140;

/** Small line chart of the prices Amazon accepted for a listing, with its lowest and highest price labelled. */
export const PriceHistoryChart = ({ history, currency }: { history: PriceTrace['history']; currency: string }) => {
  const chart = historyChart(history, WIDTH, HEIGHT, 20);
  if (!chart) return <p data-testid="price-history-empty">No price sent to Amazon yet.</p>;
  const label = (which: 'min' | 'max') => {
    const point = chart[which];
    const text = `${which === 'min' ? 'Min' : 'Max'} ${point.price} ${currency}`;
    const anchor = point.x > WIDTH / 2 ? 'end' : 'start';
    return (
      <text
        x={point.x}
        y={which === 'max' ? point.y - 6 : point.y + 14}
        textAnchor={anchor}
        fontSize="11"
        data-testid={`price-history-${which}`}
      >
        {text}
      </text>
    );
  };
  return (
    <figure style={{ margin: 0 }}>
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Price history: ${chart.points.length} prices from ${chart.min.price} to ${chart.max.price} ${currency}`}
        data-testid="price-history-chart"
      >
        <polyline points={chart.polyline} fill="none" stroke="currentColor" strokeWidth="2" />
        {chart.points.map((point, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: points are in time order and two may share a time.
          <circle key={i} cx={point.x} cy={point.y} r="3" fill="currentColor">
            <title>{`${formatDateTime(new Date(point.at).toISOString())}: ${point.price} ${currency}`}</title>
          </circle>
        ))}
        {label('max')}
        {chart.min !== chart.max && label('min')}
      </svg>
      <figcaption>
        Prices sent to Amazon (last {chart.points.length}), {formatDateTime(new Date(chart.points[0].at).toISOString())}{' '}
        to {formatDateTime(new Date(chart.points[chart.points.length - 1].at).toISOString())}
      </figcaption>
    </figure>
  );
};
