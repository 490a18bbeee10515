/**
 * A decimal amount typed as text (parsed by the caller, never through a float here): a TextField with the
 * hint on the label's line (e.g. the balance it is checked against), a large monospaced input and an
 * optional button beside it (e.g. Max).
 */
import type { TextFieldProps } from './TextField.tsx';
import { TextField } from './TextField.tsx';

export function NumberInput(props: Omit<TextFieldProps, 'inputMode' | 'hintPlacement'>) {
  return (
    <TextField
      {...props}
      inputMode="decimal"
      // Written in the notation the caller reads the field in ("0,0" in German); en-US when it says none.
      placeholder={props.placeholder ?? '0.0'}
      hintPlacement="label"
      inputClassName={`flex-1 font-mono text-lg! ${props.inputClassName ?? ''}`}
    />
  );
}
