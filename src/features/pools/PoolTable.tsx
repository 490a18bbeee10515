import { hrefOf } from '../../app/routes.ts';
import { collateralToUsd } from '../../engine/metrics.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { formatAmount, formatFractionPercent, formatLeverage, formatNumber } from '../../ui/format.ts';
import { Skeleton } from '../../ui/Skeleton.tsx';
import type { PoolRowView, SideView } from './poolView.ts';

export type ValueUnit = 'collateral' | 'usd';

export function formatSkew(value: number | undefined): string {
  if (value === undefined) return '—';
  return Number.isFinite(value) ? formatNumber(value, 3) : '∞';
}

/** A collateral amount in the unit chosen: "12.5 gOHM" or "$74,012". */
export function Money({ row, raw, unit }: { row: PoolRowView; raw: bigint; unit: ValueUnit }) {
  if (unit === 'usd' && row.usdPerCollateral !== undefined) {
    const usd = collateralToUsd(raw, row.decimals, row.usdPerCollateral);
    return <span className="font-mono">${formatNumber(usd, 0)}</span>;
  }
  return (
    <span className="font-mono">
      {formatAmount(raw, row.decimals, row.decimals > 9 ? 3 : 1)}{' '}
      <span className="text-ink-400">{row.collateral}</span>
    </span>
  );
}

function TokenPrice({ row, side, unit }: { row: PoolRowView; side: SideView; unit: ValueUnit }) {
  const scale = unit === 'usd' && row.usdPerCollateral !== undefined ? row.usdPerCollateral : 1;
  const prefix = scale === 1 ? '' : '$';
  const digits = scale === 1 ? 4 : 2;
  return (
    <span className="font-mono">
      {prefix}
      {formatNumber(side.tokenPrice * scale, digits)}
      {side.nextTokenPrice !== undefined ? (
        <span className="text-ink-400">
          {' → '}
          {prefix}
          {formatNumber(side.nextTokenPrice * scale, digits)}
        </span>
      ) : null}
    </span>
  );
}

function SideLines({ long, short }: { long: React.ReactNode; short: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <span>
        <span className="mr-1 text-xs font-semibold text-long">L</span>
        {long}
      </span>
      <span>
        <span className="mr-1 text-xs font-semibold text-short">S</span>
        {short}
      </span>
    </div>
  );
}

export function RebalanceCountdown({
  row,
  chainNow,
  stale,
}: {
  row: PoolRowView;
  chainNow: number;
  /** The figures are stale: no precise countdown, and no claim about the keeper. */
  stale: boolean;
}) {
  const left = row.nextRebalanceAt - chainNow;
  const inWindow = row.commitExecutesAt > row.nextRebalanceAt;
  return (
    <div className="flex flex-col">
      <Countdown seconds={left} overdueLabel="Waiting for keeper" approximate={stale} />
      {inWindow && left > 0 && !stale ? (
        <span
          className="text-xs text-ink-400"
          title="Commits made inside the front-running window wait one more rebalance"
        >
          New commits: next one after
        </span>
      ) : null}
    </div>
  );
}

