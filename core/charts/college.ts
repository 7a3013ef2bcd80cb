// The college chart's numbers: a hypothetical projection of college costs in future money.
import type { Intake } from '../intake/intake';

/**
 * College costs per dependent, in future money: a hypothetical illustration stated with its
 * assumptions (today's annual cost, how fast it rises, when and how long college lasts).
 */

export type Dependent = NonNullable<Intake['prospect']['dependents']>[number];

export interface CollegeOptions {
  /** Tuition, fees, room and board for one year, in today's money. Default 28,000. */
  annualCostToday?: number;
  /** How fast that cost rises each year. Default 5 %. */
  costInflation?: number;
  /** Age at which college starts. Default 18. */
  startAge?: number;
  /** Years of college. Default 4. */
  years?: number;
}

export type CollegeAssumptions = Required<CollegeOptions>;

export interface CollegeCost {
  firstName: string;
  age: number;
  /** 0 when college has started or starts this year. */
  yearsUntilCollege: number;
  /** Years of college still to pay: `years`, fewer for a dependent already in college. */
  collegeYears: number;
  /** The cost of each of those years, in the money of the year it is paid. */
  annualCosts: number[];
  /** Their sum: the projected cost of college in future money. */
  total: number;
}

export interface CollegeProjection {
  /** Dependents with an age, still before or in college, in the order given. */
  dependents: CollegeCost[];
  assumptions: CollegeAssumptions;
}

export const DEFAULT_COLLEGE: CollegeAssumptions = {
  annualCostToday: 28_000,
  costInflation: 0.05,
  startAge: 18,
  years: 4,
};

/**
 * Projects each dependent's college cost. A dependent without an age, or older than the end of
 * college (22 by default), is left out. Ages are whole years, so someone at the last age (22)
 * may still be in their final year: at least one year is counted for them.
 */
export function collegeCostProjection(
  dependents: readonly Dependent[],
  options: CollegeOptions = {},
): CollegeProjection {
  const assumptions: CollegeAssumptions = { ...DEFAULT_COLLEGE, ...stripUndefined(options) };
  const { annualCostToday, costInflation, startAge, years } = assumptions;
  if (!Number.isFinite(annualCostToday) || annualCostToday < 0)
    throw new RangeError(`annualCostToday must be at least 0, got ${annualCostToday}`);
  if (!Number.isFinite(costInflation) || costInflation <= -1 || costInflation >= 1)
    throw new RangeError(`costInflation must be a fraction between -1 and 1, got ${costInflation}`);
  if (!Number.isInteger(startAge) || startAge < 0)
    throw new RangeError(`startAge must be a whole number of years, got ${startAge}`);
  if (!Number.isInteger(years) || years < 1)
    throw new RangeError(`years must be a whole number of at least 1, got ${years}`);

  const lastAge = startAge + years;
  const out: CollegeCost[] = [];
  for (const d of dependents) {
    if (d.age === undefined || d.age > lastAge) continue;
    const yearsUntilCollege = Math.max(0, startAge - d.age);
    const collegeYears = Math.max(1, Math.min(years, lastAge - d.age));
    const annualCosts = Array.from(
      { length: collegeYears },
      (_, k) => annualCostToday * (1 + costInflation) ** (yearsUntilCollege + k),
    );
    out.push({
      firstName: d.firstName,
      age: d.age,
      yearsUntilCollege,
      collegeYears,
      annualCosts,
      total: annualCosts.reduce((sum, c) => sum + c, 0),
    });
  }
  return { dependents: out, assumptions };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
