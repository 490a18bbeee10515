/**
 * A labelled native select: a keyboard, a screen reader and a phone's own picker use it as any form field.
 * `options` are `[value, text]` pairs; `className` adds to the label's layout (its width in a row of filters).
 */
export function SelectField({
  label,
  value,
  options,
  onChange,
  className = '',
}: {
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <label className={`flex flex-col gap-1 text-xs text-ink-400 ${className}`.trimEnd()}>
      {label}
      <select
        className="rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 text-sm text-ink-50 pointer-coarse:min-h-11"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
