/**
 * The pools as cards, for phones (below the `md` breakpoint, where the table would scroll sideways): each
 * pool's L and S figures side by side, its skew and rate, its countdown and a Trade button.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { poolLink } from './links.ts';
import { PoolBadges } from './poolCells.tsx';
import { columnsFor, listLabel, type PoolListProps, TradeAction } from './poolColumns.tsx';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-ink-400">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

export function PoolCards({ rows, unit, chainNow, stale = false, unverified = false }: PoolListProps) {
  const columns = columnsFor(rows);
  const ctx = { unit, chainNow, stale };
  return (
    <ul aria-label={listLabel(unverified)} className="flex flex-col gap-3">
      {rows.map((row) => (
        <li key={row.address}>
          <article
            aria-label={row.name}
            className={`rounded-2xl border p-4 text-sm ${unverified ? 'border-short/50' : 'border-ink-800'}`}
          >
            <div className="flex items-start justify-between gap-3">
              <div>
                <Link
                  to={poolLink(row.address)}
                  className="inline-flex min-h-11 items-center font-semibold text-ink-50"
                >
                  {row.name}
                </Link>
                <PoolBadges row={row} />
              </div>
              <TradeAction
                row={row}
                unverified={unverified}
                className="inline-flex min-h-11 items-center rounded-lg bg-sand-400 px-4 font-semibold text-ink-950"
              />
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3">
              {columns
                .filter((c) => c.optional === undefined || row.holdings?.value)
                .map((c) => (
                  <Figure key={c.label} label={c.cardLabel ?? c.label}>
                    {c.cell(row, ctx)}
                  </Figure>
                ))}
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}
