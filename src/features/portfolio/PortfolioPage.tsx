import { useAccount } from 'wagmi';
import { hrefOf } from '../../app/routes.ts';
import { useWalletUi } from '../../app/walletUi.ts';
import { claimWouldFail, hasEscrow } from '../../chain/poolReader.ts';
import { claimRequest } from '../../chain/poolWrites.ts';
import { refreshAfter } from '../../chain/queryKeys.ts';
import { useTransactor } from '../../chain/useTransactor.ts';
import { CommitType } from '../../engine/commits.ts';
import { collateralToUsd } from '../../engine/metrics.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { COMMIT_LABELS } from '../../ui/commitLabels.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FreshnessBadge, ReadProblem } from '../../ui/Freshness.tsx';
import { formatAmount, formatNumber } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScanProgress } from '../../ui/ScanProgress.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Stat } from '../../ui/Stat.tsx';
import { type PortfolioRow, usePortfolio } from './usePortfolio.ts';

const COMMIT_LABEL: Record<number, string> = {
  [CommitType.LongMint]: COMMIT_LABELS.mint.long,
  [CommitType.ShortMint]: COMMIT_LABELS.mint.short,
  [CommitType.LongBurn]: COMMIT_LABELS.burn.long,
  [CommitType.ShortBurn]: COMMIT_LABELS.burn.short,
  [CommitType.LongBurnShortMint]: COMMIT_LABELS.flip.long,
  [CommitType.ShortBurnLongMint]: COMMIT_LABELS.flip.short,
};

function usd(raw: bigint, decimals: number, perUnit: number | undefined): string | undefined {
  if (perUnit === undefined) return undefined;
  return `$${formatNumber(collateralToUsd(raw, decimals, perUnit), 2)}`;
}

function Profit({ row }: { row: PortfolioRow }) {
  if (row.profit === undefined) return <Skeleton className="h-4 w-16" />;
  const d = row.pool.state.decimals;
  const cost = (row.pnl?.long.cost ?? 0n) + (row.pnl?.short.cost ?? 0n);
  const percent = cost > 0n ? (Number(row.profit) / Number(cost)) * 100 : undefined;
  const tone = row.profit > 0n ? 'text-long' : row.profit < 0n ? 'text-short' : '';
  return (
    <span className={`font-mono ${tone}`}>
      {row.profit > 0n ? '+' : ''}
      {formatAmount(row.profit, d, 6)} {row.pool.info.collateral.symbol}
      {percent !== undefined ? ` (${percent > 0 ? '+' : ''}${formatNumber(percent, 2)}%)` : ''}
    </span>
  );
}

