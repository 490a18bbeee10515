/**
 * The simulator's inputs as they live in the link (`#/simulator?leverage=3&skew=1.1…`), as nuqs parsers built
 * from the field rules: each parameter parses to the text typed plus what its rule made of it (a value, or
 * one sentence saying what is wrong). The text stays in the link even when it is wrong, because it is what
 * the user typed; the charts go on with that field's last valid value, so nothing downstream sees NaN.
 *
 * `leverage`, `skew`, `mintFee`, `burnFee`, `annualFee`, `price`, `interval`, `market`, `pool` and `transfer`
 * are the names the pool page links with; the rest belong to the simulator.
 */
import { createLoader, createParser, createSerializer } from 'nuqs';
import type { TransferKind } from '../../engine/types.ts';
import {
  checkNumber,
  MAX_PATH_STEPS,
  NUMBER_FIELDS,
  NUMBER_RULES,
  type NumberField,
  PAYOFF_MODELS,
  type PayoffModel,
  SIDES,
  type SideChoice,
  type SimulatorInputs,
  TRANSFERS,
} from './fieldRules.ts';

/** A link parameter as read: the text, and either its value or why it has none. */
export type Checked<T> = { text: string } & ({ ok: true; value: T } | { ok: false; message: string });

type Rule<T> = (text: string) => { ok: true; value: T } | { ok: false; message: string };

/** A nuqs parser that never drops what was typed: bad text parses too, carrying its message. */
function checkedParser<T>(rule: Rule<T>, fallback: string) {
  const parse = (text: string): Checked<T> => ({ text, ...rule(text) });
  return createParser<Checked<T>>({
    parse,
    serialize: (checked) => checked.text,
    eq: (a, b) => a.text === b.text,
  }).withDefault(parse(fallback));
}

function choiceRule<T extends string>(options: readonly T[], unknown: (text: string) => string): Rule<T> {
  return (text) => {
    const value = options.find((o) => o === text);
    return value ? { ok: true, value } : { ok: false, message: unknown(text) };
  };
}

const modelNames = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The known models a list names, in the charts' order. */
const knownModels = (text: string): PayoffModel[] =>
  PAYOFF_MODELS.filter((m) => modelNames(text).includes(m));

/** Unknown model names are left out and named; the known ones still draw (resolveForm). */
const modelsRule: Rule<PayoffModel[]> = (text) => {
  const unknown = modelNames(text).filter((n) => !PAYOFF_MODELS.some((m) => m === n));
  return unknown.length > 0
    ? { ok: false, message: `Unknown model ${unknown.map((u) => `“${u}”`).join(', ')} left out.` }
    : { ok: true, value: knownModels(text) };
};

const MAX_LABEL_LENGTH = 64;
/** Labels carried by a "Simulate this pool" link; shown, not edited, and never longer than a line. */
const labelParser = createParser({
  parse: (text: string) => text.trim().slice(0, MAX_LABEL_LENGTH),
  serialize: (text: string) => text,
}).withDefault('');

/** The number fields, by their name in the link. */
export const numberParams = Object.fromEntries(
  NUMBER_FIELDS.map((field) => {
    const rule = NUMBER_RULES[field];
    return [rule.param, checkedParser((text) => checkNumber(field, text), rule.fallback)];
  }),
) as Record<string, ReturnType<typeof checkedParser<number | undefined>>>;

export const choiceParams = {
  transfer: checkedParser<TransferKind>(
    choiceRule(TRANSFERS, (t) => `Unknown transfer function “${t}”: use sigmoid or power.`),
    'sigmoid',
  ),
  side: checkedParser<SideChoice>(
    choiceRule(SIDES, (t) => `Unknown side “${t}”: use long, short or both.`),
    'long',
  ),
  models: checkedParser<PayoffModel[]>(modelsRule, PAYOFF_MODELS.join(',')),
  market: labelParser,
  pool: labelParser,
};

export type NumberLink = Record<NumberField, Checked<number | undefined>>;
export interface ChoiceLink {
  transfer: Checked<TransferKind>;
  side: Checked<SideChoice>;
  models: Checked<PayoffModel[]>;
  market: string;
  pool: string;
}

