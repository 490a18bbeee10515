/** The Portfolio's history card rendered over a fixed answer, as the history tests draw it. */
import type { UserPoolHistory } from '../../../src/chain/history/userHistory.ts';
import { ledgerFromHistories } from '../../../src/chain/history/userLedger.ts';
import type { ChainReads } from '../../../src/chain/react/poolQueries.ts';
import { HistoryCard } from '../../../src/features/portfolio/HistoryCard.tsx';
import { renderWithWallet, type WalletSetup } from '../../ui/renderWithWallet.tsx';

/** Rows of a ledger computed here are cut here: no client is asked, so the chain needs only its id. */
const CHAIN = { chainId: 31337 } as ChainReads;

export function showHistory(data: UserPoolHistory[], setup: WalletSetup): void {
  renderWithWallet(
    <HistoryCard
      history={{
        data: ledgerFromHistories(data),
        dataUpdatedAt: 1,
        error: null,
        refetch: async () => undefined as never,
      }}
      reads={{ chain: CHAIN, user: `0x${'a'.repeat(40)}`, pools: data.map((h) => h.pool) }}
      progress={undefined}
    />,
    setup,
  );
}
