/**
 * Seeded Monte Carlo of a pool under geometric Brownian motion (docs/protocol.md §1.4, §1.5): each path
 * rebalances once per step, with the skew evolving as the two sides' balances move, and reports the final value
 * of a long and a short position (each a fixed share of its side). Reproducible from the seed.
 */
import { TRANSFER_STRATEGIES } from '../transferStrategies.ts';
import type { TransferKind } from '../types.ts';
import { createPrng } from './prng.ts';

export interface MonteCarloOptions {
  seed: number;
  paths: number;
  /** Upkeeps per path. */
  steps: number;
  /** Annual drift and volatility of the underlying (fractions, e.g. 0.1 and 0.8). */
  drift: number;
  volatility: number;
  /** Years per step; default 1/365 (daily upkeeps). */
  stepYears?: number;
  transfer: TransferKind;
  leverage: number;
  /** long / short balance at the start; default 1. */
  startSkew?: number;
  /** Management fee per upkeep as a fraction; default 0. */
  feePerStep?: number;
  /** Losses to report probabilities for, as fractions (0.5 = losing more than 50%); default [0.1, 0.5, 0.9]. */
  lossThresholds?: readonly number[];
}

/** Quantile level → value of the position at the end, relative to its start. */
export type Quantiles = Record<'p01' | 'p05' | 'p25' | 'p50' | 'p75' | 'p95' | 'p99', number> & {
  mean: number;
};

export interface SideOutcome {
  quantiles: Quantiles;
  /** P(final value < 1 − threshold) for each threshold, same order as `lossThresholds`. */
  probabilityOfLossBeyond: number[];
}

export interface MonteCarloResult {
  long: SideOutcome;
  short: SideOutcome;
  lossThresholds: readonly number[];
  /** The underlying's own final price relative to its start, for reference. */
  underlying: Quantiles;
}

const LEVELS = [
  ['p01', 0.01],
  ['p05', 0.05],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p95', 0.95],
  ['p99', 0.99],
] as const;

/** Sorts in place and reads the quantiles (nearest rank on the sorted sample). */
function quantiles(values: Float64Array): Quantiles {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  values.sort();
  const last = values.length - 1;
  const out = { mean: sum / values.length } as Quantiles;
  for (const [name, level] of LEVELS) out[name] = values[Math.round(level * last)]!;
  return out;
}

function lossProbabilities(sorted: Float64Array, thresholds: readonly number[]): number[] {
  return thresholds.map((threshold) => {
    const bound = 1 - threshold;
    // Sorted ascending: count values strictly below the bound by binary search.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < bound) lo = mid + 1;
      else hi = mid;
    }
    return lo / sorted.length;
  });
}

export function monteCarlo(options: MonteCarloOptions): MonteCarloResult {
  const { paths, steps, leverage } = options;
  if (paths < 1 || steps < 1) throw new RangeError('need at least one path and one step');
  const dt = options.stepYears ?? 1 / 365;
  const meanLog = (options.drift - (options.volatility * options.volatility) / 2) * dt;
  const sdLog = options.volatility * Math.sqrt(dt);
  const keepAfterFee = 1 - (options.feePerStep ?? 0);
  const startLong = options.startSkew ?? 1;
  const thresholds = options.lossThresholds ?? [0.1, 0.5, 0.9];
  const strategy = TRANSFER_STRATEGIES[options.transfer];
  const rng = createPrng(options.seed);

  const finalLong = new Float64Array(paths);
  const finalShort = new Float64Array(paths);
  const finalPrice = new Float64Array(paths);
  for (let p = 0; p < paths; p++) {
    let long = startLong;
    let short = 1;
    let logPrice = 0;
    for (let s = 0; s < steps; s++) {
      const move = meanLog + sdLog * rng.nextNormal();
      logPrice += move;
      long *= keepAfterFee;
      short *= keepAfterFee;
      if (move >= 0) {
        const moved = short * strategy.lossFraction(leverage, move);
        long += moved;
        short -= moved;
      } else {
        const moved = long * strategy.lossFraction(leverage, -move);
        long -= moved;
        short += moved;
      }
    }
    finalLong[p] = long / startLong;
    finalShort[p] = short;
    finalPrice[p] = Math.exp(logPrice);
  }

  const longQuantiles = quantiles(finalLong);
  const shortQuantiles = quantiles(finalShort);
  return {
    long: { quantiles: longQuantiles, probabilityOfLossBeyond: lossProbabilities(finalLong, thresholds) },
    short: { quantiles: shortQuantiles, probabilityOfLossBeyond: lossProbabilities(finalShort, thresholds) },
    lossThresholds: thresholds,
    underlying: quantiles(finalPrice),
  };
}
