/** Shows a pool the list does not include, by address; the address joins the link's `add` parameter. */
import { useQueryStates } from 'nuqs';
import { useId, useState } from 'react';
import { getAddress, isAddress } from 'viem';
import { Button } from '../../ui/Button.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { addedPoolsParam } from './routes.ts';

/** One sentence for what is wrong with a typed address, or undefined when it is one. */
export function addressProblem(text: string): string | undefined {
  if (!isAddress(text, { strict: false }))
    return 'That is not an address: 0x followed by 40 hexadecimal characters.';
  // Mixed case is a checksum (EIP-55): a wrong one means a mistyped or altered address.
  if (!isAddress(text, { strict: true }))
    return 'That address fails its checksum: a character was probably mistyped. Paste it again from its source.';
  return undefined;
}

export function AddPoolForm({ requested }: { requested: readonly string[] }) {
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
        const problem = addressProblem(text);
        setError(problem);
        if (problem) return;
        const address = getAddress(text);
        const known = requested.some((r) => r.toLowerCase() === address.toLowerCase());
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
