/**
 * After a reload (or in a second tab), the connected account's transactions still in flight are followed
 * again to their fate, with their toast back on screen (docs/architecture.md, "Transactions"). Rendered by the
 * wallet layer, which is what knows the account and where its receipts are read.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sentBy } from '../tx/sentTransactions.ts';
import { isWatching, settleSent } from '../tx/sentWatch.ts';
import { useWallet, walletConfig } from '../wallet/wallet.ts';
import { receiptSourceFor } from '../wallet/walletReceipts.ts';
import { useTxReporter } from './txReporter.ts';
import { useSentTransactions } from './useSentTransactions.ts';

export function useResumeSent(): void {
  const wallet = useWallet();
  const account = wallet.status === 'connected' ? wallet.address : undefined;
  const chainId = wallet.status === 'connected' ? wallet.chainId : 0;
  const inFlight = useSentTransactions(account, chainId);
  const report = useTxReporter();
  const queryClient = useQueryClient();
  // The hashes, as one value: the effect runs again only when the list itself changes.
  const hashes = inFlight.map((tx) => tx.hash).join(',');
  useEffect(() => {
    const waiting = hashes ? sentBy(account, chainId).filter((tx) => !isWatching(tx.hash)) : [];
    if (waiting.length === 0) return;
    let stopped = false;
    void (async () => {
      const config = walletConfig();
      const source = await receiptSourceFor(config, chainId);
      const explorer = config.chains.find((c) => c.id === chainId)?.blockExplorers?.default.url;
      for (const tx of waiting) {
        if (stopped || isWatching(tx.hash)) continue;
        // The fate is told by the reporter; nothing here waits for it.
        void settleSent(tx, {
          source,
          report,
          queryClient,
          explorerTx: (hash) => (explorer ? `${explorer}/tx/${hash}` : undefined),
        });
      }
    })();
    return () => {
      stopped = true;
    };
  }, [hashes, account, chainId, report, queryClient]);
}

/** The component form, for the wallet layer's tree. */
export function ResumeSent(): null {
  useResumeSent();
  return null;
}
