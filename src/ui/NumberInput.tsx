/**
 * A decimal amount typed as text (parsed by the caller, never through a float here): its label, a hint on
 * the right (e.g. the balance it is checked against), an optional button beside it (e.g. Max) and its one
 * error, tied to the input for screen readers.
 */
import type { ReactNode } from 'react';
import { FieldError } from './FieldError.tsx';

export function NumberInput({
  id,
  label,
  hint,
  value,
  error,
  onChange,
  action,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  error: string | undefined;
  onChange: (text: string) => void;
  action?: ReactNode;
}) {
  return (
    <div>
      <div className="mb-1 flex items-end justify-between gap-2 text-xs text-ink-400">
        <label htmlFor={id}>{label}</label>
        {hint ? <span className="text-right">{hint}</span> : null}
      </div>
      <div className="flex gap-2">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.0"
          className="min-w-0 flex-1 rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 font-mono text-lg text-ink-50 aria-[invalid=true]:border-short"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {action}
      </div>
      <FieldError message={error} id={`${id}-error`} tone="invalid" className="mt-1" />
    </div>
  );
}
