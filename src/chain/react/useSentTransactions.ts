/** The transactions this browser sent and whose fate is not known yet (src/chain/tx/sentTransactions.ts), as a hook. */
import { useSyncExternalStore } from 'react';
import type { Address } from 'viem';
import { allSent, type SentTransaction, sentIn, watchSent } from '../tx/sentTransactions.ts';

/** The transactions in flight of `account` on `chainId`, kept current across tabs. */
export function useSentTransactions(account: Address | undefined, chainId: number): SentTransaction[] {
  return sentIn(useSyncExternalStore(watchSent, allSent, allSent), account, chainId);
}
