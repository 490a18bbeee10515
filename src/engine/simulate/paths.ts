/**
 * Positions along a price path on the fast path (docs/protocol.md §1.4, §1.5). A position holds a fixed
 * share of its side's tokens, so its value moves with the side's balance; both sides are simulated together
 * because the skew, and with it each side's effective leverage, changes as the balances move.
 */
import { TRANSFER_STRATEGIES, type TransferStrategy } from '../transferStrategies.ts';
import type { TransferKind } from '../types.ts';
import { rebalanceStep } from './rebalance.ts';

export interface PoolModel {
  transfer: TransferKind;
  leverage: number;
  /** long / short balance at the start (1 = balanced). */
  startSkew?: number;
  /** Management fee per upkeep as a fraction. */
  feePerStep?: number;
}

export interface PathValues {
  /** Value of a long position relative to its start (1 at index 0), one entry per price. */
  long: Float64Array;
  short: Float64Array;
  /** long / short balance after each step. */
  skew: Float64Array;
}

/**
 * Rebalances once per consecutive pair of prices. Pass `out` to reuse arrays across chart updates: no array is
 * allocated then.
 */
export function positionPath(prices: ArrayLike<number>, model: PoolModel, out?: PathValues): PathValues {
  const n = prices.length;
  const result = out ?? { long: new Float64Array(n), short: new Float64Array(n), skew: new Float64Array(n) };
  if (result.long.length < n || result.short.length < n || result.skew.length < n) {
    throw new RangeError('output arrays are shorter than the price path');
  }
  const strategy = TRANSFER_STRATEGIES[model.transfer];
  const leverage = model.leverage;
  const keepAfterFee = 1 - (model.feePerStep ?? 0);
  const long0 = model.startSkew ?? 1;
  let long = long0;
  let short = 1;
  if (n === 0) return result;
  result.long[0] = 1;
  result.short[0] = 1;
  result.skew[0] = long / short;
  for (let i = 1; i < n; i++) {
    const previous = prices[i - 1]!;
    const next = prices[i]!;
    if (previous > 0 && next > 0) {
      const move = Math.log(next / previous);
      const size = move < 0 ? -move : move;
      const m = strategy.lossFraction(leverage, size);
      const keep = strategy.keptFraction(leverage, size);
      ({ long, short } = rebalanceStep(long, short, keepAfterFee, move >= 0, m, keep));
    }
    result.long[i] = long / long0;
    result.short[i] = short;
    result.skew[i] = long / short;
  }
  return result;
}

/**
 * Both sides after `steps` equal geometric steps of a total move (price × (1 + move)), starting from balances
 * (startLong, 1): the core of the payoff curves. Returns the long and short position multipliers via `out`.
 */
export function rebalanceSteps(
  strategy: TransferStrategy,
  leverage: number,
  startLong: number,
  move: number,
  steps: number,
  keepAfterFee: number,
  out: Float64Array,
): void {
  const stepLog = Math.log1p(move) / steps;
  const size = stepLog < 0 ? -stepLog : stepLog;
  const m = strategy.lossFraction(leverage, size);
  const keep = strategy.keptFraction(leverage, size);
  let long = startLong;
  let short = 1;
  for (let k = 0; k < steps; k++)
    ({ long, short } = rebalanceStep(long, short, keepAfterFee, stepLog >= 0, m, keep));
  out[0] = long / startLong;
  out[1] = short;
}

export interface VolatilityDecay {
  /** Values after each complete up-then-down cycle (index 0 = start), relative to the start. */
  poolLong: Float64Array;
  poolShort: Float64Array;
  /** A constant-leverage position rebalanced every step: value × (1 ± L · step return). */
  constantLong: Float64Array;
  constantShort: Float64Array;
}

/**
 * Volatility decay (§1.5, §5 TV7): the price goes up by `move`, then back to where it was, `cycles` times. The
 * pool's sides end below their start although the price did not move; a constant-leverage product decays too,
 * by a different amount, which is the comparison users ask for.
 */
export function volatilityDecay(model: PoolModel, move: number, cycles: number): VolatilityDecay {
  const strategy = TRANSFER_STRATEGIES[model.transfer];
  const leverage = model.leverage;
  const keepAfterFee = 1 - (model.feePerStep ?? 0);
  const long0 = model.startSkew ?? 1;
  const out = {
    poolLong: new Float64Array(cycles + 1),
    poolShort: new Float64Array(cycles + 1),
    constantLong: new Float64Array(cycles + 1),
    constantShort: new Float64Array(cycles + 1),
  };
  const logMove = Math.abs(Math.log1p(move));
  const m = strategy.lossFraction(leverage, logMove);
  const keep = strategy.keptFraction(leverage, logMove);
  const down = -move / (1 + move); // the return that brings the price back
  let long = long0;
  let short = 1;
  let constantLong = 1;
  let constantShort = 1;
  out.poolLong[0] = 1;
  out.poolShort[0] = 1;
  out.constantLong[0] = 1;
  out.constantShort[0] = 1;
  const upWinner = move >= 0;
  for (let c = 1; c <= cycles; c++) {
    // Up, then down: the side that wins the first leg loses the second.
    ({ long, short } = rebalanceStep(long, short, keepAfterFee, upWinner, m, keep));
    ({ long, short } = rebalanceStep(long, short, keepAfterFee, !upWinner, m, keep));
    constantLong *= Math.max(0, 1 + leverage * move) * Math.max(0, 1 + leverage * down);
    constantShort *= Math.max(0, 1 - leverage * move) * Math.max(0, 1 - leverage * down);
    out.poolLong[c] = long / long0;
    out.poolShort[c] = short;
    out.constantLong[c] = constantLong;
    out.constantShort[c] = constantShort;
  }
  return out;
}
