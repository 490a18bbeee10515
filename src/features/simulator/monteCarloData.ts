/**
 * The Monte Carlo panel's data (docs/protocol.md §1.4, §1.5, §2): the engine's seeded `monteCarlo`,
 * run at a few checkpoints up to the horizon to draw a quantile fan, then scaled by the mint and burn fees a
 * position pays on the way in and out. Each checkpoint is its own sample of paths (same seed), so the fan shows
 * the distribution at each time, not individual paths.
 */
import type { MonteCarloOptions, MonteCarloResult, Quantiles } from '../../engine/index.ts';
import type { SimulatorInputs } from './fieldRules.ts';
import { simulationFees } from './simulationFees.ts';
import { type PoolModelInputs, type PriceModelInputs, rebalanceDays } from './simulationInputs.ts';

export type MonteCarloInputs = PoolModelInputs &
  PriceModelInputs &
  Pick<SimulatorInputs, 'paths' | 'lossPercent'>;

/** Points of the fan after the start; the work is about (n + 1) / 2 runs of the full horizon. */
export const FAN_CHECKPOINTS = 6;

/**
 * The loss threshold the engine should count against, so that a position that also paid the entry and exit
 * fees (value × factor) is counted when it lost more than `lossPercent`: value · factor < 1 − t.
 */
function engineThreshold(lossPercent: number, entryExitFactor: number): number {
  return 1 - (1 - lossPercent / 100) / entryExitFactor;
}

/** The engine calls behind one panel, ascending in steps; the last one is the full horizon. */
export function monteCarloRuns(inputs: MonteCarloInputs): MonteCarloOptions[] {
  const fees = simulationFees(inputs);
  const steps = new Set<number>();
  for (let k = 1; k <= FAN_CHECKPOINTS; k++) {
    steps.add(Math.max(1, Math.round((inputs.horizon * k) / FAN_CHECKPOINTS)));
  }
  return [...steps].map((s) => ({
    seed: inputs.seed,
    paths: inputs.paths,
    steps: s,
    drift: inputs.driftPercent / 100,
    volatility: inputs.volatilityPercent / 100,
    stepYears: fees.stepYears,
    transfer: inputs.transfer,
    leverage: inputs.leverage,
    startSkew: inputs.skew,
    feePerStep: fees.feePerStep,
    lossThresholds: [engineThreshold(inputs.lossPercent, fees.entryExitFactor)],
  }));
}

export interface FanRow {
  step: number;
  days: number;
  /** [p05, p95] and [p25, p75] of each side's value, and the median. */
  long90: [number, number];
  long50: [number, number];
  longMedian: number;
  short90: [number, number];
  short50: [number, number];
  shortMedian: number;
}

export interface MonteCarloView {
  fan: FanRow[];
  /** Distribution at the horizon: position values after fees, the underlying's price relative to its start. */
  long: Quantiles;
  short: Quantiles;
  underlying: Quantiles;
  lossPercent: number;
  /** P(losing more than lossPercent) at the horizon, fees included. */
  longLossProbability: number;
  shortLossProbability: number;
  paths: number;
  horizon: number;
}

function scaled(q: Quantiles, factor: number): Quantiles {
  return {
    p01: q.p01 * factor,
    p05: q.p05 * factor,
    p25: q.p25 * factor,
    p50: q.p50 * factor,
    p75: q.p75 * factor,
    p95: q.p95 * factor,
    p99: q.p99 * factor,
    mean: q.mean * factor,
  };
}

/** The engine's results for `monteCarloRuns(inputs)` → the panel's rows and figures. */
export function monteCarloView(
  inputs: MonteCarloInputs,
  results: readonly MonteCarloResult[],
): MonteCarloView {
  const runs = monteCarloRuns(inputs);
  const final = results[results.length - 1];
  if (!final || results.length !== runs.length)
    throw new Error('one Monte Carlo result per checkpoint expected');
  const { entryExitFactor: factor } = simulationFees(inputs);
  const start: FanRow = {
    step: 0,
    days: 0,
    long90: [factor, factor],
    long50: [factor, factor],
    longMedian: factor,
    short90: [factor, factor],
    short50: [factor, factor],
    shortMedian: factor,
  };
  const fan = results.map((result, i): FanRow => {
    const step = runs[i]!.steps;
    const long = scaled(result.long.quantiles, factor);
    const short = scaled(result.short.quantiles, factor);
    return {
      step,
      days: rebalanceDays(step, inputs.intervalSeconds),
      long90: [long.p05, long.p95],
      long50: [long.p25, long.p75],
      longMedian: long.p50,
      short90: [short.p05, short.p95],
      short50: [short.p25, short.p75],
      shortMedian: short.p50,
    };
  });
  return {
    fan: [start, ...fan],
    long: scaled(final.long.quantiles, factor),
    short: scaled(final.short.quantiles, factor),
    underlying: final.underlying,
    lossPercent: inputs.lossPercent,
    longLossProbability: final.long.probabilityOfLossBeyond[0] ?? 0,
    shortLossProbability: final.short.probabilityOfLossBeyond[0] ?? 0,
    paths: inputs.paths,
    horizon: inputs.horizon,
  };
}
