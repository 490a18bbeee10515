import { Fragment } from 'react';
import { Link } from 'react-router';
import { ListTableHead } from '../../ui/ListTableHead.tsx';
import { ScrollFrame } from '../../ui/ScrollFrame.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { poolLink } from './links.ts';
import { PoolBadges } from './poolCells.tsx';
import { columnsFor, listLabel, type PoolListProps, TradeAction } from './poolColumns.tsx';

/**
 * Cell padding: a little tighter than other tables, so that every column, the trade link included, fits a
 * desktop screen without scrolling the table sideways.
 */
const CELL = 'px-3 py-3';

/** The table's own shape with placeholders, so nothing moves when the pools arrive. */
export function PoolTableSkeleton({ rows = 4 }: { rows?: number }) {
  const cell = (
    <td className={CELL}>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-4 w-16" />
      </div>
    </td>
  );
  return (
    <ScrollFrame className="rounded-2xl border border-ink-800" role="status" aria-label="Loading pools">
      <table className="w-full min-w-[1100px] border-collapse text-left text-sm">
        <ListTableHead first="Pool" columns={columnsFor([])} cellClassName={CELL} />
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <tr key={i} className="border-t border-ink-800 align-top">
              <td className={CELL}>
                <Skeleton className="h-5 w-36" />
                <div className="mt-1 flex gap-1">
                  <Skeleton className="h-5 w-8" />
                  <Skeleton className="h-5 w-12" />
                </div>
              </td>
              {columnsFor([]).map((c) => (
                <Fragment key={c.label}>{cell}</Fragment>
              ))}
              <td className={CELL} />
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}

export function PoolTable({ rows, unit, chainNow, stale = false, unverified = false }: PoolListProps) {
  const columns = columnsFor(rows);
  const ctx = { unit, chainNow, stale };
  return (
    <ScrollFrame className="rounded-2xl border border-ink-800">
      <table className="w-full min-w-[1100px] border-collapse text-left text-sm">
        <caption className="sr-only">
          {listLabel(unverified)}, with long (L) and short (S) figures on two lines
        </caption>
        <ListTableHead first="Pool" columns={columns} cellClassName={CELL} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.address} className="border-t border-ink-800 align-top hover:bg-ink-900/60">
              <th scope="row" className={`${CELL} font-normal`}>
                <Link to={poolLink(row.address)} className="font-semibold text-ink-50 hover:text-sand-400">
                  {row.name}
                </Link>
                <PoolBadges row={row} />
              </th>
              {columns.map((c) => (
                <td key={c.label} className={`whitespace-nowrap ${CELL}`}>
                  {c.cell(row, ctx)}
                </td>
              ))}
              <td className={`${CELL} text-right`}>
                <TradeAction
                  row={row}
                  unverified={unverified}
                  className="rounded-lg border border-ink-600 px-3 py-1.5 text-xs font-semibold hover:border-sand-400"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
