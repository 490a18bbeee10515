/** A checkbox with its label and, under it, a line that says what choosing it means (`children`). */
import type { ReactNode } from 'react';

export function CheckOption({
  label,
  checked,
  onChange,
  children,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="flex items-start gap-2 text-sm text-ink-200">
      <input
        type="checkbox"
        className="mt-1"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        {label}
        {children}
      </span>
    </label>
  );
}
