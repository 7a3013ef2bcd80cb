// @vitest-environment node
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { modelAllocation, ASSET_CLASSES } from '../../core/charts/allocation';
import { collegeCostProjection } from '../../core/charts/college';
import { formatMoneyCompact, formatPercent } from '../../core/charts/format';
import {
  barChart,
  donut,
  lineChart,
  niceStep,
  niceTicks,
  spreadLabels,
  type Margins,
} from '../../core/charts/geometry';
import {
  futureValue,
  projectionYears,
  retirementProjection,
  retirementProjectionFor,
} from '../../core/charts/projection';
import { RISK_TOLERANCES } from '../../core/intake/intake';
import { AllocationChart } from '../../templates/charts/AllocationChart';
import { CollegeChart } from '../../templates/charts/CollegeChart';
import { EN_LABELS, FR_LABELS, chartLabels } from '../../templates/charts/labels';
import { RetirementChart } from '../../templates/charts/RetirementChart';
import { HOSTILE, intake } from '../support/samples';

const values = (p: ReturnType<typeof retirementProjection>, line: number) =>
  p.lines[line]?.points.map((x) => x.value) ?? [];

describe('retirementProjection', () => {
  it('stays flat with no savings and a 0 % return', () => {
    const p = retirementProjection({
      investableAssets: 100_000,
      monthlySavings: 0,
      years: 10,
      returns: [0, 0, 0],
      inflation: 0,
    });
    for (const line of p.lines) expect(line.points.map((x) => x.value)).toEqual(Array(11).fill(100_000));
  });

  it('adds savings linearly at 0 %', () => {
    const p = retirementProjection({ investableAssets: 0, monthlySavings: 500, years: 3, returns: [0, 0, 0] });
    expect(values(p, 0)).toEqual([0, 6000, 12_000, 18_000]);
  });

  it('matches the future-value formula and a month-by-month simulation', () => {
    const p = retirementProjection({ investableAssets: 850_000, monthlySavings: 4000, years: 10 });
    const i = 0.06 / 12;
    const n = 120;
    const formula = 850_000 * (1 + i) ** n + (4000 * ((1 + i) ** n - 1)) / i;
    expect(values(p, 1)[10]).toBeCloseTo(formula, 6);
    let balance = 850_000;
    for (let m = 0; m < n; m++) balance = balance * (1 + i) + 4000; // contribution at month end
    expect(values(p, 1)[10]).toBeCloseTo(balance, 4);
    // A known textbook value: 10,000 at 12 % compounded monthly for a year is 11,268.25.
    expect(futureValue(10_000, 0, 0.12, 12)).toBeCloseTo(11_268.25, 2);
  });

  it('orders the three lines low < mid < high after year 0 and states its assumptions', () => {
    const p = retirementProjection({ investableAssets: 50_000, monthlySavings: 800, years: 25 });
    expect(p.lines.map((l) => l.annualReturn)).toEqual([0.04, 0.06, 0.08]);
    for (let y = 1; y <= 25; y++) {
      expect(values(p, 0)[y]).toBeLessThan(values(p, 1)[y] as number);
      expect(values(p, 1)[y]).toBeLessThan(values(p, 2)[y] as number);
    }
    expect(p.lines.every((l) => l.points.length === 26 && l.points[0]?.value === 50_000)).toBe(true);
    expect(p.assumptions).toEqual({
      investableAssets: 50_000,
      monthlySavings: 800,
      years: 25,
      returns: [0.04, 0.06, 0.08],
      inflation: 0.025,
      compounding: 'monthly',
      contributions: 'end-of-month',
    });
    const last = p.lines[2]?.points[25];
    expect(last?.real).toBeCloseTo((last?.value ?? 0) / 1.025 ** 25, 6);
  });

  it('refuses inputs that would make a misleading chart', () => {
    expect(() => retirementProjection({ investableAssets: -1, monthlySavings: 0, years: 10 })).toThrow(RangeError);
    expect(() => retirementProjection({ investableAssets: 1, monthlySavings: 0, years: 0 })).toThrow(RangeError);
    expect(() =>
      retirementProjection({ investableAssets: 1, monthlySavings: 0, years: 10, returns: [6, 4, 8] }),
    ).toThrow(RangeError);
    expect(() =>
      retirementProjection({ investableAssets: 1, monthlySavings: 0, years: 10, returns: [0.08, 0.06, 0.04] }),
    ).toThrow(/low to high/);
  });
});

