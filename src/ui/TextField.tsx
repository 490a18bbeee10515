/**
 * One text field: its label, the input, an optional button beside it (e.g. Max), its one error, and a hint
 * below the input or on the label's line (e.g. the balance an amount is checked against), the error and hint
 * tied to the input for screen readers. Everything stays text: the caller parses it, never through a float.
 */
import type { ReactNode } from 'react';
import { FieldError } from './FieldError.tsx';

export const INPUT =
  'w-full min-w-0 rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 text-sm text-ink-50 aria-[invalid=true]:border-short';

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  error: string | undefined;
  onChange: (text: string) => void;
  inputMode?: 'text' | 'numeric' | 'decimal';
  placeholder?: string;
  /** Extra classes of the input, e.g. a monospaced or larger font. */
  inputClassName?: string;
  /** A button beside the input. */
  action?: ReactNode;
  /** Where the hint goes: under the input, or at the right of the label. */
  hintPlacement?: 'below' | 'label';
}

export function TextField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
  inputMode = 'text',
  placeholder,
  inputClassName = '',
  action,
  hintPlacement = 'below',
}: TextFieldProps) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const hintText = (className: string) =>
    hint ? (
      <span id={`${id}-hint`} className={className}>
        {hint}
      </span>
    ) : null;
  const input = (
    <input
      id={id}
      inputMode={inputMode}
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      className={`${INPUT} ${inputClassName}`}
      value={value}
      aria-invalid={error ? true : undefined}
      aria-describedby={described || undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-end justify-between gap-2 text-xs text-ink-400">
        <label htmlFor={id}>{label}</label>
        {hintPlacement === 'label' ? hintText('text-right') : null}
      </div>
      {action ? (
        <div className="flex gap-2">
          {input}
          {action}
        </div>
      ) : (
        input
      )}
      <FieldError message={error} id={`${id}-error`} tone="invalid" className="mt-1" />
      {hintPlacement === 'below' ? hintText('mt-1 block text-xs text-ink-400') : null}
    </div>
  );
}
