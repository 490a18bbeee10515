import { Link } from 'react-router';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { tradeLink } from '../trade/routes.ts';
import {
  IndexPrice,
  LeverageLines,
  Money,
  PoolBadges,
  RebalanceCountdown,
  SideLines,
  SkewFigures,
  TokenPrice,
} from './poolCells.tsx';
import type { PoolRowView } from './poolView.ts';
import { poolLink, type ValueUnit } from './routes.ts';

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
      className="relative overflow-x-auto rounded-2xl border border-ink-800"
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
    <div className="relative overflow-x-auto rounded-2xl border border-ink-800">
      <table className="w-full min-w-[1100px] border-collapse text-left text-sm">
        <caption className="sr-only">Olympus pools, with long (L) and short (S) figures on two lines</caption>
        <PoolTableHead showHoldings={showHoldings} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.address} className="border-t border-ink-800 align-top hover:bg-ink-900/60">
              <th scope="row" className="px-4 py-3 font-normal">
                <Link to={poolLink(row.address)} className="font-semibold text-ink-50 hover:text-sand-400">
                  {row.name}
                </Link>
                <PoolBadges row={row} />
              </th>
              <td className="whitespace-nowrap px-4 py-3">
                <IndexPrice row={row} />
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <SideLines
                  long={<Money row={row} raw={row.long.balance} unit={unit} />}
                  short={<Money row={row} raw={row.short.balance} unit={unit} />}
                />
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <SkewFigures row={row} />
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <LeverageLines row={row} />
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
                <Link
                  to={tradeLink({ pool: row.address })}
                  className="rounded-lg border border-ink-600 px-3 py-1.5 text-xs font-semibold hover:border-sand-400"
                  aria-label={`Trade ${row.name}`}
                >
                  Trade
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