export function PortfolioPage() {
  const { isConnected } = useAccount();
  const { openConnectModal } = useWalletUi();
  const { rows, history, historyProgress, snapshot, registry, registryError, address, freshness } =
    usePortfolio();
  const { state: tx, send } = useTransactor();
  const busy = tx.status === 'signing' || tx.status === 'pending';

  if (!isConnected || !address) {
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
  const events = (history.data ?? [])
    .flatMap((h) => h.events.map((event) => ({ event, pool: h.pool })))
    .sort((a, b) =>
      a.event.blockNumber === b.event.blockNumber
        ? b.event.logIndex - a.event.logIndex
        : a.event.blockNumber > b.event.blockNumber
          ? -1
          : 1,
    );

  return (
    <>
      <PageHeader
        title="Portfolio"
        subtitle="Your positions in every Olympus pool, in your wallet and in escrow, with their cost and profit from your own on-chain history."
        actions={<FreshnessBadge state={freshness} />}
      />
      <ReadProblem
        state={freshness}
        figures="positions and values"
        listError={registryError}
        list="your positions"
        onRetry={() => void registry.refetch()}
      />
      {!snapshot.data ? (
        <Skeleton className="h-40 w-full" />
      ) : rows.length === 0 ? (
        <Notice>
          You hold nothing in these pools yet.{' '}
          <a className="text-sand-400 underline" href={hrefOf('trade')}>
            Open a position
          </a>
          .
        </Notice>
      ) : (
        <>
          <Card className="mb-6">
            <dl className="grid grid-cols-2 gap-6 md:grid-cols-4">
              <Stat
                label="Total value"
                value={totalUsd === undefined ? '—' : `$${formatNumber(totalUsd, 2)}`}
                hint="at today's token prices"
              />
              <Stat label="Pools" value={rows.length} />
            </dl>
          </Card>
          <div className="mb-6 overflow-x-auto rounded-2xl border border-ink-800">
            <table className="w-full min-w-[900px] text-left text-sm">
              <caption className="sr-only">Your positions per pool</caption>
              <thead className="bg-ink-900 text-xs uppercase tracking-wide text-ink-400">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Pool
                  </th>
                  <th scope="col" className="px-4 py-3">
                    L tokens
                  </th>
                  <th scope="col" className="px-4 py-3">
                    S tokens
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Collateral in escrow
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Value now
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Cost
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Profit
                  </th>
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const d = row.pool.state.decimals;
                  const c = row.pool.info.collateral.symbol;
                  const u = row.pool.user!;
                  const claimable = hasEscrow(row.pool);
                  const cost = row.pnl ? row.pnl.long.cost + row.pnl.short.cost : undefined;
                  return (
                    <tr key={row.pool.info.address} className="border-t border-ink-800 align-top">
                      <th scope="row" className="px-4 py-3 font-semibold">
                        {row.pool.info.name}
                      </th>
                      <td className="px-4 py-3 font-mono">
                        {formatAmount(row.longTokens, d, 6)}
                        {u.escrow.longTokens > 0n ? (
                          <div className="text-xs text-ink-400">
                            {formatAmount(u.escrow.longTokens, d, 6)} in escrow
                          </div>
                        ) : null}
                      </td>
                      <td className="px-4 py-3 font-mono">
                        {formatAmount(row.shortTokens, d, 6)}
                        {u.escrow.shortTokens > 0n ? (
                          <div className="text-xs text-ink-400">
                            {formatAmount(u.escrow.shortTokens, d, 6)} in escrow
                          </div>
                        ) : null}
                      </td>
                      <td className="px-4 py-3 font-mono">
                        {formatAmount(row.escrowSettlement, d, 6)} {c}
                      </td>
                      <td className="px-4 py-3 font-mono">
                        {formatAmount(row.value, d, 6)} {c}
                        <div className="text-xs text-ink-400">
                          {usd(row.value, d, row.usdPerCollateral) ?? ''}
                        </div>
                      </td>
                      <td className="px-4 py-3 font-mono">
                        {cost === undefined ? (
                          <Skeleton className="h-4 w-16" />
                        ) : (
                          `${formatAmount(cost, d, 6)} ${c}`
                        )}
                        {row.pnl &&
                        (row.pnl.long.unknownCostTokens > 0n || row.pnl.short.unknownCostTokens > 0n) ? (
                          <div className="text-xs text-warn">
                            includes tokens received from others, cost unknown
                          </div>
                        ) : null}
                        {row.pnl && row.pnl.pendingMint > 0n ? (
                          <div className="text-xs text-ink-400">
                            + {formatAmount(row.pnl.pendingMint, d, 6)} {c} pending
                          </div>
                        ) : null}
                      </td>
                      <td className="px-4 py-3">
                        <Profit row={row} />
                      </td>
                      <td className="px-4 py-3 text-right">
                        {claimable && claimWouldFail(row.pool) ? (
                          <span
                            className="text-xs text-warn"
                            title="The pool owes you more tokens than it holds (Tracer V2.1, flips after a mint fee change)"
                          >
                            Claim would fail now
                          </span>
                        ) : claimable ? (
                          <Button
                            variant="secondary"
                            busy={busy}
                            disabled={row.pool.paused}
                            onClick={() =>
                              void send(
                                `Claim ${row.pool.info.name}`,
                                claimRequest(row.pool.info, address),
                                refreshAfter.claim(row.pool.info.chainId, address),
                              )
                            }
                          >
                            Claim
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Card title="History">
        {history.error ? (
          <ErrorState what="your history" error={history.error} onRetry={() => void history.refetch()} />
        ) : !history.data && historyProgress ? (
          <ScanProgress
            what="your history"
            scanned={historyProgress.scannedBlocks}
            total={historyProgress.totalBlocks}
          />
        ) : !history.data ? (
          <Skeleton className="h-24 w-full" />
        ) : events.length === 0 ? (
          <p className="text-sm text-ink-400">No commit or transfer of yours in these pools yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your commits and transfers, newest first</caption>
            <thead className="text-xs uppercase tracking-wide text-ink-400">
              <tr>
                <th scope="col" className="py-2">
                  When
                </th>
                <th scope="col">Pool</th>
                <th scope="col">What</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {events.map(({ event, pool }) => (
                <tr key={`${event.blockNumber}-${event.logIndex}`} className="border-t border-ink-800">
                  <td className="py-2 text-ink-400" title={`block ${event.blockNumber}`}>
                    {event.timestamp
                      ? new Date(event.timestamp * 1000).toLocaleString()
                      : `block ${event.blockNumber}`}
                  </td>
                  <td>{pool.name}</td>
                  <td>
                    {event.kind === 'commit'
                      ? `${COMMIT_LABEL[event.commitType] ?? 'Commit'}${event.fromEscrow ? ' (from escrow)' : ''}`
                      : `${event.direction === 'in' ? 'Received' : 'Sent'} ${event.side === 'long' ? 'L' : 'S'} tokens`}
                  </td>
                  <td className="font-mono">
                    {formatAmount(event.amount, pool.collateral.decimals, 6)}{' '}
                    {event.kind === 'commit' &&
                    (event.commitType === CommitType.LongMint || event.commitType === CommitType.ShortMint)
                      ? pool.collateral.symbol
                      : 'tokens'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
