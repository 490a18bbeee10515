/**
 * The groups of inputs the simulator's views share, and how long a number of rebalances lasts: the path view
 * and the Monte Carlo run the same pool along the same seeded price model (docs/protocol.md §1.5).
 */
import type { SimulatorInputs } from './fieldRules.ts';

/** The pool being simulated, as the Pool card sets it. */
export type PoolModelInputs = Pick<
  SimulatorInputs,
  | 'leverage'
  | 'skew'
  | 'transfer'
  | 'annualFeePercent'
  | 'mintFeePercent'
  | 'burnFeePercent'
  | 'intervalSeconds'
>;

/** The seeded GBM price model: drift, volatility, how many rebalances, which paths. */
export type PriceModelInputs = Pick<
  SimulatorInputs,
  'driftPercent' | 'volatilityPercent' | 'horizon' | 'seed'
>;

const SECONDS_PER_DAY = 86_400;

/** Days spanned by `rebalances` rebalances of `intervalSeconds` each. */
export function rebalanceDays(rebalances: number, intervalSeconds: number): number {
  return (rebalances * intervalSeconds) / SECONDS_PER_DAY;
}
