import type { ModelAllocation } from '../../core/charts/allocation';
import { formatPercent } from '../../core/charts/format';
import { donut } from '../../core/charts/geometry';
import { type ChartLabels, chartLabels } from './labels';
import { CHART_WIDTH, COLOURS, ChartFigure, FONT_SIZE, label } from './parts';

export interface AllocationChartProps {
  allocation: ModelAllocation;
  /** The prospect's locale (BCP 47), for percentages and the default labels. */
  locale: string;
  /** Default: chartLabels(locale), English or French. */
  labels?: ChartLabels;
  /** Unique in the page. Default "allocation-chart". */
  id?: string;
}

const HEIGHT = 360;
const CENTER = { x: 190, y: HEIGHT / 2 };
const OUTER = 160;
const INNER = 96;
/** Stocks, bonds, cash. */
const SLICE_COLOURS = [COLOURS.primary, COLOURS.accent, COLOURS.muted] as const;
const LEGEND = { x: 420, rowHeight: 64, swatch: 28 };

/**
 * A donut of the model allocation with a legend (name and percent, so it reads without
 * colour), stocks in its centre, and the not-a-recommendation notice below.
 */
export function AllocationChart({
  allocation,
  locale,
  labels = chartLabels(locale),
  id = 'allocation-chart',
}: AllocationChartProps) {
  const { slices } = allocation;
  const percent = (p: number) => formatPercent(locale, p / 100);
  const arcs = donut({
    values: slices.map((s) => s.percent),
    cx: CENTER.x,
    cy: CENTER.y,
    outerRadius: OUTER,
    innerRadius: INNER,
    labels: slices.map((s) => percent(s.percent)),
  });
  const stocks = slices.find((s) => s.asset === 'stocks');
  const legendTop = CENTER.y - (slices.length * LEGEND.rowHeight) / 2;

  return (
    <ChartFigure
      id={id}
      title={label(labels.allocationTitle, { risk: labels.risk[allocation.riskTolerance] })}
      width={CHART_WIDTH}
      height={HEIGHT}
      notice={[labels.allocationNotice]}
    >
      <g className="chart-slices">
        {arcs.map((arc) => (
          <path
            key={arc.index}
            d={arc.d}
            fill={SLICE_COLOURS[arc.index] ?? COLOURS.muted}
            stroke={COLOURS.background}
            strokeWidth={3}
            strokeLinejoin="round"
          />
        ))}
      </g>
      {stocks ? (
        <g className="chart-center" textAnchor="middle">
          <text x={CENTER.x} y={CENTER.y - 8} fontSize={FONT_SIZE * 2} fontWeight={700}>
            {percent(stocks.percent)}
          </text>
          <text x={CENTER.x} y={CENTER.y + 26}>
            {labels.assets.stocks}
          </text>
        </g>
      ) : null}
      <g className="chart-legend">
        {slices.map((s, i) => {
          const y = legendTop + i * LEGEND.rowHeight + LEGEND.rowHeight / 2;
          return (
            <g key={s.asset}>
              <rect
                x={LEGEND.x}
                y={y - LEGEND.swatch / 2}
                width={LEGEND.swatch}
                height={LEGEND.swatch}
                rx={4}
                fill={SLICE_COLOURS[i] ?? COLOURS.muted}
              />
              <text x={LEGEND.x + LEGEND.swatch + 16} y={y} dy="0.35em">
                {labels.assets[s.asset]}
              </text>
              <text x={CHART_WIDTH - 16} y={y} dy="0.35em" textAnchor="end" fontWeight={700}>
                {percent(s.percent)}
              </text>
            </g>
          );
        })}
      </g>
    </ChartFigure>
  );
}