describe('projectionYears', () => {
  it('uses the time horizon, else 65 minus age within 5..40, else 20', () => {
    expect(projectionYears(intake())).toBe(10);
    expect(projectionYears(intake((i) => void delete i.timeHorizonYears))).toBe(13); // age 52
    expect(projectionYears(intake((i) => ((i.prospect.age = 63), delete i.timeHorizonYears)))).toBe(5);
    expect(projectionYears(intake((i) => ((i.prospect.age = 18), delete i.timeHorizonYears)))).toBe(40);
    expect(projectionYears(intake((i) => (delete i.prospect.age, delete i.timeHorizonYears)))).toBe(20);
    expect(projectionYears(intake((i) => (i.timeHorizonYears = 0)))).toBe(1);
  });

  it('builds the intake’s projection, or none without assets or savings', () => {
    expect(retirementProjectionFor(intake())?.assumptions).toMatchObject({
      investableAssets: 850_000,
      monthlySavings: 4000,
      years: 10,
    });
    expect(retirementProjectionFor(intake((i) => (i.finances = { currency: 'USD' })))).toBeUndefined();
  });
});

describe('collegeCostProjection', () => {
  it('skips dependents without an age or past college, keeps their order', () => {
    const p = collegeCostProjection([
      { firstName: 'NoAge' },
      { firstName: 'Ana', age: 15 },
      { firstName: 'Grown', age: 23 },
      { firstName: 'Leo', age: 2 },
    ]);
    expect(p.dependents.map((d) => d.firstName)).toEqual(['Ana', 'Leo']);
    expect(p.assumptions).toEqual({ annualCostToday: 28_000, costInflation: 0.05, startAge: 18, years: 4 });
  });

  it('projects four years of cost in future money', () => {
    const [ana] = collegeCostProjection([{ firstName: 'Ana', age: 15 }]).dependents;
    expect(ana?.yearsUntilCollege).toBe(3);
    const expected = [3, 4, 5, 6].reduce((s, k) => s + 28_000 * 1.05 ** k, 0);
    expect(ana?.total).toBeCloseTo(expected, 6);
    expect(ana?.annualCosts).toHaveLength(4);
  });

  it('counts only the years left for a dependent already in college', () => {
    const p = collegeCostProjection(
      [
        { firstName: 'A', age: 18 },
        { firstName: 'B', age: 20 },
        { firstName: 'C', age: 22 },
      ],
      { annualCostToday: 10_000, costInflation: 0 },
    );
    expect(p.dependents.map((d) => [d.yearsUntilCollege, d.collegeYears, d.total])).toEqual([
      [0, 4, 40_000],
      [0, 2, 20_000],
      [0, 1, 10_000],
    ]);
  });
});

describe('modelAllocation', () => {
  it('sums to 100 for every tolerance, stocks rising and bonds and cash never rising', () => {
    let previous: number[] | undefined;
    for (const risk of RISK_TOLERANCES) {
      const a = modelAllocation(risk);
      expect(a.slices.map((s) => s.asset)).toEqual([...ASSET_CLASSES]);
      expect(a.slices.reduce((s, x) => s + x.percent, 0)).toBe(100);
      const [stocks, bonds, cash] = a.slices.map((s) => s.percent) as [number, number, number];
      if (previous) {
        expect(stocks).toBeGreaterThan(previous[0] as number);
        expect(bonds).toBeLessThanOrEqual(previous[1] as number);
        expect(cash).toBeLessThanOrEqual(previous[2] as number);
      }
      previous = [stocks, bonds, cash];
    }
    expect(modelAllocation('conservative').slices.map((s) => s.percent)).toEqual([20, 60, 20]);
    expect(modelAllocation('aggressive').slices.map((s) => s.percent)).toEqual([90, 10, 0]);
  });
});

