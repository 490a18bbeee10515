/**
 * "Claim for me after execution": the commit then pays a keeper, in ETH, to claim its result into the user's
 * wallet once the interval has executed (src/chain/react/autoClaim.ts). Off by default, and reset with the form.
 */
import { CheckOption } from '../../ui/CheckOption.tsx';
import { TokenAmount } from '../../ui/TokenAmount.tsx';

export function AutoClaimOption({
  checked,
  onChange,
  reward,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The reward in wei, once the gas price is read; undefined while it is. */
  reward: bigint | undefined;
}) {
  return (
    <CheckOption label="Claim for me after execution" checked={checked} onChange={onChange}>
      <span className="block text-ink-400">
        {checked ? (
          reward === undefined ? (
            'Reading the gas price to price the claim…'
          ) : (
            // Exact to the wei on hover and copy: this is what the user pays.
            <>
              Costs <TokenAmount value={reward} decimals={18} unit="ETH" />, sent with the commit and paid to
              whoever claims for you. You can still claim yourself.
            </>
          )
        ) : (
          'A keeper claims your tokens into your wallet for a small ETH reward; otherwise you claim them yourself.'
        )}
      </span>
    </CheckOption>
  );
}
