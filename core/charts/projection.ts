// The retirement chart's numbers: a hypothetical projection of savings at three assumed
// returns, pure and labelled as an illustration by the slide that draws it.
import type { Intake } from '../intake/intake';

/**
 * A retirement projection is a hypothetical illustration (FINRA 2210, SEC marketing rule):
 * it comes with the assumptions that produced it, so no chart or summary can show the
 * numbers without them.
 */

/** Three assumed average annual returns, low to high: one line each on the chart. */
export type AssumedReturns = readonly [low: number, mid: number, high: number];

export const DEFAULT_RETURNS: AssumedReturns = [0.04, 0.06, 0.08];
export const DEFAULT_INFLATION = 0.025;
/** Retirement age used to derive the horizon when the prospect gave none. */
export const RETIREMENT_AGE = 65;
export const DEFAULT_YEARS = 20;

export interface RetirementProjectionInput {
  /** Invested today (year 0). */
  investableAssets: number;
  /** Added at the end of every month. */
  monthlySavings: number;
  /** Whole years to project, at least 1: see projectionYears(). */
  years: number;
  /** Average annual returns (nominal), low to high. Default 4 %, 6 %, 8 %. */
  returns?: AssumedReturns;
  /** Stated with the projection; the values themselves are nominal. Default 2.5 %. */
  inflation?: number;
}

export interface ProjectionAssumptions {
  investableAssets: number;
  monthlySavings: number;
  years: number;
  returns: AssumedReturns;
  inflation: number;
  /** The annual rate divided by 12, applied every month. */
  compounding: 'monthly';
  /** Savings go in at the end of each month (an ordinary annuity). */
  contributions: 'end-of-month';
}

export interface ProjectionPoint {
  /** 0 is today; n is the end of year n. */
  year: number;
  /** Nominal value at the end of the year, before fees and taxes. */
  value: number;
  /** The same value in today's money, deflated by the assumed inflation. */
  real: number;
}

export interface ProjectionLine {
  annualReturn: number;
  /** years + 1 points: today, then the end of each year. */
  points: ProjectionPoint[];
}

export interface RetirementProjection {
  /** Low, mid, high: in the order of `assumptions.returns`. */
  lines: [ProjectionLine, ProjectionLine, ProjectionLine];
  assumptions: ProjectionAssumptions;
}

function requireMoney(name: string, n: number): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${name} must be a finite amount of at least 0, got ${n}`);
}

function requireRate(name: string, r: number): void {
  // Rates are fractions: 0.06 is 6 %. Anything outside ±100 % is a unit mistake (6 for 6 %).
  if (!Number.isFinite(r) || r <= -1 || r >= 1)
    throw new RangeError(`${name} must be a fraction between -1 and 1 (0.06 for 6 %), got ${r}`);
}

/**
 * Future value after `months` months of monthly compounding at `annualReturn / 12`, starting
 * from `start` and adding `monthly` at the end of each month:
 * FV = P·(1+i)^n + PMT·((1+i)^n − 1)/i, or P + PMT·n when i = 0.
 */
export function futureValue(start: number, monthly: number, annualReturn: number, months: number): number {
  const i = annualReturn / 12;
  if (i === 0) return start + monthly * months;
  const growth = (1 + i) ** months;
  return start * growth + (monthly * (growth - 1)) / i;
}

/**
 * Year-by-year values of today's investable assets plus monthly savings at three assumed
 * returns. Pure: the same input always gives the same numbers.
 */
export function retirementProjection({
  investableAssets,
  monthlySavings,
  years,
  returns = DEFAULT_RETURNS,
  inflation = DEFAULT_INFLATION,
}: RetirementProjectionInput): RetirementProjection {
  requireMoney('investableAssets', investableAssets);
  requireMoney('monthlySavings', monthlySavings);
  if (!Number.isInteger(years) || years < 1 || years > 100)
    throw new RangeError(`years must be a whole number from 1 to 100, got ${years}`);
  if (returns.length !== 3) throw new RangeError(`returns must list three rates, low to high, got ${returns.length}`);
  returns.forEach((r, i) => requireRate(`returns[${i}]`, r));
  requireRate('inflation', inflation);
  const [low, mid, high] = returns;
  if (!(low <= mid && mid <= high)) throw new RangeError(`returns must go from low to high, got ${returns.join(', ')}`);

  const line = (annualReturn: number): ProjectionLine => ({
    annualReturn,
    points: Array.from({ length: years + 1 }, (_, year) => {
      const value = futureValue(investableAssets, monthlySavings, annualReturn, year * 12);
      return { year, value, real: value / (1 + inflation) ** year };
    }),
  });

  return {
    lines: [line(low), line(mid), line(high)],
    assumptions: {
      investableAssets,
      monthlySavings,
      years,
      returns: [low, mid, high],
      inflation,
      compounding: 'monthly',
      contributions: 'end-of-month',
    },
  };
}

/**
 * How many years to project for this prospect: their own time horizon when they gave one
 * (at least 1), else the years to age 65 kept within 5 to 40, else 20.
 */
export function projectionYears(intake: Pick<Intake, 'timeHorizonYears' | 'prospect'>): number {
  if (intake.timeHorizonYears !== undefined) return Math.max(1, intake.timeHorizonYears);
  const age = intake.prospect.age;
  if (age !== undefined) return Math.min(40, Math.max(5, RETIREMENT_AGE - age));
  return DEFAULT_YEARS;
}

/**
 * The projection for an intake, or undefined when the prospect gave neither investable assets
 * nor monthly savings (a chart of zeros says nothing).
 */
export function retirementProjectionFor(
  intake: Pick<Intake, 'timeHorizonYears' | 'prospect' | 'finances'>,
  options: Pick<RetirementProjectionInput, 'returns' | 'inflation'> = {},
): RetirementProjection | undefined {
  const { investableAssets, monthlySavings } = intake.finances;
  if (investableAssets === undefined && monthlySavings === undefined) return undefined;
  return retirementProjection({
    investableAssets: investableAssets ?? 0,
    monthlySavings: monthlySavings ?? 0,
    years: projectionYears(intake),
    ...options,
  });
}
