/**
 * The simulator's form, kept in the link: read from `#/simulator?…` on arrival (and whenever the link changes
 * from outside, e.g. another "Simulate this pool"), written back with `history.replaceState` on every edit, so
 * the address bar always holds a shareable simulation without adding a history entry per keystroke.
 */
import { useCallback, useRef, useState } from 'react';
import { hrefOf, useRoute } from '../../app/routes.ts';
import type { NumberField, SimulatorInputs } from './fieldRules.ts';
import {
  DEFAULT_INPUTS,
  type FieldErrors,
  formFromParams,
  paramsFromForm,
  resolveForm,
  type SimulatorForm,
} from './simulatorParams.ts';

interface FormState {
  /** The query this state was read from or last wrote, to tell our own writes from outside changes. */
  query: string;
  form: SimulatorForm;
  inputs: SimulatorInputs;
  errors: FieldErrors;
}

function stateFromQuery(query: string): FormState {
  const form = formFromParams(new URLSearchParams(query));
  return { query, form, ...resolveForm(form, DEFAULT_INPUTS) };
}

function writeQuery(form: SimulatorForm): string {
  const params = paramsFromForm(form);
  const href = hrefOf('simulator', Object.keys(params).length > 0 ? params : undefined);
  window.history.replaceState(window.history.state, '', href);
  return new URLSearchParams(params).toString();
}

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
  const query = useRoute().params.toString();
  const [state, setState] = useState(() => stateFromQuery(query));
  // The link changed from outside (not by our replaceState): start again from it.
  let current = state;
  if (state.query !== query) {
    current = stateFromQuery(query);
    setState(current);
  }

  // Edits read the latest state through a ref, so that the link is written in the event handler, before the
  // next render compares it with the route (an updater function must stay free of side effects).
  const latest = useRef(current);
  latest.current = current;
  const update = useCallback((change: (form: SimulatorForm) => SimulatorForm) => {
    const previous = latest.current;
    const form = change(previous.form);
    const next = { form, query: writeQuery(form), ...resolveForm(form, previous.inputs) };
    latest.current = next;
    setState(next);
  }, []);

  const setNumber = useCallback(
    (field: NumberField, text: string) =>
      update((form) => ({ ...form, text: { ...form.text, [field]: text } })),
    [update],
  );
  const setChoice = useCallback(
    (field: 'transfer' | 'side' | 'models', value: string) => update((form) => ({ ...form, [field]: value })),
    [update],
  );
  const reset = useCallback(() => {
    window.history.replaceState(window.history.state, '', hrefOf('simulator'));
    latest.current = stateFromQuery('');
    setState(latest.current);
  }, []);

  return { form: current.form, inputs: current.inputs, errors: current.errors, setNumber, setChoice, reset };
}
