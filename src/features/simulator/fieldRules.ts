/**
 * The simulator's numeric inputs, one rule each: its name in the link, its label, its default and the checks
 * a typed value must pass, each failure being one sentence for the field (read by numberRule.ts).
 */
import type { Side, TransferKind } from '../../engine/types.ts';
import { checkRule, type NumberCheck, type NumberRule } from './numberRule.ts';

/** The side the simulator shows, or both at once. */
export type SideChoice = Side | 'both';
export type PayoffModel = 'sigmoid' | 'power' | 'perpetual';

export const PAYOFF_MODELS: readonly PayoffModel[] = ['sigmoid', 'power', 'perpetual'];
export const SIDES: readonly SideChoice[] = ['long', 'short', 'both'];
export const TRANSFERS: readonly TransferKind[] = ['sigmoid', 'power'];

/** The numbers the simulations run on, always valid together. Percentages say so in their name. */
export interface SimulatorInputs {
  leverage: number;
  skew: number;
  mintFeePercent: number;
  burnFeePercent: number;
  annualFeePercent: number;
  /** Asset price in USD, only to label moves in dollars. */
  price: number | undefined;
  /** Seconds between rebalances (the pool's update interval). */
  intervalSeconds: number;
  /** N of the "after N rebalances" curves. */
  rebalances: number;
  /** The price move the payoff read-out is given at. */
  movePercent: number;
  driftPercent: number;
  volatilityPercent: number;
  /** Rebalances simulated along a path and in the Monte Carlo. */
  horizon: number;
  seed: number;
  paths: number;
  lossPercent: number;
  transfer: TransferKind;
  side: SideChoice;
  models: readonly PayoffModel[];
}

export type NumberField = Exclude<keyof SimulatorInputs, 'transfer' | 'side' | 'models'>;

/** Monte Carlo work is paths × horizon rebalances; above this a run takes seconds even off the main thread. */
export const MAX_PATH_STEPS = 20_000_000;

export const NUMBER_RULES: Record<NumberField, NumberRule> = {
  leverage: {
    name: 'leverage',
    param: 'leverage',
    label: 'Leverage',
    fallback: '3',
    example: '3',
    integer: true,
    checks: [
      [(v) => v >= 1, 'Leverage must be at least 1x.'],
      [(v) => v <= 10, 'Leverage above 10x is outside what this simulator covers.'],
    ],
  },
  skew: {
    name: 'skew',
    param: 'skew',
    label: 'Skew (long ÷ short)',
    fallback: '1',
    example: '1.1',
    checks: [
      [(v) => v > 0, 'The skew must be above 0: it is the long balance divided by the short balance.'],
      [(v) => v <= 1000, 'A skew above 1,000 means one side is all but empty; enter at most 1000.'],
    ],
  },
  mintFeePercent: {
    name: 'mint fee',
    param: 'mintFee',
    label: 'Mint fee (%)',
    fallback: '0',
    example: '0.5',
    nonNegative: true,
    checks: [[(v) => v < 100, 'A mint fee of 100% or more would leave nothing to mint.']],
  },
  burnFeePercent: {
    name: 'burn fee',
    param: 'burnFee',
    label: 'Burn fee (%)',
    fallback: '0',
    example: '0.5',
    nonNegative: true,
    checks: [[(v) => v < 10, 'The burn fee must be below 10%, the most a V2 pool allows.']],
  },
  annualFeePercent: {
    name: 'management fee',
    param: 'annualFee',
    label: 'Management fee (% a year)',
    fallback: '2',
    example: '2',
    nonNegative: true,
    checks: [[(v) => v <= 10, 'The pool factory caps the management fee at 10% a year.']],
  },
  price: {
    name: 'asset price',
    param: 'price',
    label: 'Asset price (USD, optional)',
    fallback: '',
    example: '65000',
    optional: true,
    checks: [[(v) => v > 0, 'The price must be above 0 (or leave it empty).']],
  },
  intervalSeconds: {
    name: 'rebalance interval',
    param: 'interval',
    label: 'Rebalance every (seconds)',
    fallback: '3600',
    example: '3600',
    integer: true,
    checks: [
      [(v) => v >= 1, 'The interval must be at least 1 second.'],
      [(v) => v <= 604_800, 'The interval must be at most a week (604800 s).'],
    ],
  },
  rebalances: {
    name: 'number of rebalances',
    param: 'rebalances',
    label: 'Rebalances N',
    fallback: '24',
    example: '24',
    integer: true,
    checks: [
      [(v) => v >= 1, 'N must be at least 1.'],
      [(v) => v <= 10_000, 'N must be at most 10,000.'],
    ],
  },
  movePercent: {
    name: 'price move',
    param: 'move',
    label: 'Read-out at price move (%)',
    fallback: '10',
    example: '10',
    checks: [
      [(v) => v > -100, 'The move must be above −100%: a price cannot fall to zero.'],
      [(v) => v <= 1000, 'The move must be at most +1000%.'],
    ],
  },
  driftPercent: {
    name: 'drift',
    param: 'drift',
    label: 'Drift (% a year)',
    fallback: '0',
    example: '10',
    checks: [[(v) => v >= -500 && v <= 500, 'The drift must be between −500% and +500% a year.']],
  },
  volatilityPercent: {
    name: 'volatility',
    param: 'vol',
    label: 'Volatility (% a year)',
    fallback: '80',
    example: '80',
    nonNegative: true,
    checks: [[(v) => v <= 500, 'A volatility above 500% a year is outside what this simulator covers.']],
  },
  horizon: {
    name: 'horizon',
    param: 'horizon',
    label: 'Horizon (rebalances)',
    fallback: '720',
    example: '720',
    integer: true,
    checks: [
      [(v) => v >= 1, 'The horizon must be at least 1 rebalance.'],
      [(v) => v <= 8760, 'The horizon must be at most 8,760 rebalances (a year of hourly ones).'],
    ],
  },
  seed: {
    name: 'seed',
    param: 'seed',
    label: 'Seed',
    fallback: '1',
    example: '42',
    integer: true,
    nonNegative: true,
    checks: [[(v) => v <= 4_294_967_295, 'The seed must fit in 32 bits (at most 4294967295).']],
  },
  paths: {
    name: 'number of paths',
    param: 'paths',
    label: 'Monte Carlo paths',
    fallback: '2000',
    example: '2000',
    integer: true,
    checks: [
      [(v) => v >= 100, 'Use at least 100 paths, or the quantiles mean little.'],
      [(v) => v <= 20_000, 'Use at most 20,000 paths.'],
    ],
  },
  lossPercent: {
    name: 'loss threshold',
    param: 'loss',
    label: 'Loss threshold (%)',
    fallback: '50',
    example: '50',
    checks: [
      [(v) => v > 0, 'The loss threshold must be above 0%.'],
      [(v) => v < 100, 'The loss threshold must be below 100%: a position cannot lose more than everything.'],
    ],
  },
};

export const NUMBER_FIELDS = Object.keys(NUMBER_RULES) as NumberField[];

/** One field's text → its value or one sentence (numberRule.ts). */
export function checkNumber(field: NumberField, text: string): NumberCheck {
  return checkRule(NUMBER_RULES[field], text);
}
