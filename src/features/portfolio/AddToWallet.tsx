/**
 * "Add to wallet" for one side's token of a pool: one press asks the connected wallet to list it
 * (src/chain/wallet/watchAsset.ts), and one sentence under the button says how that went. Shown only with a wallet
 * connected: there is nothing to add it to otherwise.
 */
import { useState } from 'react';
import type { PoolInfo } from '../../chain/pools/poolRegistry.ts';
import { useWallet } from '../../chain/wallet/wallet.ts';
import {
  addTokenToWallet,
  type WatchAssetOutcome,
  watchAssetSentence,
} from '../../chain/wallet/watchAsset.ts';
import type { Side } from '../../engine/types.ts';
import { Button } from '../../ui/Button.tsx';

export function AddToWallet({
  pool,
  side,
  className = 'mt-1 flex',
}: {
  pool: PoolInfo;
  side: Side;
  /** Where it sits: under a figure by default; inline beside an address. */
  className?: string;
}) {
  const wallet = useWallet();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<WatchAssetOutcome | undefined>(undefined);
  if (wallet.status !== 'connected') return null;
  const tokenLabel = `${pool.name} ${side === 'long' ? 'L' : 'S'} tokens`;
  return (
    <span className={`flex-col items-start font-sans ${className}`}>
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs font-normal"
        busy={busy}
        aria-label={`Add ${tokenLabel} to your wallet`}
        onClick={async () => {
          setBusy(true);
          setOutcome(undefined);
          try {
            setOutcome(await addTokenToWallet(pool, side));
          } finally {
            setBusy(false);
          }
        }}
      >
        Add to wallet
      </Button>
      {outcome ? (
        <span
          role="status"
          className={`mt-1 block text-xs ${outcome.kind === 'added' ? 'text-long' : outcome.kind === 'refused' ? 'text-ink-400' : 'text-warn'}`}
        >
          {watchAssetSentence(outcome, tokenLabel)}
        </span>
      ) : null}
    </span>
  );
}
