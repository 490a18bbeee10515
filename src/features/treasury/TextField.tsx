/**
 * One text field of the launch form: label, the input, its one error and a hint below, both tied to the
 * input for screen readers. Everything is text until launchFields.ts reads it; nothing is parsed here.
 */
import type { ReactNode } from 'react';
import { FieldError } from '../../ui/FieldError.tsx';

export const INPUT =
  'w-full min-w-0 rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 text-sm text-ink-50 aria-[invalid=true]:border-short';

export function TextField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
  inputMode = 'text',
  placeholder,
  mono = false,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  error: string | undefined;
  onChange: (text: string) => void;
  inputMode?: 'text' | 'numeric' | 'decimal';
  placeholder?: string;
  mono?: boolean;
}) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs text-ink-400">
        {label}
      </label>
      <input
        id={id}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        className={`${INPUT}${mono ? ' font-mono' : ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError message={error} id={`${id}-error`} tone="invalid" className="mt-1" />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-ink-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
