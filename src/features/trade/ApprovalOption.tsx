/**
 * "Approve an unlimited amount", offered while the next step is an approval. Off by default: an exact approval
 * lets the pool move only what is about to be minted.
 */
import { CheckOption } from '../../ui/CheckOption.tsx';

export function ApprovalOption({
  checked,
  onChange,
  symbol,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The collateral being approved. */
  symbol: string;
}) {
  return (
    <CheckOption label="Approve an unlimited amount" checked={checked} onChange={onChange}>
      {checked ? (
        <span className="block text-warn">
          The pool could then move all of your {symbol}, now and later. Only approve what you are about to
          mint unless you trust this contract completely.
        </span>
      ) : (
        <span className="block text-ink-400">By default you approve exactly this amount.</span>
      )}
    </CheckOption>
  );
}
