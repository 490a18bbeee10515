/**
 * What the simulator's charts are built from, split into parts that each depend on a few inputs: the payoff
 * curves, the read-out at one move, the skew explorer and the price path. A part is rebuilt only when its own
 * inputs change (its key), so typing a move does not redraw the curves. Computed by chartsWorker.ts off the
 * main thread, or in-thread where there is no Worker; both run `computeCharts`.
 */
import {
  type PayoffChartData,
  type PayoffRow,
  payoffAt,
  payoffChartData,
  type SkewRow,
  skewChartData,
  skewFigures,
} from './chartData.ts';
import type { SimulatorInputs } from './fieldRules.ts';
import { type PathChartData, type PathInputs, pathChartData } from './pathData.ts';

const PAYOFF_FIELDS = [
  'leverage',
  'skew',
  'rebalances',
  'annualFeePercent',
  'mintFeePercent',
  'burnFeePercent',
  'intervalSeconds',
  'price',
] as const;
const READOUT_FIELDS = [...PAYOFF_FIELDS, 'movePercent'] as const;
const SKEW_FIELDS = ['skew', 'leverage'] as const;
const PATH_FIELDS = [
  'leverage',
  'skew',
  'transfer',
  'annualFeePercent',
  'mintFeePercent',
  'burnFeePercent',
  'intervalSeconds',
  'driftPercent',
  'volatilityPercent',
  'horizon',
  'seed',
  'price',
] as const;

/** Each part's inputs: only these reach its builder, so a part with an unchanged key is still right. */
export interface PartInputs {
  payoff: Pick<SimulatorInputs, (typeof PAYOFF_FIELDS)[number]>;
  readout: Pick<SimulatorInputs, (typeof READOUT_FIELDS)[number]>;
  skew: Pick<SimulatorInputs, (typeof SKEW_FIELDS)[number]>;
  path: PathInputs;
}

export interface PartResults {
  payoff: PayoffChartData;
  readout: PayoffRow;
  skew: { figures: SkewRow; rows: SkewRow[] };
  path: PathChartData;
}

export type Part = keyof PartInputs;
export const PARTS: readonly Part[] = ['payoff', 'readout', 'skew', 'path'];

function pick<K extends keyof SimulatorInputs>(inputs: SimulatorInputs, fields: readonly K[]) {
  const out = {} as Pick<SimulatorInputs, K>;
  for (const field of fields) out[field] = inputs[field];
  return out;
}

export function partInputs(inputs: SimulatorInputs): PartInputs {
  return {
    payoff: pick(inputs, PAYOFF_FIELDS),
    readout: pick(inputs, READOUT_FIELDS),
    skew: pick(inputs, SKEW_FIELDS),
    path: pick(inputs, PATH_FIELDS),
  };
}

/** A part's key: its inputs as text (fields in a fixed order; an absent price is written as null). */
export function partKey(part: Part, inputs: PartInputs): string {
  return JSON.stringify(inputs[part], (_, value: unknown) => (value === undefined ? null : value));
}

/** One request: a sequence number, newest highest, and the inputs of only the parts to build. */
export interface ChartsRequest {
  seq: number;
  parts: Partial<PartInputs>;
}

export type ChartsAnswer = { seq: number; results: Partial<PartResults> } | { seq: number; error: string };

function build<P extends Part>(part: P, inputs: PartInputs[P]): PartResults[P] {
  const builders: { [Q in Part]: (i: PartInputs[Q]) => PartResults[Q] } = {
    payoff: (i) => payoffChartData(i),
    readout: (i) => payoffAt(i, i.movePercent),
    skew: (i) => ({ figures: skewFigures(i.skew, i.leverage), rows: skewChartData(i.skew, i.leverage) }),
    path: (i) => pathChartData(i),
  };
  return builders[part](inputs);
}

export function computeCharts(request: ChartsRequest): ChartsAnswer {
  try {
    const results: Partial<PartResults> = {};
    const add = <P extends Part>(part: P) => {
      const inputs = request.parts[part];
      if (inputs !== undefined) results[part] = build(part, inputs);
    };
    for (const part of PARTS) add(part);
    return { seq: request.seq, results };
  } catch (error) {
    return { seq: request.seq, error: error instanceof Error ? error.message : String(error) };
  }
}