describe('chart formats', () => {
  it('shortens money and percentages in the locale', () => {
    expect(formatMoneyCompact('en-US', 'USD', 1_234_567)).toBe('$1.2M');
    expect(formatMoneyCompact('en-US', 'USD', 500)).toBe('$500');
    expect(formatMoneyCompact('fr-FR', 'EUR', 1_234_567)).toMatch(/^1,2\sM\s€$/u);
    expect(() => formatMoneyCompact('en-US', 'BHD', 1234)).not.toThrow(); // a 3-decimal currency
    expect(formatPercent('en-US', 0.025)).toBe('2.5%');
    expect(formatPercent('fr-FR', 0.06)).toMatch(/^6\s%$/u);
  });
});

/** Every x y pair in a path, for paths made of M, L, A and Z commands. */
function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const [, cmd, args] of d.matchAll(/([MLAZ])([^MLAZ]*)/g)) {
    const n = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (cmd === 'A') for (let k = 0; k + 7 <= n.length; k += 7) out.push([n[k + 5] as number, n[k + 6] as number]);
    else for (let k = 0; k + 1 < n.length; k += 2) out.push([n[k] as number, n[k + 1] as number]);
  }
  return out;
}

const isNice = (step: number) => {
  const m = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
  return [1, 2, 5, 10].some((f) => Math.abs(m - f) < 1e-9);
};

describe('geometry', () => {
  it('makes nice ticks from 0 that cover the largest value', () => {
    for (const max of [0.7, 1, 7, 12, 99, 100, 101, 2_345_678, 9_999_999, 1e12, 3.3e-3]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
      const step = niceStep(max);
      expect(isNice(step)).toBe(true);
      ticks.forEach((t, i) => expect(t).toBeCloseTo(i * step, 9));
    }
    expect(niceTicks(2_345_678)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceStep(3, 5, true)).toBe(1);
  });

  it('keeps projection paths, ticks and labels inside the box', () => {
    const margin: Margins = { top: 64, right: 108, bottom: 76, left: 100 };
    for (const [assets, savings, years] of [
      [850_000, 4000, 10],
      [0, 0, 5],
      [1e13, 1e13, 100],
      [1, 0, 1],
      [20_000, 250, 37],
    ] as const) {
      const p = retirementProjection({ investableAssets: assets, monthlySavings: savings, years });
      const g = lineChart({
        series: p.lines.map((l) => l.points.map((x) => ({ x: x.year, y: x.value }))),
        width: 760,
        height: 420,
        margin,
      });
      expect(g.lines).toHaveLength(3);
      for (const line of g.lines) {
        const pts = pathPoints(line.d);
        expect(pts).toHaveLength(years + 1);
        for (const [x, y] of pts) {
          expect(x).toBeGreaterThanOrEqual(g.plot.x);
          expect(x).toBeLessThanOrEqual(g.plot.x + g.plot.width);
          expect(y).toBeGreaterThanOrEqual(g.plot.y);
          expect(y).toBeLessThanOrEqual(g.plot.y + g.plot.height);
        }
        expect(line.y).toBeGreaterThanOrEqual(g.plot.y);
        expect(line.y).toBeLessThanOrEqual(g.plot.y + g.plot.height);
      }
      // The top tick sits at the top of the plot and covers the high line's last value.
      expect(g.yTicks[g.yTicks.length - 1]?.y).toBe(g.plot.y);
      expect(g.yTicks[g.yTicks.length - 1]?.value).toBeGreaterThanOrEqual(p.lines[2].points[years]?.value ?? 0);
      expect(g.xTicks.every((t) => Number.isInteger(t.value) && t.value <= years)).toBe(true);
    }
  });

  it('spreads end labels that would overlap', () => {
    const [a = 0, b = 0, c = 0] = spreadLabels([300, 301, 302], 24, 64, 348);
    expect(b - a).toBeGreaterThanOrEqual(24);
    expect(c - b).toBeGreaterThanOrEqual(24);
    const ys = [a, b, c];
    expect(Math.max(...ys)).toBeLessThanOrEqual(348);
    expect(spreadLabels([340, 345, 348], 24, 64, 348)).toEqual([300, 324, 348]);
  });

  it('draws bars inside the box, the longest filling the plot', () => {
    const g = barChart({
      values: [100, 250, 0],
      width: 760,
      rowHeight: 72,
      barHeight: 32,
      margin: { top: 8, right: 120, bottom: 8, left: 230 },
    });
    expect(g.height).toBe(8 + 8 + 3 * 72);
    expect(g.bars.map((b) => b.width)).toEqual([(100 / 250) * 410, 410, 0]);
    for (const b of g.bars) {
      expect(b.x).toBe(230);
      expect(b.x + b.width).toBeLessThanOrEqual(760 - 120);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height).toBeLessThanOrEqual(g.height);
    }
    expect(
      barChart({
        values: [],
        width: 760,
        rowHeight: 72,
        barHeight: 32,
        margin: { top: 8, right: 120, bottom: 8, left: 230 },
      }).bars,
    ).toEqual([]);
  });

  it('draws donut arcs inside the circle, skipping empty slices', () => {
    const arcs = donut({ values: [90, 10, 0], cx: 190, cy: 180, outerRadius: 160, innerRadius: 96 });
    expect(arcs.map((a) => a.index)).toEqual([0, 1]);
    expect(arcs[1]?.endAngle).toBeCloseTo(2 * Math.PI, 9);
    for (const a of arcs) {
      for (const [x, y] of pathPoints(a.d)) expect(Math.hypot(x - 190, y - 180)).toBeLessThanOrEqual(160.01);
      expect(a.d).toMatch(/^M[\d. ]+A160 160 0 [01] 1 [\d. ]+L[\d. ]+A96 96 0 [01] 0 [\d. ]+Z$/);
    }
    expect(arcs[0]?.d).toContain('A160 160 0 1 1'); // 90 % takes the large arc
    const whole = donut({ values: [100], cx: 100, cy: 100, outerRadius: 50, innerRadius: 30 });
    expect(whole).toHaveLength(1);
    expect(whole[0]?.d.match(/A/g)).toHaveLength(4);
  });
});

