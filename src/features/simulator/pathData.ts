/**
 * The path view's data (docs/protocol.md §1.5, volatility decay): one seeded GBM price path, both pool
 * sides rebalanced along it, and a position re-levered to L at every step for comparison, all from the engine.
 * The decay figure compares the path with the same total move taken in equal steps (same number of upkeeps
 * and fees, no back-and-forth), so what remains is the cost of the path's volatility.
 */
import { positionPath } from '../../engine/index.ts';
import { constantLeveragePath, gbmPrices } from '../../engine/simulate/pricePaths.ts';
import { payoffAt } from './chartData.ts';
import type { SimulatorInputs } from './fieldRules.ts';
import { simulationFees } from './simulationFees.ts';
import { type PoolModelInputs, type PriceModelInputs, rebalanceDays } from './simulationInputs.ts';

export interface PathRow {
  step: number;
  days: number;
  /** Price relative to the start (1 = unchanged). */
  priceRelative: number;
  /** In USD when a start price is known. */
  price: number | undefined;
  /** Pool sides under the pool's transfer function, after mint and burn fees. */
  poolLong: number;
  poolShort: number;
  /** Re-levered to L every step, no fees. */
  constantLong: number;
  constantShort: number;
}

export interface PathSummary {
  finalMovePercent: number;
  poolLong: number;
  poolShort: number;
  constantLong: number;
  constantShort: number;
  /** The same total move over the same number of upkeeps in equal steps: the path's volatility left out. */
  equalStepsLong: number;
  equalStepsShort: number;
}

export interface PathChartData {
  rows: PathRow[];
  /** Every `stride`-th rebalance is a row (plus the last), to keep long paths drawable. */
  stride: number;
  summary: PathSummary;
}

export type PathInputs = PoolModelInputs & PriceModelInputs & Pick<SimulatorInputs, 'price'>;

export const MAX_PATH_ROWS = 1000;

export function pathChartData(inputs: PathInputs, maxRows = MAX_PATH_ROWS): PathChartData {
  const fees = simulationFees(inputs);
  const prices = gbmPrices({
    seed: inputs.seed,
    steps: inputs.horizon,
    drift: inputs.driftPercent / 100,
    volatility: inputs.volatilityPercent / 100,
    stepYears: fees.stepYears,
  });
  const pool = positionPath(prices, {
    transfer: inputs.transfer,
    leverage: inputs.leverage,
    startSkew: inputs.skew,
    feePerStep: fees.feePerStep,
  });
  const constant = constantLeveragePath(prices, inputs.leverage);
  const factor = fees.entryExitFactor;

  const last = prices.length - 1;
  const stride = Math.max(1, Math.ceil(prices.length / maxRows));
  const indices: number[] = [];
  for (let i = 0; i < last; i += stride) indices.push(i);
  indices.push(last);
  const rows = indices.map(
    (i): PathRow => ({
      step: i,
      days: rebalanceDays(i, inputs.intervalSeconds),
      priceRelative: prices[i]!,
      price: inputs.price === undefined ? undefined : inputs.price * prices[i]!,
      poolLong: pool.long[i]! * factor,
      poolShort: pool.short[i]! * factor,
      constantLong: constant.long[i]!,
      constantShort: constant.short[i]!,
    }),
  );

  const finalMovePercent = (prices[last]! - 1) * 100;
  const equal = payoffAt({ ...inputs, rebalances: Math.max(1, inputs.horizon) }, finalMovePercent);
  return {
    rows,
    stride,
    summary: {
      finalMovePercent,
      poolLong: pool.long[last]! * factor,
      poolShort: pool.short[last]! * factor,
      constantLong: constant.long[last]!,
      constantShort: constant.short[last]!,
      equalStepsLong: equal[`${inputs.transfer}LongN`],
      equalStepsShort: equal[`${inputs.transfer}ShortN`],
    },
  };
}
