/**
 * Price paths to simulate a pool along, and the reference position a pool is compared with
 * (docs/protocol.md §1.5, volatility decay). The GBM uses the same log-step as `monteCarlo`, so a path
 * drawn here is one of the kind the Monte Carlo averages over.
 */
import { createPrng } from './prng.ts';

export interface GbmOptions {
  seed: number;
  /** Upkeeps: the path has steps + 1 prices. */
  steps: number;
  /** Annual drift and volatility of the underlying (fractions, e.g. 0.1 and 0.8). */
  drift: number;
  volatility: number;
  /** Years per step; default 1/365 (daily upkeeps). */
  stepYears?: number;
  /** Price at index 0; default 1. */
  startPrice?: number;
}

/** A seeded geometric Brownian motion: log-steps of mean (μ − σ²/2)·dt and deviation σ·√dt. */
export function gbmPrices(options: GbmOptions): Float64Array {
  const { steps } = options;
  if (!(steps >= 0) || !Number.isInteger(steps)) throw new RangeError('steps must be a whole number ≥ 0');
  const dt = options.stepYears ?? 1 / 365;
  const meanLog = (options.drift - (options.volatility * options.volatility) / 2) * dt;
  const sdLog = options.volatility * Math.sqrt(dt);
  const rng = createPrng(options.seed);
  const prices = new Float64Array(steps + 1);
  let logPrice = Math.log(options.startPrice ?? 1);
  prices[0] = Math.exp(logPrice);
  for (let i = 1; i <= steps; i++) {
    logPrice += meanLog + sdLog * rng.nextNormal();
    prices[i] = Math.exp(logPrice);
  }
  return prices;
}

export interface ConstantLeverageValues {
  /** Value relative to the start (1 at index 0), one entry per price. */
  long: Float64Array;
  short: Float64Array;
}

/**
 * A position re-levered to L at every step (a leveraged-ETF-like product): value × (1 ± L · step return),
 * floored at 0 and absorbed there. It decays in a choppy market too, by a different amount than a pool side,
 * which is the comparison users ask for. No fees: it is a reference, not a product.
 */
export function constantLeveragePath(prices: ArrayLike<number>, leverage: number): ConstantLeverageValues {
  const n = prices.length;
  const long = new Float64Array(n);
  const short = new Float64Array(n);
  if (n === 0) return { long, short };
  let longValue = 1;
  let shortValue = 1;
  long[0] = 1;
  short[0] = 1;
  for (let i = 1; i < n; i++) {
    const previous = prices[i - 1]!;
    const next = prices[i]!;
    if (previous > 0 && next > 0) {
      const stepReturn = next / previous - 1;
      longValue *= Math.max(0, 1 + leverage * stepReturn);
      shortValue *= Math.max(0, 1 - leverage * stepReturn);
    }
    long[i] = longValue;
    short[i] = shortValue;
  }
  return { long, short };
}