describe('chart components', () => {
  const projection = retirementProjection({ investableAssets: 850_000, monthlySavings: 4000, years: 10 });
  const render = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
  /** No script element and no event-handler attribute in any tag (text between tags is escaped). */
  const safe = (html: string) => {
    expect(html).not.toMatch(/<script/i);
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src)\s*=\s*"\s*javascript:/i);
  };

  it('renders the retirement chart with its notice and assumptions', () => {
    const html = render(createElement(RetirementChart, { projection, locale: 'en-US', currency: 'USD' }));
    expect(html).toMatch(
      /^<figure class="chart" id="retirement-chart"><small class="chart-graphic"><svg [^>]*role="img"/,
    );
    expect(html).toContain('aria-labelledby="retirement-chart-title"');
    expect(html).toContain(
      '<title id="retirement-chart-title">Your investments over 10 years at three assumed returns</title>',
    );
    expect(html).toContain(
      `<figcaption class="chart-caption fineprint"><p class="chart-notice">${EN_LABELS.hypothetical} `,
    );
    expect(html).toContain(
      'Assumptions: 4%, 6%, and 8% average annual returns, compounded monthly; $850,000 invested today plus $4,000 added at the end of each month for 10 years; inflation of 2.5% a year.',
    );
    expect(html).toContain('viewBox="0 0 760 420"');
    // Three distinguishable lines: solid, dashed, dotted; coloured from the theme.
    expect(html.match(/<path [^>]*stroke-dasharray="14 8"/g)).toHaveLength(1);
    expect(html.match(/<path [^>]*stroke-dasharray="1 11"/g)).toHaveLength(1);
    expect(html).toMatch(
      /<path d="M[^"]*" stroke="var\(--primary-graphic, var\(--primary, #1f4e79\)\)" stroke-width="5" stroke-linecap/,
    );
    expect(html).toContain('var(--accent');
    expect(html).toContain('var(--muted');
    // No text below 16 px at the intended size.
    for (const [, size] of html.matchAll(/font-size="(\d+(?:\.\d+)?)"/g))
      expect(Number(size)).toBeGreaterThanOrEqual(16);
    expect(html).toContain('font-size="18"');
    expect(html).toContain('>$3M<'); // compact money ticks
    expect(html).toContain('>$2.6M<'); // the high line's end value
    safe(html);
  });

  it('is localisable: French labels and numbers', () => {
    const html = render(createElement(RetirementChart, { projection, locale: 'fr-FR', currency: 'EUR' }));
    expect(chartLabels('fr-CA')).toBe(FR_LABELS);
    expect(chartLabels('de-DE')).toBe(EN_LABELS);
    expect(html).toContain(FR_LABELS.hypothetical);
    expect(html).toMatch(/Hypothèses\s: rendements annuels moyens de 4\s%, 6\s% et 8\s%/u);
    expect(html).toContain('Années à venir');
  });

  it('escapes hostile text in labels and names, and never emits handlers or scripts', () => {
    const hostile = '<script>alert(1)</script>';
    const labels = {
      ...EN_LABELS,
      hypothetical: hostile,
      assumptions: HOSTILE[2],
      yearsFromNow: HOSTILE[0],
      perYear: `${HOSTILE[0]} {rate}`,
    };
    const html = render(
      createElement(RetirementChart, { projection, locale: 'en-US', currency: 'USD', labels, id: 'r' }),
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    safe(html);

    const college = collegeCostProjection(HOSTILE.map((firstName, age) => ({ firstName, age })));
    const collegeHtml = render(
      createElement(CollegeChart, {
        projection: college,
        locale: 'en-US',
        currency: 'USD',
        labels: { ...EN_LABELS, collegeTitle: hostile },
        maxBars: 10,
      }),
    );
    expect(collegeHtml).toContain('<title id="college-chart-title">&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(collegeHtml).toContain('>&lt;script&gt;window.__…<'); // names are shortened to fit, still as text
    safe(collegeHtml);

    const allocationHtml = render(
      createElement(AllocationChart, {
        allocation: modelAllocation('moderate'),
        locale: 'en-US',
        labels: { ...EN_LABELS, assets: { stocks: hostile, bonds: 'Bonds', cash: 'Cash' } },
      }),
    );
    expect(allocationHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    safe(allocationHtml);
  });

  it('renders the college chart with one bar per dependent and its assumptions', () => {
    const college = collegeCostProjection([
      { firstName: 'Ana', age: 15 },
      { firstName: 'NoAge' },
      { firstName: 'Leo', age: 17 },
    ]);
    const html = render(createElement(CollegeChart, { projection: college, locale: 'en-US', currency: 'USD' }));
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html).toContain('>Ana<');
    expect(html).toContain('>starts in 3 years<');
    expect(html).toContain('>starts next year<');
    expect(html).not.toContain('NoAge');
    expect(html).toContain(EN_LABELS.hypothetical);
    expect(html).toContain(
      'Assumptions: college costs $28,000 a year in today’s money, rising 5% a year; 4 years of college from age 18.',
    );
    safe(html);
    expect(
      render(createElement(CollegeChart, { projection: collegeCostProjection([]), locale: 'en-US', currency: 'USD' })),
    ).toBe('');
    const many = collegeCostProjection(Array.from({ length: 8 }, (_, i) => ({ firstName: `Kid ${i}`, age: i })));
    const capped = render(createElement(CollegeChart, { projection: many, locale: 'en-US', currency: 'USD' }));
    expect(capped.match(/<rect /g)).toHaveLength(5);
    expect(capped).toContain('>+3 more<');
  });

  it('renders the allocation donut with a legend that reads without colour', () => {
    const html = render(createElement(AllocationChart, { allocation: modelAllocation('aggressive'), locale: 'en-US' }));
    expect(html).toContain(
      '<title id="allocation-chart-title">A model allocation for a growth-oriented investor</title>',
    );
    expect(html.match(/<path /g)).toHaveLength(2); // no arc for 0 % cash
    for (const text of ['>Stocks<', '>Bonds<', '>Cash<', '>90%<', '>10%<', '>0%<']) expect(html).toContain(text);
    expect(html).toContain(EN_LABELS.allocationNotice);
    safe(html);
  });

  it('renders the same markup every time (pure: no ids or values from the environment)', () => {
    const el = () => createElement(RetirementChart, { projection, locale: 'en-US', currency: 'USD' });
    expect(render(el())).toBe(render(el()));
  });
});
