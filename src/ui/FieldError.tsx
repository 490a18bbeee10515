/**
 * A form control's error, announced as it appears. `id` ties it to its control through aria-describedby;
 * `invalid` is the tone of a field whose text cannot be read, `warn` that of a choice the form set aside.
 */
export function FieldError({
  message,
  id,
  tone = 'warn',
  className,
}: {
  message: string | undefined;
  id?: string | undefined;
  tone?: 'warn' | 'invalid';
  /** Spacing from the control above, e.g. "mt-1". */
  className?: string;
}) {
  if (!message) return null;
  const color = tone === 'invalid' ? 'text-short' : 'text-warn';
  return (
    <p id={id} role="alert" className={`${className ? `${className} ` : ''}text-xs ${color}`}>
      {message}
    </p>
  );
}
