/**
 * Payoff curves (docs/protocol.md §1.3–§1.5): the value of a long and a short position against the
 * price move, after one upkeep and after N equal steps, for the sigmoid and power pools and for a traditional
 * leveraged perpetual (fixed position size: value 1 ± L·move, liquidated when that reaches 0).
 */
import { TRANSFER_STRATEGIES } from '../transferStrategies.ts';
import { rebalanceSteps } from './paths.ts';

export interface PayoffOptions {
  leverage: number;
  /** Number of price moves on the curve; default 400. */
  points?: number;
  /** Smallest and largest move as fractions; default −0.9 and +3 (−90% … +300%). */
  minMove?: number;
  maxMove?: number;
  /** Upkeeps the move is spread over for the "after N" curves (equal geometric steps); default 10. */
  steps?: number;
  /** long / short balance at the start; default 1. */
  startSkew?: number;
  /** Management fee per upkeep as a fraction; default 0. */
  feePerStep?: number;
}

export interface PoolPayoff {
  /** Position value multipliers (1 = unchanged) after one upkeep carrying the whole move. */
  longAfterOne: Float64Array;
  shortAfterOne: Float64Array;
  /** … and after the move spread over N upkeeps. */
  longAfterN: Float64Array;
  shortAfterN: Float64Array;
}

export interface PerpetualPayoff {
  long: Float64Array;
  short: Float64Array;
  /** The moves at which each side is wiped out: −1/L and +1/L. */
  longLiquidationMove: number;
  shortLiquidationMove: number;
}

export interface PayoffCurves {
  moves: Float64Array;
  steps: number;
  sigmoid: PoolPayoff;
  power: PoolPayoff;
  perpetual: PerpetualPayoff;
}

function poolPayoff(points: number): PoolPayoff {
  return {
    longAfterOne: new Float64Array(points),
    shortAfterOne: new Float64Array(points),
    longAfterN: new Float64Array(points),
    shortAfterN: new Float64Array(points),
  };
}

export function payoffCurves(options: PayoffOptions): PayoffCurves {
  const points = options.points ?? 400;
  const minMove = options.minMove ?? -0.9;
  const maxMove = options.maxMove ?? 3;
  const steps = options.steps ?? 10;
  const startSkew = options.startSkew ?? 1;
  const keepAfterFee = 1 - (options.feePerStep ?? 0);
  const leverage = options.leverage;
  if (points < 2) throw new RangeError('a curve needs at least 2 points');
  if (minMove <= -1) throw new RangeError('moves must stay above −100%');

  const moves = new Float64Array(points);
  const sigmoid = poolPayoff(points);
  const power = poolPayoff(points);
  const perpetual: PerpetualPayoff = {
    long: new Float64Array(points),
    short: new Float64Array(points),
    longLiquidationMove: -1 / leverage,
    shortLiquidationMove: 1 / leverage,
  };
  const scratch = new Float64Array(2);
  const models = [
    [TRANSFER_STRATEGIES.sigmoid, sigmoid],
    [TRANSFER_STRATEGIES.power, power],
  ] as const;

  for (let i = 0; i < points; i++) {
    const move = minMove + ((maxMove - minMove) * i) / (points - 1);
    moves[i] = move;
    for (const [strategy, curve] of models) {
      rebalanceSteps(strategy, leverage, startSkew, move, 1, keepAfterFee, scratch);
      curve.longAfterOne[i] = scratch[0]!;
      curve.shortAfterOne[i] = scratch[1]!;
      rebalanceSteps(strategy, leverage, startSkew, move, steps, keepAfterFee, scratch);
      curve.longAfterN[i] = scratch[0]!;
      curve.shortAfterN[i] = scratch[1]!;
    }
    perpetual.long[i] = Math.max(0, 1 + leverage * move);
    perpetual.short[i] = Math.max(0, 1 - leverage * move);
  }
  return { moves, steps, sigmoid, power, perpetual };
}
