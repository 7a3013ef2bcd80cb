import type { RetirementProjection } from '../../core/charts/projection';
import { formatMoneyCompact, formatPercent } from '../../core/charts/format';
import { lineChart, round } from '../../core/charts/geometry';
import { formatList, formatMoney, formatNumber } from '../../core/locale/format';
import { type ChartLabels, chartLabels } from './labels';
import { CHART_WIDTH, COLOURS, ChartFigure, FONT_SIZE, label } from './parts';

export interface RetirementChartProps {
  projection: RetirementProjection;
  /** The prospect's locale (BCP 47), for numbers, money and the default labels. */
  locale: string;
  /** ISO 4217 code of the prospect's money. */
  currency: string;
  /** Default: chartLabels(locale), English or French. */
  labels?: ChartLabels;
  /** Unique in the page. Default "retirement-chart". */
  id?: string;
}

const HEIGHT = 420;
const MARGIN = { top: 64, right: 108, bottom: 76, left: 100 };
/** Low, mid, high: told apart by dash as well as colour. */
const LINE_STYLES = [
  { stroke: COLOURS.muted, dash: '1 11' },
  { stroke: COLOURS.accent, dash: '14 8' },
  { stroke: COLOURS.primary, dash: undefined },
] as const;
const STROKE = 5;

/** Three lines, low to high assumed return, with their end values and the assumptions below. */
export function RetirementChart({
  projection,
  locale,
  currency,
  labels = chartLabels(locale),
  id = 'retirement-chart',
}: RetirementChartProps) {
  const { lines, assumptions: a } = projection;
  const money = (n: number) => formatMoneyCompact(locale, currency, n);
  const geometry = lineChart({
    series: lines.map((l) => l.points.map((p) => ({ x: p.year, y: p.value }))),
    width: CHART_WIDTH,
    height: HEIGHT,
    margin: MARGIN,
    formatY: money,
    formatX: (n) => formatNumber(locale, n),
  });
  const { plot } = geometry;
  const years = formatNumber(locale, a.years);
  const assumptions = label(labels.retirementAssumptions, {
    returns: formatList(
      locale,
      a.returns.map((r) => formatPercent(locale, r)),
    ),
    assets: formatMoney(locale, currency, a.investableAssets),
    monthlySavings: formatMoney(locale, currency, a.monthlySavings),
    years,
    inflation: formatPercent(locale, a.inflation),
  });
  const slot = CHART_WIDTH / 3;

  return (
    <ChartFigure
      id={id}
      title={label(labels.retirementTitle, { years })}
      width={CHART_WIDTH}
      height={HEIGHT}
      notice={[labels.hypothetical, labels.retirementRisk]}
      assumptions={label(labels.assumptions, { assumptions })}
    >
      <g className="chart-legend">
        {lines.map((l, i) => {
          const style = LINE_STYLES[i] ?? LINE_STYLES[2];
          const x = round(i * slot + 8);
          return (
            <g key={l.annualReturn + ':' + i}>
              <line
                x1={x}
                y1={24}
                x2={x + 44}
                y2={24}
                stroke={style.stroke}
                strokeWidth={STROKE}
                strokeDasharray={style.dash}
                strokeLinecap="round"
              />
              <text x={x + 56} y={24} dy="0.35em">
                {label(labels.perYear, { rate: formatPercent(locale, l.annualReturn) })}
              </text>
            </g>
          );
        })}
      </g>
      <g className="chart-axis chart-axis-y">
        {geometry.yTicks.map((t) => (
          <g key={t.value}>
            <line
              x1={plot.x}
              y1={t.y}
              x2={plot.x + plot.width}
              y2={t.y}
              stroke="currentColor"
              strokeOpacity={t.value === 0 ? 0.6 : 0.15}
              strokeWidth={1}
            />
            <text x={plot.x - 12} y={t.y} dy="0.35em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
      </g>
      <g className="chart-axis chart-axis-x">
        {geometry.xTicks.map((t) => (
          <text key={t.value} x={t.x} y={t.y + 30} textAnchor="middle">
            {t.label}
          </text>
        ))}
        <text x={plot.x + plot.width / 2} y={HEIGHT - 8} textAnchor="middle">
          {labels.yearsFromNow}
        </text>
      </g>
      <g className="chart-lines" fill="none">
        {geometry.lines.map((g, i) => {
          const style = LINE_STYLES[i] ?? LINE_STYLES[2];
          return (
            <path
              key={i}
              d={g.d}
              stroke={style.stroke}
              strokeWidth={STROKE}
              strokeDasharray={style.dash}
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          );
        })}
      </g>
      <g className="chart-values">
        {geometry.lines.map((g, i) => {
          const style = LINE_STYLES[i] ?? LINE_STYLES[2];
          return (
            <g key={i}>
              <circle cx={g.end.x} cy={g.end.y} r={STROKE + 1} fill={style.stroke} />
              <text x={g.x} y={g.y} dy="0.35em" fontWeight={i === 2 ? 700 : 400} fontSize={FONT_SIZE}>
                {g.label}
              </text>
            </g>
          );
        })}
      </g>
    </ChartFigure>
  );
}
