/**
 * Numbers to SVG geometry, as plain data (path strings, coordinates, label text): no DOM and
 * no markup, so the same shapes serve the live slide, the exported deck and the tests.
 * Coordinates are SVG user units: x to the right, y downwards, origin at the top left.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A tick on an axis: its value, where it sits, and its text. */
export interface Tick {
  value: number;
  x: number;
  y: number;
  label: string;
}

/** A drawn shape: the path, and the point where its label goes. */
export interface Shape {
  d: string;
  x: number;
  y: number;
  label: string;
}

type Format = (n: number) => string;

/** Coordinates to 0.01 unit: exact enough to draw, short and stable in markup. */
export function round(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * The "nice" step (1, 2 or 5 × 10^k) that splits 0..max into at most `count` intervals.
 * With `integer`, the step is at least 1 (years, people).
 */
export function niceStep(max: number, count = 5, integer = false): number {
  if (!Number.isFinite(max) || max < 0) throw new RangeError(`max must be a finite number of at least 0, got ${max}`);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a whole number of at least 1, got ${count}`);
  if (max === 0) return 1;
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  // A tiny tolerance so that floating-point noise (1.0000000000000002) does not double the step.
  const factor = residual <= 1 + 1e-9 ? 1 : residual <= 2 + 1e-9 ? 2 : residual <= 5 + 1e-9 ? 5 : 10;
  const step = factor * magnitude;
  return integer ? Math.max(1, Math.round(step)) : step;
}

/**
 * Ticks from 0 in nice steps, the last one at or above `max`, so the axis covers every value:
 * niceTicks(2_345_000) → 0, 500 000, …, 2 500 000.
 */
export function niceTicks(max: number, count = 5, integer = false): number[] {
  const step = niceStep(max, count, integer);
  const n = Math.max(1, Math.ceil(max / step - 1e-9));
  // toPrecision strips the noise of repeated float multiplication (0.30000000000000004).
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** A linear map from a domain to a range, like d3's scaleLinear without clamping. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/**
 * Moves label positions apart so no two are closer than `gap`, keeping their order and the
 * band [min, max] when it is tall enough: end-of-line labels that would otherwise overlap.
 */
export function spreadLabels(positions: readonly number[], gap: number, min: number, max: number): number[] {
  const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const placed = order.map((o) => Math.min(max, Math.max(min, o.p)));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k] as number, (placed[k - 1] as number) + gap);
  const last = placed.length - 1;
  if (last >= 0 && (placed[last] as number) > max) {
    placed[last] = max;
    for (let k = last - 1; k >= 0; k--) placed[k] = Math.min(placed[k] as number, (placed[k + 1] as number) - gap);
  }
  const out = new Array<number>(positions.length);
  order.forEach((o, k) => {
    out[o.i] = Math.max(min, placed[k] as number);
  });
  return out;
}

export interface Point {
  x: number;
  y: number;
}

export interface LineChartInput {
  /** One series per line; each a list of points in data units. */
  series: readonly (readonly Point[])[];
  width: number;
  height: number;
  margin: Margins;
  /** Text of a y tick and of each line's end label. Default String. */
  formatY?: Format;
  /** Text of an x tick. Default String. */
  formatX?: Format;
  /** At most this many intervals on each axis. Default 5. */
  yTickCount?: number;
  xTickCount?: number;
  /** Whether x ticks must be whole numbers (years). Default true. */
  integerX?: boolean;
  /** Smallest vertical distance between two end labels. Default 24. */
  labelGap?: number;
}

export interface LineShape extends Shape {
  /** Last point of the line, where a marker goes; x, y (from Shape) is where its label goes. */
  end: Point;
}

export interface LineChartGeometry {
  plot: Rect;
  /** One per series, in order: the path, its last point and its end label (the last value). */
  lines: LineShape[];
  /** From 0 up to a nice value at or above the largest y: the y scale's domain. */
  yTicks: Tick[];
  /** Nice whole steps within the x range. */
  xTicks: Tick[];
}

/**
 * Line paths inside `width × height` less the margins: y from 0 to the first nice tick at or
 * above the largest value, x over the data's range. End labels sit just right of the plot.
 */
export function lineChart(input: LineChartInput): LineChartGeometry {
  const {
    series,
    width,
    height,
    margin,
    formatY = String,
    formatX = String,
    yTickCount = 5,
    xTickCount = 5,
    integerX = true,
    labelGap = 24,
  } = input;
  const plot = plotArea(width, height, margin);
  const all = series.flat();
  if (all.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y)))
    throw new RangeError('every point must have finite x and y');
  const xMin = Math.min(0, ...all.map((p) => p.x));
  const xMax = Math.max(xMin, ...all.map((p) => p.x));
  const yMax = Math.max(0, ...all.map((p) => p.y));

  const yValues = niceTicks(yMax, yTickCount);
  const yTop = yValues[yValues.length - 1] as number;
  const x = linearScale([xMin, xMax], [plot.x, plot.x + plot.width]);
  const y = linearScale([0, yTop], [plot.y + plot.height, plot.y]);

  const xValues = niceTicks(xMax - xMin, xTickCount, integerX)
    .map((t) => t + xMin)
    .filter((t) => t <= xMax + 1e-9);

  const ends = series.map((s) => s[s.length - 1]);
  const labelYs = spreadLabels(
    ends.map((p) => (p ? y(p.y) : plot.y + plot.height)),
    labelGap,
    plot.y,
    plot.y + plot.height,
  );

  return {
    plot,
    lines: series.map((s, i) => {
      const last = ends[i];
      return {
        d: s.map((p, k) => `${k === 0 ? 'M' : 'L'}${round(x(p.x))} ${round(y(p.y))}`).join(''),
        end: last ? { x: round(x(last.x)), y: round(y(last.y)) } : { x: plot.x, y: plot.y + plot.height },
        x: round(plot.x + plot.width + 12),
        y: round(labelYs[i] as number),
        label: last ? formatY(last.y) : '',
      };
    }),
    yTicks: yValues.map((v) => ({ value: v, x: plot.x, y: round(y(v)), label: formatY(v) })),
    xTicks: xValues.map((v) => ({ value: v, x: round(x(v)), y: plot.y + plot.height, label: formatX(v) })),
  };
}

export interface BarChartInput {
  values: readonly number[];
  width: number;
  /** Height of one row: a bar and its two-line label. */
  rowHeight: number;
  /** Thickness of a bar, at most rowHeight. */
  barHeight: number;
  /** left holds the row labels, right the value labels. */
  margin: Margins;
  /** Text of the value label at the end of each bar. Default String. */
  formatValue?: Format;
}

export interface BarShape extends Rect {
  /** Text of the value; x, y of its label is labelX, labelY (start-anchored, middle baseline). */
  label: string;
  labelX: number;
  labelY: number;
  /** The row's band, for the row's own labels on the left. */
  row: Rect;
}

export interface BarChartGeometry {
  /** width × height of the whole chart: height grows with the rows. */
  width: number;
  height: number;
  plot: Rect;
  bars: BarShape[];
}

/** Horizontal bars, one row per value, longest bar the full plot width (names read on the left). */
export function barChart(input: BarChartInput): BarChartGeometry {
  const { values, width, rowHeight, margin, formatValue = String } = input;
  if (values.some((v) => !Number.isFinite(v) || v < 0))
    throw new RangeError('bar values must be finite and at least 0');
  const barHeight = Math.min(input.barHeight, rowHeight);
  const height = margin.top + margin.bottom + values.length * rowHeight;
  // No rows is a valid, empty chart; plotArea would refuse its zero height.
  const plot =
    values.length === 0
      ? { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: 0 }
      : plotArea(width, height, margin);
  const max = Math.max(0, ...values);
  const x = linearScale([0, max === 0 ? 1 : max], [plot.x, plot.x + plot.width]);
  return {
    width,
    height,
    plot,
    bars: values.map((v, i) => {
      const rowY = plot.y + i * rowHeight;
      const w = round(x(v) - plot.x);
      return {
        x: plot.x,
        y: round(rowY + (rowHeight - barHeight) / 2),
        width: w,
        height: barHeight,
        label: formatValue(v),
        labelX: round(plot.x + w + 12),
        labelY: round(rowY + rowHeight / 2),
        row: { x: 0, y: round(rowY), width, height: rowHeight },
      };
    }),
  };
}

export interface DonutInput {
  values: readonly number[];
  cx: number;
  cy: number;
  outerRadius: number;
  innerRadius: number;
  /** Text of each slice's label. Default String(value). */
  labels?: readonly string[];
}

export interface ArcShape extends Shape {
  /** Which value the arc draws: zero values get no arc, so indexes can skip. */
  index: number;
  value: number;
  /** Clockwise from 12 o'clock, in radians. */
  startAngle: number;
  endAngle: number;
}

/**
 * Donut slices clockwise from 12 o'clock, one per positive value. x, y of each arc is the middle
 * of its band, where a label fits. A single slice draws the whole ring (outer ring clockwise,
 * inner counter-clockwise, so the hole stays empty under the default nonzero fill rule).
 */
export function donut({ values, cx, cy, outerRadius: R, innerRadius: r, labels }: DonutInput): ArcShape[] {
  if (values.some((v) => !Number.isFinite(v) || v < 0))
    throw new RangeError('slice values must be finite and at least 0');
  if (!(R > 0 && r >= 0 && r < R)) throw new RangeError('radii must satisfy 0 <= inner < outer');
  const total = values.reduce((s, v) => s + v, 0);
  if (total === 0) return [];
  const at = (radius: number, angle: number) =>
    `${round(cx + radius * Math.sin(angle))} ${round(cy - radius * Math.cos(angle))}`;
  const arcs: ArcShape[] = [];
  let start = 0;
  values.forEach((value, index) => {
    if (value <= 0) return;
    const end = start + (value / total) * 2 * Math.PI;
    const sweep = end - start;
    let d: string;
    if (sweep >= 2 * Math.PI - 1e-9) {
      d =
        `M${at(R, 0)}A${R} ${R} 0 1 1 ${at(R, Math.PI)}A${R} ${R} 0 1 1 ${at(R, 0)}Z` +
        (r > 0 ? `M${at(r, 0)}A${r} ${r} 0 1 0 ${at(r, Math.PI)}A${r} ${r} 0 1 0 ${at(r, 0)}Z` : '');
    } else {
      const large = sweep > Math.PI ? 1 : 0;
      d =
        `M${at(R, start)}A${R} ${R} 0 ${large} 1 ${at(R, end)}` +
        (r > 0 ? `L${at(r, end)}A${r} ${r} 0 ${large} 0 ${at(r, start)}Z` : `L${round(cx)} ${round(cy)}Z`);
    }
    const mid = (start + end) / 2;
    const labelRadius = (R + r) / 2;
    arcs.push({
      d,
      x: round(cx + labelRadius * Math.sin(mid)),
      y: round(cy - labelRadius * Math.cos(mid)),
      label: labels?.[index] ?? String(value),
      index,
      value,
      startAngle: start,
      endAngle: end,
    });
    start = end;
  });
  return arcs;
}

function plotArea(width: number, height: number, m: Margins): Rect {
  const plot = { x: m.left, y: m.top, width: width - m.left - m.right, height: height - m.top - m.bottom };
  if (!(plot.width > 0 && plot.height > 0))
    throw new RangeError(`margins leave no room to draw in ${width} × ${height}`);
  return plot;
}
