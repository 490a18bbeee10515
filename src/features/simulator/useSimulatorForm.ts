/**
 * The simulator's form, kept in the link through nuqs (simulatorParams.ts holds the parsers): every edit
 * replaces the link's query, so the address bar always holds a shareable simulation without a history entry
 * per keystroke, and a link followed from outside (another "Simulate this pool") simply is the new state.
 */
import { useQueryStates } from 'nuqs';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { NumberField, SimulatorInputs } from './fieldRules.ts';
import { NUMBER_RULES } from './fieldRules.ts';
import {
  type ChoiceLink,
  choiceParams,
  DEFAULT_INPUTS,
  type FieldErrors,
  formOf,
  numberParams,
  numbersByField,
  resolveForm,
  type SimulatorForm,
} from './simulatorParams.ts';

export interface SimulatorFormApi {
  form: SimulatorForm;
  /** Valid inputs: each field's current value if valid, else its last valid one. */
  inputs: SimulatorInputs;
  errors: FieldErrors;
  setNumber(field: NumberField, text: string): void;
  setChoice(field: 'transfer' | 'side' | 'models', value: string): void;
  reset(): void;
}

export function useSimulatorForm(): SimulatorFormApi {
  const [numberLink, setNumbers] = useQueryStates(numberParams);
  const [choiceLink, setChoices] = useQueryStates(choiceParams);
  const numbers = useMemo(() => numbersByField(numberLink), [numberLink]);
  const choices = choiceLink as ChoiceLink;

  // What the charts last drew with: a field typed wrong keeps that value until it is fixed. The same values
  // keep the same object, so the charts (memoised on it) are not rebuilt when the link's state is re-read.
  const lastValid = useRef(DEFAULT_INPUTS);
  const resolved = useMemo(() => resolveForm(numbers, choices, lastValid.current), [numbers, choices]);
  const inputs = sameInputs(resolved.inputs, lastValid.current) ? lastValid.current : resolved.inputs;
  const errors = resolved.errors;
  useEffect(() => {
    lastValid.current = inputs;
  }, [inputs]);

  const setNumber = useCallback(
    (field: NumberField, text: string) => {
      const param = NUMBER_RULES[field].param;
      void setNumbers({ [param]: numberParams[param]?.parse(text) ?? null });
    },
    [setNumbers],
  );
  const setChoice = useCallback(
    (field: 'transfer' | 'side' | 'models', value: string) =>
      void setChoices({ [field]: choiceParams[field].parse(value) }),
    [setChoices],
  );
  const reset = useCallback(() => {
    void setNumbers(null);
    void setChoices(null);
  }, [setNumbers, setChoices]);

  return { form: formOf(numbers, choices), inputs, errors, setNumber, setChoice, reset };
}

function sameInputs(a: SimulatorInputs, b: SimulatorInputs): boolean {
  return (Object.keys(a) as Array<keyof SimulatorInputs>).every((key) =>
    key === 'models' ? a.models.join() === b.models.join() : a[key] === b[key],
  );
}
