// The model allocation chart's numbers: an illustrative mix by risk tolerance, not advice.
import type { RiskTolerance } from '../intake/intake';

/**
 * A model allocation per risk tolerance: an illustration of what the tolerance means, not a
 * recommendation. Stocks rise and bonds and cash fall (never rise) as tolerance grows.
 */

export const ASSET_CLASSES = ['stocks', 'bonds', 'cash'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

export interface AllocationSlice {
  asset: AssetClass;
  /** Whole percent; the slices of one allocation sum to exactly 100. */
  percent: number;
}

export interface ModelAllocation {
  riskTolerance: RiskTolerance;
  /** Stocks, bonds, cash, in that order; a 0 % slice is kept so legends stay comparable. */
  slices: AllocationSlice[];
}

const MODELS: Record<RiskTolerance, readonly [stocks: number, bonds: number, cash: number]> = {
  conservative: [20, 60, 20],
  'moderately-conservative': [40, 50, 10],
  moderate: [60, 35, 5],
  'moderately-aggressive': [75, 20, 5],
  aggressive: [90, 10, 0],
};

export function modelAllocation(riskTolerance: RiskTolerance): ModelAllocation {
  const model = MODELS[riskTolerance];
  return { riskTolerance, slices: ASSET_CLASSES.map((asset, i) => ({ asset, percent: model[i] ?? 0 })) };
}
