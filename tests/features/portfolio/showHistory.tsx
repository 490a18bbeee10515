/** The Portfolio's history card rendered over a fixed answer, as the history tests draw it. */
import type { UserPoolHistory } from '../../../src/chain/history/userHistory.ts';
import { HistoryCard } from '../../../src/features/portfolio/HistoryCard.tsx';
import { renderWithWallet, type WalletSetup } from '../../ui/renderWithWallet.tsx';

export function showHistory(data: UserPoolHistory[], setup: WalletSetup): void {
  renderWithWallet(
    <HistoryCard
      history={{ data, error: null, refetch: async () => undefined as never }}
      progress={undefined}
    />,
    setup,
  );
}
