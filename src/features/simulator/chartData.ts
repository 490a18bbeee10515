/**
 * Pure builders from the simulator's inputs to chart rows, every figure computed by the engine
 * (docs/protocol.md §1.3–§1.5, §2): the payoff curves and the skew explorer. Values are position
 * multipliers (1 = unchanged); pool tokens include the mint and burn fees, the perpetual is a fee-free reference.
 */
import { effectiveLeverage, type PayoffCurves, payoffCurves, rebalancingRate } from '../../engine/index.ts';
import type { SimulatorInputs } from './fieldRules.ts';
import { plotRows } from './plotRows.ts';
import { simulationFees } from './simulationFees.ts';

export const PAYOFF_POINTS = 400;
export const MIN_MOVE = -0.9;
export const MAX_MOVE = 3;

export interface PayoffRow {
  /** Price move in percent (−90 … +300). */
  movePercent: number;
  /** The asset's price after the move, when a start price is known. */
  price: number | undefined;
  sigmoidLongOne: number;
  sigmoidShortOne: number;
  sigmoidLongN: number;
  sigmoidShortN: number;
  powerLongOne: number;
  powerShortOne: number;
  powerLongN: number;
  powerShortN: number;
  perpetualLong: number;
  perpetualShort: number;
}

export interface PayoffChartData {
  rows: PayoffRow[];
  /** The rows the chart draws: those of `rows` it needs to draw the same lines (plotRows.ts). */
  plotRows: PayoffRow[];
  /** N of the "after N" curves. */
  steps: number;
  /** Moves (percent) at which a traditional perpetual's long and short are wiped out: −100/L and +100/L. */
  liquidationPercent: { long: number; short: number };
}

type PayoffInputs = Pick<
  SimulatorInputs,
  | 'leverage'
  | 'skew'
  | 'rebalances'
  | 'annualFeePercent'
  | 'mintFeePercent'
  | 'burnFeePercent'
  | 'intervalSeconds'
  | 'price'
>;

function curves(inputs: PayoffInputs, points: number, minMove: number, maxMove: number) {
  const fees = simulationFees(inputs);
  const engine = payoffCurves({
    leverage: inputs.leverage,
    points,
    minMove,
    maxMove,
    steps: inputs.rebalances,
    startSkew: inputs.skew,
    feePerStep: fees.feePerStep,
  });
  return { engine, factor: fees.entryExitFactor };
}

/** The payoff row's curves: every line the chart may draw. */
export const PAYOFF_KEYS = [
  'sigmoidLongOne',
  'sigmoidShortOne',
  'sigmoidLongN',
  'sigmoidShortN',
  'powerLongOne',
  'powerShortOne',
  'powerLongN',
  'powerShortN',
  'perpetualLong',
  'perpetualShort',
] as const satisfies readonly (keyof PayoffRow)[];

const PAYOFF_VALUES: ReadonlyArray<(row: PayoffRow) => number> = PAYOFF_KEYS.map(
  (key) => (row: PayoffRow) => row[key],
);

function rowOf(curves: PayoffCurves, factor: number, i: number, startPrice: number | undefined): PayoffRow {
  const { sigmoid, power, perpetual } = curves;
  const move = curves.moves[i]!;
  return {
    movePercent: move * 100,
    price: startPrice === undefined ? undefined : startPrice * (1 + move),
    sigmoidLongOne: sigmoid.longAfterOne[i]! * factor,
    sigmoidShortOne: sigmoid.shortAfterOne[i]! * factor,
    sigmoidLongN: sigmoid.longAfterN[i]! * factor,
    sigmoidShortN: sigmoid.shortAfterN[i]! * factor,
    powerLongOne: power.longAfterOne[i]! * factor,
    powerShortOne: power.shortAfterOne[i]! * factor,
    powerLongN: power.longAfterN[i]! * factor,
    powerShortN: power.shortAfterN[i]! * factor,
    perpetualLong: perpetual.long[i]!,
    perpetualShort: perpetual.short[i]!,
  };
}

/** The payoff chart: 400 moves from −90% to +300%, both sides, three models, after 1 and after N rebalances. */
export function payoffChartData(inputs: PayoffInputs, points = PAYOFF_POINTS): PayoffChartData {
  const { engine, factor } = curves(inputs, points, MIN_MOVE, MAX_MOVE);
  const rows: PayoffRow[] = new Array(points);
  for (let i = 0; i < points; i++) rows[i] = rowOf(engine, factor, i, inputs.price);
  return {
    rows,
    plotRows: plotRows(rows, (row) => row.movePercent, PAYOFF_VALUES),
    steps: engine.steps,
    liquidationPercent: {
      long: engine.perpetual.longLiquidationMove * 100,
      short: engine.perpetual.shortLiquidationMove * 100,
    },
  };
}

/** The same figures at one chosen move (the read-out under the chart), through the same engine call. */
export function payoffAt(inputs: PayoffInputs, movePercent: number): PayoffRow {
  const move = movePercent / 100;
  // A "curve" of two identical points: the engine's builder needs two, and this keeps one code path.
  const { engine, factor } = curves(inputs, 2, move, move);
  return { ...rowOf(engine, factor, 0, inputs.price), movePercent };
}

export interface SkewRow {
  skew: number;
  /** Rebalancing rate, skew − 1, in percent. */
  ratePercent: number;
  longGain: number;
  longLoss: number;
  shortGain: number;
  shortLoss: number;
}

/** Balances standing for a skew: the engine's metrics take the pool's raw balances. */
const SKEW_SCALE = 1e12;

/** Each side's effective gain and loss leverage (for small moves) at one skew, as the pools list shows them. */
export function skewFigures(skew: number, leverage: number): SkewRow {
  const longBalance = BigInt(Math.round(skew * SKEW_SCALE));
  const shortBalance = BigInt(SKEW_SCALE);
  const effective = effectiveLeverage(longBalance, shortBalance, leverage);
  // Balances are positive here, so the engine's "empty side" answers (undefined) cannot occur; 0 stands in.
  return {
    skew,
    ratePercent: (rebalancingRate(longBalance, shortBalance) ?? 0) * 100,
    longGain: effective.longGain ?? 0,
    longLoss: effective.longLoss,
    shortGain: effective.shortGain ?? 0,
    shortLoss: effective.shortLoss,
  };
}

export const SKEW_POINTS = 121;

/**
 * The skew explorer's range: geometric from ¼ to 4 (balanced in the middle), widened to hold the chosen skew
 * with room on both sides; the chosen skew is one of the rows, so the chart and the figures agree.
 */
export function skewChartData(skew: number, leverage: number, points = SKEW_POINTS): SkewRow[] {
  const low = Math.min(0.25, skew / 2);
  const high = Math.max(4, skew * 2);
  const ratio = high / low;
  const skews: number[] = [];
  for (let i = 0; i < points; i++) skews.push(low * ratio ** (i / (points - 1)));
  if (!skews.includes(skew)) skews.push(skew);
  skews.sort((a, b) => a - b);
  return skews.map((s) => skewFigures(s, leverage));
}
