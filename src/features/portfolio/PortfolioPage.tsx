import { Link } from 'react-router';
import { provenanceText } from '../../chain/history/provenanceText.ts';
import { poolReadProblem } from '../../chain/pools/poolReadProblem.ts';
import { useConnectWallet } from '../../chain/wallet/connectWallet.ts';
import { collateralToUsd } from '../../engine/metrics.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { LivePageHeader } from '../../ui/Freshness.tsx';
import { formatUsd } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Stat } from '../../ui/Stat.tsx';
import { tradeLink } from '../trade/links.ts';
import { Allowances } from './Allowances.tsx';
import { HistoryCard } from './HistoryCard.tsx';
import { Positions } from './Positions.tsx';
import { ProfitCard } from './ProfitCard.tsx';
import { usePortfolio } from './usePortfolio.ts';

export function PortfolioPage() {
  const { openConnectModal } = useConnectWallet();
  const portfolio = usePortfolio();
  const {
    rows,
    profit,
    history,
    historyProgress,
    historySource,
    snapshot,
    address,
    walletStatus,
    freshness,
  } = portfolio;

  if (walletStatus === 'loading') {
    // A wallet connected before is on its way: no "connect" prompt meanwhile.
    return (
      <>
        <PageHeader
          title="Portfolio"
          subtitle="Your positions in every Olympus pool, in your wallet and in escrow."
        />
        <div role="status" aria-label="Connecting to your wallet">
          <Skeleton className="h-40 w-full" />
        </div>
      </>
    );
  }
  if (!address) {
    return (
      <>
        <PageHeader
          title="Portfolio"
          subtitle="Your positions in every Olympus pool, in your wallet and in escrow."
        />
        <Notice action={<Button onClick={openConnectModal}>Connect wallet</Button>}>
          Connect a wallet to see your positions, their value and your profit.
        </Notice>
      </>
    );
  }
  const totalUsd = rows.reduce<number | undefined>((sum, r) => {
    if (r.usdPerCollateral === undefined) return sum;
    return (sum ?? 0) + collateralToUsd(r.value, r.pool.state.decimals, r.usdPerCollateral);
  }, undefined);

  return (
    <>
      <LivePageHeader
        title="Portfolio"
        subtitle="Your positions in every Olympus pool, in your wallet and in escrow, with their cost and profit from your own on-chain history."
        problem={{ ...poolReadProblem(portfolio), figures: 'positions and values', list: 'your positions' }}
      />
      {!snapshot.data ? (
        <Skeleton className="h-40 w-full" />
      ) : rows.length === 0 ? (
        <Notice>
          You hold nothing in these pools yet.{' '}
          <Link
            className="text-sand-400 underline pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center"
            to={tradeLink()}
          >
            Open a position
          </Link>
          .
        </Notice>
      ) : (
        <>
          <Card className="mb-6">
            <dl className="grid grid-cols-2 gap-6 md:grid-cols-4">
              <Stat
                label="Total value"
                value={totalUsd === undefined ? '—' : formatUsd(totalUsd)}
                hint="at today's token prices"
              />
              <Stat label="Pools" value={rows.length} />
            </dl>
          </Card>
          <Positions rows={rows} address={address} />
        </>
      )}
      {profit.kind !== 'none' && !(profit.kind === 'loading' && history.error) && (
        <div className="mt-6">
          <ProfitCard view={profit} />
        </div>
      )}
      <Allowances pools={snapshot.data?.pools} address={address} freshness={freshness} />
      <HistoryCard
        history={history}
        reads={portfolio.ledgerReads}
        progress={historyProgress}
        source={
          historySource && snapshot.data
            ? provenanceText(historySource, Number(snapshot.data.blockTimestamp))
            : undefined
        }
      />
    </>
  );
}
