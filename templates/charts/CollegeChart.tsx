import type { CollegeCost, CollegeProjection } from '../../core/charts/college';
import { formatMoneyCompact, formatPercent } from '../../core/charts/format';
import { barChart } from '../../core/charts/geometry';
import { clip, formatMoney, formatNumber } from '../../core/locale/format';
import { type ChartLabels, chartLabels } from './labels';
import { CHART_WIDTH, COLOURS, ChartFigure, label } from './parts';

export interface CollegeChartProps {
  projection: CollegeProjection;
  /** The prospect's locale (BCP 47), for numbers, money and the default labels. */
  locale: string;
  /** ISO 4217 code of the prospect's money. */
  currency: string;
  /** Default: chartLabels(locale), English or French. */
  labels?: ChartLabels;
  /** Unique in the page. Default "college-chart". */
  id?: string;
  /** Rows that fit a slide; further dependents are counted on a last line. Default 5. */
  maxBars?: number;
}

const ROW_HEIGHT = 72;
const BAR_HEIGHT = 32;
const MARGIN = { top: 8, right: 120, bottom: 8, left: 230 };
const NAME_CHARS = 18;

function when(c: CollegeCost, startAge: number, labels: ChartLabels, locale: string): string {
  if (c.yearsUntilCollege > 1)
    return label(labels.collegeStartsIn, { years: formatNumber(locale, c.yearsUntilCollege) });
  if (c.yearsUntilCollege === 1) return labels.collegeStartsNextYear;
  return c.age > startAge ? labels.collegeInCollege : labels.collegeStartsNow;
}

/**
 * One bar per dependent: the projected cost of college in future money, with when it starts.
 * Renders nothing when no dependent has an age before or in college.
 */
export function CollegeChart({
  projection,
  locale,
  currency,
  labels = chartLabels(locale),
  id = 'college-chart',
  maxBars = 5,
}: CollegeChartProps) {
  const { dependents, assumptions: a } = projection;
  if (dependents.length === 0) return null;
  const shown = dependents.slice(0, Math.max(1, maxBars));
  const more = dependents.length - shown.length;
  const geometry = barChart({
    values: shown.map((d) => d.total),
    width: CHART_WIDTH,
    rowHeight: ROW_HEIGHT,
    barHeight: BAR_HEIGHT,
    margin: { ...MARGIN, bottom: MARGIN.bottom + (more > 0 ? ROW_HEIGHT / 2 : 0) },
    formatValue: (n) => formatMoneyCompact(locale, currency, n),
  });
  const assumptions = label(labels.collegeAssumptions, {
    cost: formatMoney(locale, currency, a.annualCostToday),
    inflation: formatPercent(locale, a.costInflation),
    collegeYears: formatNumber(locale, a.years),
    startAge: formatNumber(locale, a.startAge),
  });

  return (
    <ChartFigure
      id={id}
      title={labels.collegeTitle}
      width={geometry.width}
      height={geometry.height}
      notice={[labels.hypothetical]}
      assumptions={label(labels.assumptions, { assumptions })}
    >
      {geometry.bars.map((bar, i) => {
        const d = shown[i] as CollegeCost;
        const middle = bar.row.y + bar.row.height / 2;
        return (
          <g key={i} className="chart-bar">
            <text x={8} y={middle - 12} dy="0.35em" fontWeight={700}>
              {clip(d.firstName, NAME_CHARS)}
            </text>
            <text x={8} y={middle + 14} dy="0.35em">
              {when(d, a.startAge, labels, locale)}
            </text>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={4} fill={COLOURS.primary} />
            <text x={bar.labelX} y={bar.labelY} dy="0.35em" fontWeight={700}>
              {bar.label}
            </text>
          </g>
        );
      })}
      {more > 0 ? (
        <text x={8} y={geometry.height - MARGIN.bottom - ROW_HEIGHT / 4} dy="0.35em">
          {label(labels.moreDependents, { count: formatNumber(locale, more) })}
        </text>
      ) : null}
    </ChartFigure>
  );
}
