import { useId } from 'react';
import { FieldError } from './FieldError.tsx';

const OPTION =
  'cursor-pointer px-3 py-2 text-sm has-[:checked]:bg-ink-700 has-[:checked]:text-sand-400 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sand-400';

/**
 * One of a few options, as radio buttons styled as a segmented control: a real radio group, so arrow keys move
 * between the options and a screen reader announces the legend and the choice.
 *
 * `fill` shares a form column equally between the options; `compact` sizes each option to its label and greys
 * the unselected ones, for a toolbar of filters.
 */
export function Segmented<T extends string>({
  legend,
  value,
  options,
  onChange,
  error,
  disabled = [],
  size = 'fill',
  className,
}: {
  legend: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (value: T) => void;
  error?: string | undefined;
  /** Options shown but not selectable, e.g. a unit whose prices are not known yet. */
  disabled?: readonly T[];
  size?: 'fill' | 'compact';
  className?: string;
}) {
  const name = useId();
  const compact = size === 'compact';
  const fieldset = compact ? 'flex flex-col gap-1 text-xs text-ink-400' : '';
  return (
    <fieldset className={`${fieldset} ${className ?? ''}`.trim() || undefined}>
      <legend className="mb-1 text-xs text-ink-400">{legend}</legend>
      <div className="flex overflow-hidden rounded-lg border border-ink-700">
        {options.map(([option, label]) => {
          const off = disabled.includes(option);
          return (
            <label
              key={option}
              className={`${OPTION}${compact ? '' : ' flex-1 text-center whitespace-nowrap'}${off ? ' cursor-not-allowed opacity-50' : ''}`}
            >
              <input
                type="radio"
                className="sr-only"
                name={name}
                value={option}
                checked={value === option}
                disabled={off}
                onChange={() => onChange(option)}
              />
              {label}
            </label>
          );
        })}
      </div>
      <FieldError message={error} className="mt-1" />
    </fieldset>
  );
}
