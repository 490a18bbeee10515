/**
 * Positions along a price path on the fast path (docs/protocol.md §1.4, §1.5). A position holds a fixed
 * share of its side's tokens, so its value moves with the side's balance; both sides are simulated together
 * because the skew, and with it each side's effective leverage, changes as the balances move.
 */
import { TRANSFER_STRATEGIES, type TransferStrategy } from '../transfer.ts';
import type { TransferKind } from '../types.ts';

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
 * Rebalances once per consecutive pair of prices. Pass `out` to reuse arrays across chart updates: nothing is
 * allocated then, and nothing is allocated inside the loop in any case.
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
      long *= keepAfterFee;
      short *= keepAfterFee;
      const move = Math.log(next / previous);
      const size = move < 0 ? -move : move;
      const m = strategy.lossFraction(leverage, size);
      const keep = strategy.keptFraction(leverage, size);
      if (move >= 0) {
        long += short * m;
        short *= keep;
      } else {
        short += long * m;
        long *= keep;
      }
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
  let long = startLong;
  let short = 1;
  const stepLog = Math.log1p(move) / steps;
  const size = stepLog < 0 ? -stepLog : stepLog;
  const m = strategy.lossFraction(leverage, size);
  const keep = strategy.keptFraction(leverage, size);
  for (let k = 0; k < steps; k++) {
    long *= keepAfterFee;
    short *= keepAfterFee;
    if (stepLog >= 0) {
      long += short * m;
      short *= keep;
    } else {
      short += long * m;
      long *= keep;
    }
  }
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
 * Volatility decay (§1.5, TV7): the price goes up by `move`, then back to where it was, `cycles` times. The pool's
 * sides end below their start although the price did not move; a constant-leverage product decays too, by a
 * different amount, which is the comparison users ask for.
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
    for (let leg = 0; leg < 2; leg++) {
      long *= keepAfterFee;
      short *= keepAfterFee;
      const longWins = leg === 0 ? upWinner : !upWinner;
      if (longWins) {
        long += short * m;
        short *= keep;
      } else {
        short += long * m;
        long *= keep;
      }
    }
    constantLong *= Math.max(0, 1 + leverage * move) * Math.max(0, 1 + leverage * down);
    constantShort *= Math.max(0, 1 - leverage * move) * Math.max(0, 1 - leverage * down);
    out.poolLong[c] = long / long0;
    out.poolShort[c] = short;
    out.constantLong[c] = constantLong;
    out.constantShort[c] = constantShort;
  }
  return out;
}