/** What the form shows: the typed text of every number, the choices as typed, and the labels. */
export interface SimulatorForm {
  text: Record<NumberField, string>;
  transfer: string;
  side: string;
  models: string;
  market: string;
  pool: string;
}

export type FieldErrors = Partial<Record<NumberField | 'transfer' | 'side' | 'models', string>>;

/** The link's number parameters (keyed by their names in the link) → keyed by field. */
export function numbersByField(byParam: Record<string, Checked<number | undefined>>): NumberLink {
  return Object.fromEntries(NUMBER_FIELDS.map((f) => [f, byParam[NUMBER_RULES[f].param]])) as NumberLink;
}

export function formOf(numbers: NumberLink, choices: ChoiceLink): SimulatorForm {
  return {
    text: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, numbers[f].text])) as Record<NumberField, string>,
    transfer: choices.transfer.text,
    side: choices.side.text,
    models: choices.models.text,
    market: choices.market,
    pool: choices.pool,
  };
}

/**
 * The link → inputs the charts can run on. A field that fails keeps its value from `lastValid`; so do `paths`
 * and `horizon` if, together, they ask for more Monte Carlo work than MAX_PATH_STEPS.
 */
export function resolveForm(
  numbers: NumberLink,
  choices: ChoiceLink,
  lastValid: SimulatorInputs,
): { inputs: SimulatorInputs; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const inputs: SimulatorInputs = { ...lastValid };
  const values = inputs as unknown as Record<NumberField, number | undefined>;
  for (const field of NUMBER_FIELDS) {
    const checked = numbers[field];
    if (checked.ok) values[field] = checked.value;
    else errors[field] = checked.message;
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
  const { transfer, side, models } = choices;
  if (transfer.ok) inputs.transfer = transfer.value;
  else errors.transfer = transfer.message;
  if (side.ok) inputs.side = side.value;
  else errors.side = side.message;
  inputs.models = knownModels(models.text);
  if (!models.ok) errors.models = models.message;
  return { inputs, errors };
}

const serializeSimulator = createSerializer({ ...numberParams, ...choiceParams });

/**
 * A link to the simulator with these texts (by their names in the link), e.g. from the pool page's
 * "Simulate this pool". Each text goes through its field's rule when the simulator reads it.
 */
export function simulatorLink(texts: Partial<Record<string, string>>): string {
  const all: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(texts)) {
    if (text === undefined) continue;
    const parser = numberParams[name] ?? choiceParams[name as keyof typeof choiceParams];
    if (!parser) throw new Error(`the simulator has no link parameter “${name}”`);
    all[name] = parser.parse(text);
  }
  return serializeSimulator('/simulator', all as never);
}

const loadNumbers = createLoader(numberParams);
const loadChoices = createLoader(choiceParams);

/** A link's query (`?leverage=3&…`) as the simulator reads it; what the page does through nuqs, as a function. */
export function readLink(query: string): { numbers: NumberLink; choices: ChoiceLink } {
  return { numbers: numbersByField(loadNumbers(query)), choices: loadChoices(query) };
}

/** The link with no parameters: every default. */
export const DEFAULT_LINK = readLink('');

/** The defaults, parsed from the fallback texts by the same rules, so that the two can never disagree. */
export const DEFAULT_INPUTS: SimulatorInputs = (() => {
  const numbers: Partial<Record<NumberField, number | undefined>> = {};
  for (const field of NUMBER_FIELDS) {
    const checked = DEFAULT_LINK.numbers[field];
    if (!checked.ok) throw new Error(`the default of ${field} is invalid: ${checked.message}`);
    numbers[field] = checked.value;
  }
  return {
    ...(numbers as Record<NumberField, number>),
    price: numbers.price,
    transfer: 'sigmoid',
    side: 'long',
    models: PAYOFF_MODELS,
  };
})();

export const DEFAULT_FORM: SimulatorForm = formOf(DEFAULT_LINK.numbers, DEFAULT_LINK.choices);
