/** Shows a pool the list does not include, by address; the address joins the link's `add` parameter. */
import { useQueryStates } from 'nuqs';
import { useId, useState } from 'react';
import type { Address } from 'viem';
import { isAddressEqual, parseAddressText } from '../../chain/config/addressText.ts';
import { Button } from '../../ui/Button.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { addedPoolsParam } from './links.ts';

/** One sentence for what is wrong with a typed address, or undefined when it is one. */
export function addressProblem(text: string): string | undefined {
  const read = parseAddressText(text);
  if (read.ok) return undefined;
  return read.problem === 'format'
    ? 'That is not an address: 0x followed by 40 hexadecimal characters.'
    : 'That address fails its checksum: a character was probably mistyped. Paste it again from its source.';
}

export function AddPoolForm({ requested }: { requested: readonly Address[] }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  // Adding a pool is a step the user may want to go back from: it gets a history entry.
  const [, setAdded] = useQueryStates(addedPoolsParam, { history: 'push' });
  return (
    <form
      className="mt-6 flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const text = value.trim();
        const read = parseAddressText(text);
        setError(addressProblem(text));
        if (!read.ok) return;
        const { address } = read;
        const known = requested.some((r) => isAddressEqual(r, address));
        void setAdded({ add: known ? [...requested] : [...requested, address] });
        setValue('');
      }}
    >
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs text-ink-400 sm:max-w-md">
        Show a pool that is not listed (checked with the factory)
        <input
          className="rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 font-mono text-sm text-ink-50"
          placeholder="0x… pool address"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <FieldError message={error} id={`${id}-error`} tone="invalid" />
      </label>
      <Button type="submit" variant="secondary" className="mt-5">
        Add pool
      </Button>
    </form>
  );
}
