import { HISTORY_LENGTH, type RateSample } from './history';

export const SERIES = [
  { key: 'received', color: '#4096ff' },
  { key: 'stored', color: '#73d13d' },
  { key: 'quarantined', color: '#ff7875' },
] as const;

const WIDTH = 600;
const HEIGHT = 60;
const PAD = 3;

/**
 * The last minute of rates as plain SVG polylines: no chart library for three
 * lines of sixty points. The newest sample sits at the right edge.
 */
export function Sparkline({ samples, peak }: { samples: RateSample[]; peak: number }) {
  const top = peak > 0 ? peak * 1.15 : 1;
  const x = (index: number) => ((HISTORY_LENGTH - samples.length + index) / (HISTORY_LENGTH - 1)) * WIDTH;
  const y = (value: number) => HEIGHT - PAD - (value / top) * (HEIGHT - 2 * PAD);
  const points = (key: (typeof SERIES)[number]['key']) => samples.map((sample, index) => `${x(index).toFixed(1)},${y(sample[key]).toFixed(1)}`).join(' ');
  const received = points('received');
  return (
    <svg
      className="ops-sparkline"
      data-testid="ops-sparkline"
      data-samples={samples.length}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-hidden
    >
      {[0.25, 0.5, 0.75].map((share) => (
        <line key={share} x1={0} x2={WIDTH} y1={HEIGHT * share} y2={HEIGHT * share} className="ops-sparkline-grid" vectorEffect="non-scaling-stroke" />
      ))}
      {samples.length > 1 && (
        <>
          <polygon points={`${x(0)},${HEIGHT} ${received} ${WIDTH},${HEIGHT}`} fill={SERIES[0].color} fillOpacity={0.12} />
          {/* Stored usually equals received: dashed on top, so both stay visible. */}
          {SERIES.map((series) => (
            <polyline
              key={series.key}
              points={points(series.key)}
              fill="none"
              stroke={series.color}
              strokeWidth={series.key === 'received' ? 2 : 1.5}
              strokeDasharray={series.key === 'stored' ? '4 3' : undefined}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </>
      )}
    </svg>
  );
}
