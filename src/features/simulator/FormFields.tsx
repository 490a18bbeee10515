/**
 * The simulator's form controls. Numbers are text inputs, not `type="number"`, so that whatever was typed stays
 * in the field next to its error (a number input would silently empty itself). Every control has a label; an
 * error is tied to its field by aria-describedby and announced.
 */
import { useId } from 'react';
import { FieldError } from '../../ui/FieldError.tsx';
import { NUMBER_RULES, type NumberField } from './fieldRules.ts';
import type { SimulatorFormApi } from './useSimulatorForm.ts';

const INPUT =
  'w-full rounded-lg border bg-ink-950 px-3 py-2 font-mono text-sm text-ink-50 placeholder:text-ink-600';

export function NumberInput({
  field,
  api,
  hint,
}: {
  field: NumberField;
  api: Pick<SimulatorFormApi, 'form' | 'errors' | 'setNumber'>;
  hint?: string;
}) {
  const id = useId();
  const rule = NUMBER_RULES[field];
  const error = api.errors[field];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs text-ink-400">
        {rule.label}
      </label>
      <input
        id={id}
        type="text"
        inputMode={rule.integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        className={`${INPUT} ${error ? 'border-short' : 'border-ink-700 focus:border-sand-400'}`}
        value={api.form.text[field]}
        placeholder={rule.optional ? 'optional' : rule.example}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => api.setNumber(field, event.target.value)}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-ink-400">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} tone="invalid" />
    </div>
  );
}

/** Several independent toggles (checkboxes), e.g. which models the chart draws. */
export function Toggles<T extends string>({
  legend,
  selected,
  options,
  onChange,
  error,
}: {
  legend: string;
  selected: readonly T[];
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (selected: T[]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs text-ink-400">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map(([option, label]) => (
          <label
            key={option}
            className="flex cursor-pointer items-center gap-2 rounded-lg border border-ink-700 px-3 py-2 text-sm has-[:checked]:border-sand-400 has-[:checked]:text-sand-400 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sand-400"
          >
            <input
              type="checkbox"
              className="accent-sand-400"
              checked={selected.includes(option)}
              onChange={(event) =>
                onChange(
                  options
                    .map(([o]) => o)
                    .filter((o) => (o === option ? event.target.checked : selected.includes(o))),
                )
              }
            />
            {label}
          </label>
        ))}
      </div>
      <FieldError message={error} className="mt-1" />
    </fieldset>
  );
}
