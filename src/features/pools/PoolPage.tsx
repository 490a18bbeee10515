import { lazy, Suspense, useMemo } from 'react';
import { type Address, isAddress } from 'viem';
import { hrefOf, useRoute } from '../../app/routes.ts';
import { useDeployment } from '../../chain/DeploymentContext.tsx';
import { annualFeeFromPerInterval } from '../../engine/metrics.ts';
import { Card } from '../../ui/Card.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FreshnessBadge, FreshnessNotice } from '../../ui/Freshness.tsx';
import {
  formatAmount,
  formatFractionPercent,
  formatLeverage,
  formatNumber,
  formatWadPercent,
} from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScanProgress } from '../../ui/ScanProgress.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Stat } from '../../ui/Stat.tsx';
import { PendingCommits } from './PendingCommits.tsx';
import { formatSkew, Money, RebalanceCountdown } from './PoolTable.tsx';
import type { PoolRowView } from './poolView.ts';
import { usePoolHistory } from './usePoolHistory.ts';
import { usePoolRows } from './usePoolRows.ts';

const PoolHistoryChart = lazy(() =>
  import('./PoolHistoryChart.tsx').then((m) => ({ default: m.PoolHistoryChart })),
);

function AddressRow({
  label,
  address,
  explorer,
}: {
  label: string;
  address: string;
  explorer: string | undefined;
}) {
  return (
    <>
      <dt className="text-ink-400">{label}</dt>
      <dd className="flex flex-wrap items-center gap-1 font-mono text-xs">
        {explorer ? (
          <a
            className="hover:text-sand-400"
            href={`${explorer}/address/${address}`}
            target="_blank"
            rel="noreferrer"
          >
            {address}
          </a>
        ) : (
          address
        )}
        <CopyButton value={address} label={label} />
      </dd>
    </>
  );
}

const percentOfWad = (wad: bigint) => String((Number(wad) / 1e18) * 100);

