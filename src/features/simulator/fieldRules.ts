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

/** How a field reads its number beyond "a number": whole, never negative, both, or empty allowed. */
type Reading = 'decimal' | 'integer' | 'nonNegative' | 'natural' | 'optional';

type FieldRow = [
  param: string,
  label: string,
  name: string,
  fallback: string,
  example: string,
  reading: Reading,
];

/** Each field's link name, label, name in sentences, default and example (NumberRule), in the form's order. */
const FIELD_ROWS: Record<NumberField, FieldRow> = {
  leverage: ['leverage', 'Leverage', 'leverage', '3', '3', 'integer'],
  skew: ['skew', 'Skew (long ÷ short)', 'skew', '1', '1.1', 'decimal'],
  mintFeePercent: ['mintFee', 'Mint fee (%)', 'mint fee', '0', '0.5', 'nonNegative'],
  burnFeePercent: ['burnFee', 'Burn fee (%)', 'burn fee', '0', '0.5', 'nonNegative'],
  annualFeePercent: ['annualFee', 'Management fee (% a year)', 'management fee', '2', '2', 'nonNegative'],
  price: ['price', 'Asset price (USD, optional)', 'asset price', '', '65000', 'optional'],
  intervalSeconds: ['interval', 'Rebalance every (seconds)', 'rebalance interval', '3600', '3600', 'integer'],
  rebalances: ['rebalances', 'Rebalances N', 'number of rebalances', '24', '24', 'integer'],
  movePercent: ['move', 'Read-out at price move (%)', 'price move', '10', '10', 'decimal'],
  driftPercent: ['drift', 'Drift (% a year)', 'drift', '0', '10', 'decimal'],
  volatilityPercent: ['vol', 'Volatility (% a year)', 'volatility', '80', '80', 'nonNegative'],
  horizon: ['horizon', 'Horizon (rebalances)', 'horizon', '720', '720', 'integer'],
  seed: ['seed', 'Seed', 'seed', '1', '42', 'natural'],
  paths: ['paths', 'Monte Carlo paths', 'number of paths', '2000', '2000', 'integer'],
  lossPercent: ['loss', 'Loss threshold (%)', 'loss threshold', '50', '50', 'decimal'],
};

type Check = NumberRule['checks'][number];
const atLeast = (min: number, message: string): Check => [(v) => v >= min, message];
const above = (min: number, message: string): Check => [(v) => v > min, message];
const atMost = (max: number, message: string): Check => [(v) => v <= max, message];
const below = (max: number, message: string): Check => [(v) => v < max, message];

const DRIFT_RANGE = 'The drift must be between −500% and +500% a year.';

/** The lower bound of each field that has one, checked before its upper bound. */
const LOWER: Partial<Record<NumberField, Check>> = {
  leverage: atLeast(1, 'Leverage must be at least 1x.'),
  skew: above(0, 'The skew must be above 0: it is the long balance divided by the short balance.'),
  price: above(0, 'The price must be above 0 (or leave it empty).'),
  intervalSeconds: atLeast(1, 'The interval must be at least 1 second.'),
  rebalances: atLeast(1, 'N must be at least 1.'),
  movePercent: above(-100, 'The move must be above −100%: a price cannot fall to zero.'),
  driftPercent: atLeast(-500, DRIFT_RANGE),
  horizon: atLeast(1, 'The horizon must be at least 1 rebalance.'),
  paths: atLeast(100, 'Use at least 100 paths, or the quantiles mean little.'),
  lossPercent: above(0, 'The loss threshold must be above 0%.'),
};

const UPPER: Partial<Record<NumberField, Check>> = {
  leverage: atMost(10, 'Leverage above 10x is outside what this simulator covers.'),
  skew: atMost(1000, 'A skew above 1,000 means one side is all but empty; enter at most 1000.'),
  mintFeePercent: below(100, 'A mint fee of 100% or more would leave nothing to mint.'),
  burnFeePercent: below(10, 'The burn fee must be below 10%, the most a V2 pool allows.'),
  annualFeePercent: atMost(10, 'The pool factory caps the management fee at 10% a year.'),
  intervalSeconds: atMost(604_800, 'The interval must be at most a week (604800 s).'),
  rebalances: atMost(10_000, 'N must be at most 10,000.'),
  movePercent: atMost(1000, 'The move must be at most +1000%.'),
  driftPercent: atMost(500, DRIFT_RANGE),
  volatilityPercent: atMost(500, 'A volatility above 500% a year is outside what this simulator covers.'),
  horizon: atMost(8760, 'The horizon must be at most 8,760 rebalances (a year of hourly ones).'),
  seed: atMost(4_294_967_295, 'The seed must fit in 32 bits (at most 4294967295).'),
  paths: atMost(20_000, 'Use at most 20,000 paths.'),
  lossPercent: below(
    100,
    'The loss threshold must be below 100%: a position cannot lose more than everything.',
  ),
};

function ruleOf(field: NumberField): NumberRule {
  const [param, label, name, fallback, example, reading] = FIELD_ROWS[field];
  const checks = [LOWER[field], UPPER[field]].filter((c): c is Check => c !== undefined);
  return {
    param,
    label,
    name,
    fallback,
    example,
    ...(reading === 'integer' || reading === 'natural' ? { integer: true } : {}),
    ...(reading === 'nonNegative' || reading === 'natural' ? { nonNegative: true } : {}),
    ...(reading === 'optional' ? { optional: true } : {}),
    checks,
  };
}

export const NUMBER_RULES = Object.fromEntries(
  (Object.keys(FIELD_ROWS) as NumberField[]).map((field) => [field, ruleOf(field)]),
) as Record<NumberField, NumberRule>;

export const NUMBER_FIELDS = Object.keys(NUMBER_RULES) as NumberField[];

/** One field's text → its value or one sentence (numberRule.ts). */
export function checkNumber(field: NumberField, text: string): NumberCheck {
  return checkRule(NUMBER_RULES[field], text);
}
