/**
 * The simulator's inputs as they live in the link (`#/simulator?leverage=3&skew=1.1…`): parsing, checking and
 * writing back. Each field keeps the text the user typed; a bad value gets one sentence at its field, and the
 * charts go on with that field's last valid value, so nothing downstream ever sees NaN.
 *
 * `leverage`, `skew`, `mintFee`, `burnFee`, `annualFee`, `price`, `market`, `pool` and `transfer` are the names
 * the pool page links with; the rest belong to the simulator.
 */
import {
  checkNumber,
  MAX_PATH_STEPS,
  NUMBER_FIELDS,
  NUMBER_RULES,
  type NumberField,
  PAYOFF_MODELS,
  type PayoffModel,
  SIDES,
  type SimulatorInputs,
  TRANSFERS,
} from './fieldRules.ts';

/** What the form holds: the typed text of every number, and the choices. */
export interface SimulatorForm {
  text: Record<NumberField, string>;
  transfer: string;
  side: string;
  models: string;
  /** Labels carried by a "Simulate this pool" link; shown, not edited. */
  market: string;
  pool: string;
}

export type FieldErrors = Partial<Record<NumberField | 'transfer' | 'side' | 'models' | 'labels', string>>;

export interface ResolvedForm {
  inputs: SimulatorInputs;
  errors: FieldErrors;
}

const DEFAULT_CHOICES = { transfer: 'sigmoid', side: 'long', models: 'sigmoid,power,perpetual' } as const;

export const DEFAULT_FORM: SimulatorForm = {
  text: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, NUMBER_RULES[f].fallback])) as Record<
    NumberField,
    string
  >,
  ...DEFAULT_CHOICES,
  market: '',
  pool: '',
};

function choice<T extends string>(text: string, options: readonly T[]): T | undefined {
  return options.find((o) => o === text);
}

function parseModels(text: string): { models: PayoffModel[]; unknown: string[] } {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const models = PAYOFF_MODELS.filter((m) => names.includes(m));
  return { models, unknown: names.filter((n) => !choice(n, PAYOFF_MODELS)) };
}

/**
 * The form → inputs the charts can run on. A field that fails keeps its value from `lastValid`; so do `paths`
 * and `horizon` if, together, they ask for more Monte Carlo work than MAX_PATH_STEPS.
 */
export function resolveForm(form: SimulatorForm, lastValid: SimulatorInputs): ResolvedForm {
  const errors: FieldErrors = {};
  const inputs: SimulatorInputs = { ...lastValid };
  const numbers = inputs as unknown as Record<NumberField, number | undefined>;
  for (const field of NUMBER_FIELDS) {
    const check = checkNumber(field, form.text[field]);
    if (check.ok) numbers[field] = check.value;
    else errors[field] = check.message;
  }
  if (inputs.paths * inputs.horizon > MAX_PATH_STEPS) {
    const message = `Paths × horizon is capped at ${MAX_PATH_STEPS.toLocaleString('en-US')} rebalances; lower the paths or the horizon.`;
    for (const field of ['paths', 'horizon'] as const) {
      if (errors[field] === undefined && inputs[field] !== lastValid[field]) {
        errors[field] = message;
        inputs[field] = lastValid[field];
      }
    }
  }

  const transfer = choice(form.transfer, TRANSFERS);
  if (transfer) inputs.transfer = transfer;
  else errors.transfer = `Unknown transfer function “${form.transfer}”: use sigmoid or power.`;
  const side = choice(form.side, SIDES);
  if (side) inputs.side = side;
  else errors.side = `Unknown side “${form.side}”: use long, short or both.`;
  const { models, unknown } = parseModels(form.models);
  inputs.models = models;
  if (unknown.length > 0)
    errors.models = `Unknown model ${unknown.map((u) => `“${u}”`).join(', ')} left out.`;
  return { inputs, errors };
}

/** The defaults, parsed from the fallback texts so that the two can never disagree. */
export const DEFAULT_INPUTS: SimulatorInputs = (() => {
  const numbers: Partial<Record<NumberField, number>> = {};
  for (const field of NUMBER_FIELDS) {
    const check = checkNumber(field, NUMBER_RULES[field].fallback);
    if (!check.ok) throw new Error(`the default of ${field} is invalid: ${check.message}`);
    if (check.value !== undefined) numbers[field] = check.value;
  }
  return {
    ...(numbers as Record<NumberField, number>),
    price: numbers.price,
    transfer: DEFAULT_CHOICES.transfer,
    side: DEFAULT_CHOICES.side,
    models: PAYOFF_MODELS,
  };
})();

const MAX_LABEL_LENGTH = 64;

/** The link's query → the form; a missing parameter takes its default. */
export function formFromParams(params: URLSearchParams): SimulatorForm {
  const text = { ...DEFAULT_FORM.text };
  for (const field of NUMBER_FIELDS) {
    const value = params.get(NUMBER_RULES[field].param);
    if (value !== null) text[field] = value;
  }
  const label = (name: string) => (params.get(name) ?? '').trim().slice(0, MAX_LABEL_LENGTH);
  return {
    text,
    transfer: params.get('transfer') ?? DEFAULT_CHOICES.transfer,
    side: params.get('side') ?? DEFAULT_CHOICES.side,
    models: params.get('models') ?? DEFAULT_CHOICES.models,
    market: label('market'),
    pool: label('pool'),
  };
}

/** The form → the link's query: only what differs from the defaults, invalid text included (it is what was typed). */
export function paramsFromForm(form: SimulatorForm): Record<string, string> {
  const out: Record<string, string> = {};
  if (form.pool) out.pool = form.pool;
  if (form.market) out.market = form.market;
  for (const field of NUMBER_FIELDS) {
    if (form.text[field] !== DEFAULT_FORM.text[field]) out[NUMBER_RULES[field].param] = form.text[field];
  }
  if (form.transfer !== DEFAULT_CHOICES.transfer) out.transfer = form.transfer;
  if (form.side !== DEFAULT_CHOICES.side) out.side = form.side;
  if (form.models !== DEFAULT_CHOICES.models) out.models = form.models;
  return out;
}