/** The simulator, filled in with this pool's leverage, skew, fees, interval and price (its link parameters). */
function simulateHref(row: PoolRowView, annualFee: number): string {
  const { state } = row.snapshot;
  return hrefOf('simulator', {
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
  const { params } = useRoute();
  const { app } = useDeployment();
  const raw = params.get('address') ?? '';
  const valid = isAddress(raw, { strict: false });
  const extra = useMemo<Address[]>(() => (valid ? [raw as Address] : []), [raw, valid]);
  const { rows, registry, snapshot, chainId, chainNow, freshness } = usePoolRows(extra);
  const row = rows.find((r) => r.address.toLowerCase() === raw.toLowerCase());
  const history = usePoolHistory(
    row?.snapshot.info,
    row?.snapshot.state.lastPriceTimestamp,
    snapshot.data?.blockNumber,
  );
  const explorer = app.chains.find((c) => c.id === chainId)?.blockExplorers?.default.url;

  if (!valid) return <Notice tone="error">“{raw}” is not a pool address.</Notice>;
  if (freshness.kind === 'unreachable') return <FreshnessNotice state={freshness} what="pool figures" />;
  if (registry.error && !registry.data) {
    return <ErrorState what="this pool" error={registry.error} onRetry={() => void registry.refetch()} />;
  }
  if (registry.data?.rejected.some((a) => a.toLowerCase() === raw.toLowerCase())) {
    return <Notice tone="error">The Tracer factory on this chain does not know a pool at {raw}.</Notice>;
  }
  if (!row || chainNow === undefined) {
    return (
      <div role="status" aria-label="Loading pool" className="space-y-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }

  const { state, info } = row.snapshot;
  const snap = row.snapshot;
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
              <a
                href={simulateHref(row, annualFee)}
                className="rounded-lg border border-ink-600 px-4 py-2 text-sm font-semibold hover:border-sand-400"
              >
                Simulate this pool
              </a>
              <a
                href={hrefOf('trade', { pool: row.address })}
                className="rounded-lg bg-sand-400 px-4 py-2 text-sm font-semibold text-ink-950 hover:bg-sand-300"
              >
                Trade this pool
              </a>
            </div>
          </div>
        }
      />
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
      <Card className="mb-6">
        <dl className="grid grid-cols-2 gap-6 md:grid-cols-4">
          <Stat label="Long balance" value={<Money row={row} raw={state.longBalance} unit="collateral" />} />
          <Stat
            label="Short balance"
            value={<Money row={row} raw={state.shortBalance} unit="collateral" />}
          />
          <Stat
            label="Skew"
            value={formatSkew(row.skew)}
            hint={`Rebalancing rate ${formatFractionPercent(row.rebalancingRate)}`}
          />
          <Stat
            label="Next rebalance"
            value={<RebalanceCountdown row={row} chainNow={chainNow} stale={freshness.kind === 'stale'} />}
          />
          <Stat
            label="Long gain / loss"
            value={`${formatLeverage(row.long.gainLeverage)} / ${formatLeverage(row.long.lossLeverage)}`}
          />
          <Stat
            label="Short gain / loss"
            value={`${formatLeverage(row.short.gainLeverage)} / ${formatLeverage(row.short.lossLeverage)}`}
          />
          <Stat
            label="L token price"
            value={formatNumber(row.long.tokenPrice, 6)}
            hint={
              row.long.nextTokenPrice === undefined
                ? undefined
                : `next ${formatNumber(row.long.nextTokenPrice, 6)}`
            }
          />
          <Stat
            label="S token price"
            value={formatNumber(row.short.tokenPrice, 6)}
            hint={
              row.short.nextTokenPrice === undefined
                ? undefined
                : `next ${formatNumber(row.short.nextTokenPrice, 6)}`
            }
          />
          <Stat
            label="Index price"
            value={`$${formatNumber(row.oraclePrice, 2)}`}
            hint={`${formatFractionPercent(row.priceChange)} since the last rebalance ($${formatNumber(row.lastRebalancePrice, 2)})`}
          />
        </dl>
      </Card>
      <Card title="History" className="mb-6">
        {history.error ? (
          <ErrorState
            what="the pool's history"
            error={history.error}
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
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Pending commits">
          <PendingCommits row={row} />
        </Card>
        <Card title="Olympus treasury share">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-ink-400">Share of management fees</dt>
            <dd>{state.secondaryFeeSplitPercent.toString()}%</dd>
            <dt className="text-ink-400">Accrued, not yet claimed</dt>
            <dd>
              <Money row={row} raw={snap.secondaryFees} unit="collateral" />
            </dd>
            <AddressRow label="Received by" address={snap.secondaryFeeAddress} explorer={explorer} />
            <dt className="text-ink-400">Protocol fees accrued</dt>
            <dd>
              <Money row={row} raw={snap.primaryFees} unit="collateral" />
            </dd>
            <AddressRow label="Protocol fee address" address={snap.feeAddress} explorer={explorer} />
          </dl>
        </Card>
        <Card title="Parameters" className="lg:col-span-2">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-ink-400">Leverage</dt>
            <dd>{row.leverage}x (V2.1 sigmoid value transfer)</dd>
            <dt className="text-ink-400">Update interval</dt>
            <dd>{state.updateInterval} s</dd>
            <dt className="text-ink-400">Front-running interval</dt>
            <dd>
              {state.frontRunningInterval} s: commits made closer than this to a rebalance wait for the next
              one
            </dd>
            <dt className="text-ink-400">Mint fee</dt>
            <dd>{formatWadPercent(state.mintingFeeWad)}</dd>
            <dt className="text-ink-400">Burn fee</dt>
            <dd>{formatWadPercent(state.burningFeeWad)}</dd>
            <dt className="text-ink-400">Mint fee change per rebalance</dt>
            <dd>{formatWadPercent(state.changeIntervalWad)}</dd>
            <dt className="text-ink-400">Management fee</dt>
            <dd>
              {formatNumber(annualFee * 100, 3)}% a year ({formatAmount(state.feePerIntervalWad, 16, 8)}% per
              rebalance)
            </dd>
            <AddressRow label="Pool" address={info.address} explorer={explorer} />
            <AddressRow label="Committer" address={info.committer} explorer={explorer} />
            <AddressRow label="Oracle" address={info.oracleWrapper} explorer={explorer} />
            <AddressRow label="Keeper" address={info.keeper} explorer={explorer} />
            <AddressRow label="Long token" address={info.longToken} explorer={explorer} />
            <AddressRow label="Short token" address={info.shortToken} explorer={explorer} />
            <AddressRow
              label={`Collateral (${row.collateral})`}
              address={info.collateral.address}
              explorer={explorer}
            />
          </dl>
        </Card>
      </div>
    </>
  );
}
