/** The transactions this browser sent and whose fate is not known yet (src/chain/tx/sentTransactions.ts), as a hook. */
import type { Address } from 'viem';
import { useStore } from 'zustand';
import { type SentTransaction, sentIn, sentStore } from '../tx/sentTransactions.ts';

/** The transactions in flight of `account` on `chainId`, kept current across tabs. */
export function useSentTransactions(account: Address | undefined, chainId: number): SentTransaction[] {
  return sentIn(
    useStore(sentStore, (state) => state.list),
    account,
    chainId,
  );
}