function PoolTableHead({ showHoldings }: { showHoldings: boolean }) {
  return (
    <thead className="bg-ink-900 text-xs uppercase tracking-wide text-ink-400">
      <tr>
        <th scope="col" className="px-4 py-3">
          Pool
        </th>
        <th scope="col" className="px-4 py-3">
          Index price
        </th>
        <th scope="col" className="px-4 py-3">
          Balance (TVL)
        </th>
        <th scope="col" className="px-4 py-3">
          Skew
        </th>
        <th scope="col" className="px-4 py-3" title="Effective leverage on gains / on losses">
          Eff. leverage
        </th>
        <th scope="col" className="px-4 py-3">
          Token price now → next
        </th>
        <th scope="col" className="px-4 py-3">
          Next rebalance
        </th>
        {showHoldings ? (
          <th scope="col" className="px-4 py-3">
            My holdings
          </th>
        ) : null}
        <th scope="col" className="px-4 py-3">
          <span className="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

/** The table's own shape with placeholders, so nothing moves when the pools arrive. */
export function PoolTableSkeleton({ rows = 4 }: { rows?: number }) {
  const cell = (
    <td className="px-4 py-3">
      <div className="flex flex-col gap-2">
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-4 w-16" />
      </div>
    </td>
  );
  return (
    <div
      className="overflow-x-auto rounded-2xl border border-ink-800"
      role="status"
      aria-label="Loading pools"
    >
      <table className="w-full min-w-[1100px] border-collapse text-left text-sm">
        <PoolTableHead showHoldings={false} />
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <tr key={i} className="border-t border-ink-800 align-top">
              <td className="px-4 py-3">
                <Skeleton className="h-5 w-36" />
                <div className="mt-1 flex gap-1">
                  <Skeleton className="h-5 w-8" />
                  <Skeleton className="h-5 w-12" />
                </div>
              </td>
              {cell}
              {cell}
              {cell}
              {cell}
              {cell}
              {cell}
              <td className="px-4 py-3" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PoolTable({
  rows,
  unit,
  chainNow,
  stale = false,
}: {
  rows: PoolRowView[];
  unit: ValueUnit;
  chainNow: number;
  stale?: boolean;
}) {
  const showHoldings = rows.some((r) => r.holdings !== undefined);
  return (
    <div className="overflow-x-auto rounded-2xl border border-ink-800">
      <table className="w-full min-w-[1100px] border-collapse text-left text-sm">
        <caption className="sr-only">Olympus pools, with long (L) and short (S) figures on two lines</caption>
        <PoolTableHead showHoldings={showHoldings} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.address} className="border-t border-ink-800 align-top hover:bg-ink-900/60">
              <th scope="row" className="px-4 py-3 font-normal">
                <a
                  href={hrefOf('pool', { address: row.address })}
                  className="font-semibold text-ink-50 hover:text-sand-400"
                >
                  {row.name}
                </a>
                <div className="mt-1 flex flex-wrap gap-1 text-xs">
                  <span className="rounded bg-ink-800 px-1.5 py-0.5">{row.leverage}x</span>
                  <span className="rounded bg-ink-800 px-1.5 py-0.5">{row.collateral}</span>
                  {row.snapshot.info.imported ? (
                    <span className="rounded bg-ink-800 px-1.5 py-0.5">imported</span>
                  ) : null}
                  {row.paused ? (
                    <span className="rounded bg-short/20 px-1.5 py-0.5 text-short">paused</span>
                  ) : null}
                </div>
              </th>
              <td className="whitespace-nowrap px-4 py-3">
                <div className="font-mono">${formatNumber(row.oraclePrice, 2)}</div>
                <div
                  className={`text-xs ${row.priceChange > 0 ? 'text-long' : row.priceChange < 0 ? 'text-short' : 'text-ink-400'}`}
                  title="Change since the last rebalance"
                >
                  {formatFractionPercent(row.priceChange)} since rebalance
                </div>
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <SideLines
                  long={<Money row={row} raw={row.long.balance} unit={unit} />}
                  short={<Money row={row} raw={row.short.balance} unit={unit} />}
                />
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <div className="font-mono">{formatSkew(row.skew)}</div>
                <div className="text-xs text-ink-400" title="Rebalancing rate: skew − 1">
                  rate {formatFractionPercent(row.rebalancingRate)}
                </div>
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <SideLines
                  long={
                    <span className="font-mono">
                      {formatLeverage(row.long.gainLeverage)} / {formatLeverage(row.long.lossLeverage)}
                    </span>
                  }
                  short={
                    <span className="font-mono">
                      {formatLeverage(row.short.gainLeverage)} / {formatLeverage(row.short.lossLeverage)}
                    </span>
                  }
                />
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <SideLines
                  long={<TokenPrice row={row} side={row.long} unit={unit} />}
                  short={<TokenPrice row={row} side={row.short} unit={unit} />}
                />
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                {row.paused ? (
                  <span className="text-short">Paused</span>
                ) : (
                  <RebalanceCountdown row={row} chainNow={chainNow} stale={stale} />
                )}
              </td>
              {showHoldings ? (
                <td className="whitespace-nowrap px-4 py-3">
                  {row.holdings && row.holdings.value > 0n ? (
                    <Money row={row} raw={row.holdings.value} unit={unit} />
                  ) : (
                    <span className="text-ink-400">—</span>
                  )}
                </td>
              ) : null}
              <td className="px-4 py-3 text-right">
                <a
                  href={hrefOf('trade', { pool: row.address })}
                  className="rounded-lg border border-ink-600 px-3 py-1.5 text-xs font-semibold hover:border-sand-400"
                  aria-label={`Trade ${row.name}`}
                >
                  Trade
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
