import { useQueryStates } from 'nuqs';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import type { Address } from 'viem';
import { linkedPoolAddressRefusal, parseAddressText } from '../../chain/config/addressText.ts';
import { describeReadFailure } from '../../chain/errors/endpointFailure.ts';
import { provenanceText } from '../../chain/history/provenanceText.ts';
import { missingPool } from '../../chain/pools/poolRegistry.ts';
import { verificationReasons } from '../../chain/pools/poolVerification.ts';
import { useAppConfig } from '../../chain/react/DeploymentContext.tsx';
import { annualFeeFromPerInterval } from '../../engine/metrics.ts';
import { Card } from '../../ui/Card.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FreshnessBadge, FreshnessNotice } from '../../ui/Freshness.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScanProgress } from '../../ui/ScanProgress.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { SourceNote } from '../../ui/SourceNote.tsx';
import { TrustWarning } from '../../ui/TrustWarning.tsx';
import { simulatorLink } from '../simulator/links.ts';
import { tradeLink } from '../trade/links.ts';
import { poolPageParams } from './links.ts';
import { PendingCommits } from './PendingCommits.tsx';
import { PoolDetails } from './PoolDetails.tsx';
import { PoolFigures } from './PoolFigures.tsx';
import { PoolHealth } from './PoolHealth.tsx';
import type { PoolRowView } from './poolView.ts';
import { usePoolHistory } from './usePoolHistory.ts';
import { usePoolRows } from './usePoolRows.ts';

const PoolHistoryChart = lazy(() =>
  import('./PoolHistoryChart.tsx').then((m) => ({ default: m.PoolHistoryChart })),
);

const percentOfWad = (wad: bigint) => String((Number(wad) / 1e18) * 100);

/** The simulator, filled in with this pool's leverage, skew, fees, interval and price (its link parameters). */
function simulateHref(row: PoolRowView, annualFee: number): string {
  const { state } = row.snapshot;
  return simulatorLink({
    leverage: String(row.leverage),
    ...(row.skew !== undefined && Number.isFinite(row.skew) && row.skew > 0
      ? { skew: row.skew.toFixed(4) }
      : {}),
    mintFee: percentOfWad(state.mintingFeeWad),
    burnFee: percentOfWad(state.burningFeeWad),
    annualFee: (annualFee * 100).toFixed(4),
    interval: String(state.updateInterval),
    price: row.oraclePrice.toFixed(2),
    market: row.market,
    pool: row.name,
  });
}

export function PoolPage() {
  const [{ address: raw }] = useQueryStates(poolPageParams);
  const app = useAppConfig();
  const read = parseAddressText(raw);
  const asked = read.ok ? read.address : undefined;
  const extra = useMemo<Address[]>(() => (asked ? [asked] : []), [asked]);
  const { rows, registry, snapshot, chainId, deployment, chainNow, freshness } = usePoolRows(extra);
  // Both sides are checksummed: the link's address by parseAddressText, the rows' by the pool registry.
  const row = asked ? rows.find((r) => r.address === asked) : undefined;
  const history = usePoolHistory(
    row?.snapshot.info,
    row?.snapshot.state.lastPriceTimestamp,
    snapshot.data?.blockNumber,
  );
  const chain = app.chains.find((c) => c.id === chainId);
  const explorer = chain?.blockExplorers?.default.url;

  if (!read.ok) return <Notice tone="error">{linkedPoolAddressRefusal(raw, read.problem)}</Notice>;
  if (freshness.kind === 'unreachable') return <FreshnessNotice state={freshness} what="pool figures" />;
  if (registry.error && !registry.data) {
    return (
      <ErrorState
        what="this pool"
        problem={describeReadFailure(registry.error)}
        onRetry={() => void registry.refetch()}
      />
    );
  }
  const missing = registry.data && missingPool(registry.data, read.address);
  if (missing === 'unknown') {
    return <Notice tone="error">The Tracer factory on this chain does not know a pool at {raw}.</Notice>;
  }
  if (missing === 'otherCollateral') {
    return (
      <Notice tone="error">The pool at {raw} does not settle in OHM or gOHM, so it is not shown here.</Notice>
    );
  }
  if (!row || chainNow === undefined) {
    return (
      <div role="status" aria-label="Loading pool" className="space-y-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }

  const { state } = row.snapshot;
  const annualFee = annualFeeFromPerInterval(state.feePerIntervalWad, state.updateInterval);
  return (
    <>
      <PageHeader
        title={row.name}
        subtitle={`${row.leverage}x ${row.market}, settled in ${row.collateral}. Rebalances every ${state.updateInterval} s.`}
        actions={
          <div className="flex flex-col items-end gap-2">
            <FreshnessBadge state={freshness} />
            <div className="flex gap-2">
              <Link
                to={simulateHref(row, annualFee)}
                className="inline-flex min-h-11 items-center rounded-lg border border-ink-600 px-4 text-sm font-semibold hover:border-sand-400"
              >
                Simulate this pool
              </Link>
              <Link
                to={tradeLink({ pool: row.address })}
                // A look-alike's page does not urge a trade: the trade page asks for its risk to be accepted.
                className={
                  row.snapshot.info.verification.verified
                    ? 'inline-flex min-h-11 items-center rounded-lg bg-sand-400 px-4 text-sm font-semibold text-ink-950 hover:bg-sand-300'
                    : 'inline-flex min-h-11 items-center rounded-lg border border-ink-600 px-4 text-sm font-semibold hover:border-sand-400'
                }
              >
                Trade this pool
              </Link>
            </div>
          </div>
        }
      />
      {row.snapshot.info.verification.verified ? null : (
        <div className="mb-4">
          <TrustWarning
            title="Not an Olympus pool"
            reasons={verificationReasons(row.snapshot.info.verification, row.snapshot.info.trust)}
          />
        </div>
      )}
      {row.paused ? (
        <div className="mb-4">
          <Notice tone="error">
            This pool is paused: its invariant check found less collateral than its books say. Commits and
            claims are refused until governance unpauses it.
          </Notice>
        </div>
      ) : null}
      {freshness.kind === 'stale' ? (
        <div className="mb-4">
          <FreshnessNotice state={freshness} what="pool figures" />
        </div>
      ) : null}
      <PoolFigures row={row} chainNow={chainNow} stale={freshness.kind === 'stale'} />
      <PoolHealth
        row={row}
        chainNow={chainNow}
        chainId={chainId}
        chainName={chain?.name ?? `chain ${chainId}`}
        deployment={deployment}
        staleSeconds={freshness.kind === 'stale' ? freshness.ageSeconds : undefined}
      />
      <Card title="History" className="mb-6">
        {history.error && !history.data && !history.progress ? (
          <ErrorState
            what="the pool's history"
            problem={describeReadFailure(history.error)}
            onRetry={() => void history.refetch()}
          />
        ) : history.data ? (
          <Suspense fallback={<Skeleton className="h-64 w-full" />}>
            <PoolHistoryChart
              history={history.data}
              now={{ longBalance: state.longBalance, shortBalance: state.shortBalance }}
              decimals={state.decimals}
              collateral={row.collateral}
            />
          </Suspense>
        ) : history.progress ? (
          <ScanProgress
            what="the pool's history"
            scanned={history.progress.scannedBlocks}
            total={history.progress.totalBlocks}
          />
        ) : (
          <Skeleton className="h-64 w-full" />
        )}
        <SourceNote
          text={history.data && history.source ? provenanceText(history.source, chainNow) : undefined}
          lag={history.data && history.error ? describeReadFailure(history.error) : undefined}
        />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Pending commits">
          <PendingCommits row={row} />
        </Card>
        <PoolDetails row={row} explorer={explorer} />
      </div>
    </>
  );
}
