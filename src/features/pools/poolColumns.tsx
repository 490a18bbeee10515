/**
 * What the pools list shows of each pool, once: the table's columns on wide screens and the cards' figures on
 * phones are both drawn from this list. A new pool figure is one entry here (its figure in poolView.ts, its
 * drawing in poolCells.tsx or HealthBadge.tsx).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { tradeLink } from '../trade/links.ts';
import { HealthBadge } from './HealthBadge.tsx';
import type { ValueUnit } from './links.ts';
import {
  BalanceLines,
  IndexPrice,
  LeverageLines,
  Money,
  PriceLines,
  RebalanceCountdown,
  SkewFigures,
} from './poolCells.tsx';
import type { PoolRowView } from './poolView.ts';

export interface PoolListContext {
  unit: ValueUnit;
  chainNow: number;
  stale: boolean;
}

/** What a list of pools is drawn from, as a table or as cards. */
export interface PoolListProps {
  rows: PoolRowView[];
  unit: ValueUnit;
  chainNow: number;
  /** The figures are stale: countdowns are approximate. */
  stale?: boolean;
  /**
   * Pools that are not Olympus pools (docs/protocol.md §8): labelled as such, and offered no Trade action;
   * each pool's page says what it fails and asks for the risk to be accepted before any trade.
   */
  unverified?: boolean;
}

/** How a list of pools names itself to screen readers (the table's caption, the cards' list). */
export const listLabel = (unverified: boolean | undefined) =>
  unverified ? 'Pools that are not Olympus pools' : 'Olympus pools';

export interface PoolColumn {
  /** The table's header. */
  label: string;
  /** The card's label, where the header's would be cryptic alone. */
  cardLabel?: string;
  /** A longer explanation, on hover. */
  title?: string;
  /** Shown only when some pool has something in it (the user's holdings). */
  optional?: (rows: readonly PoolRowView[]) => boolean;
  cell: (row: PoolRowView, ctx: PoolListContext) => ReactNode;
}

const held = (row: PoolRowView) => row.holdings !== undefined && row.holdings.value > 0n;

export const POOL_COLUMNS: readonly PoolColumn[] = [
  { label: 'Index price', cell: (row) => <IndexPrice row={row} /> },
  {
    label: 'Balance (TVL)',
    cardLabel: 'Balance',
    cell: (row, ctx) => <BalanceLines row={row} unit={ctx.unit} />,
  },
  { label: 'Skew', cell: (row) => <SkewFigures row={row} /> },
  {
    label: 'Eff. leverage',
    cardLabel: 'Leverage (gain / loss)',
    title: 'Effective leverage on gains / on losses',
    cell: (row) => <LeverageLines row={row} />,
  },
  { label: 'Token price now → next', cell: (row, ctx) => <PriceLines row={row} unit={ctx.unit} /> },
  {
    label: 'Next rebalance',
    cell: (row, ctx) => <RebalanceCountdown row={row} chainNow={ctx.chainNow} stale={ctx.stale} />,
  },
  {
    label: 'Health',
    title: 'Whether the keeper is on time, the price feed answers, and the pool is not paused',
    cell: (row, ctx) => <HealthBadge row={row} stale={ctx.stale} compact />,
  },
  {
    label: 'My holdings',
    optional: (rows) => rows.some((r) => r.holdings !== undefined),
    cell: (row, ctx) =>
      held(row) && row.holdings ? (
        <Money row={row} raw={row.holdings.value} unit={ctx.unit} />
      ) : (
        <span className="text-ink-400">—</span>
      ),
  },
];

/** The columns this list shows: the optional ones only when some pool has something in them. */
export function columnsFor(rows: readonly PoolRowView[]): readonly PoolColumn[] {
  return POOL_COLUMNS.filter((c) => c.optional === undefined || c.optional(rows));
}

/**
 * A pool's Trade action, in the table and in the cards alike (each with its own look): none for a pool that is
 * not an Olympus pool, whose page must first say what it fails.
 */
export function TradeAction({
  row,
  unverified,
  className,
}: {
  row: PoolRowView;
  unverified: boolean;
  className: string;
}) {
  if (unverified) return null;
  return (
    <Link to={tradeLink({ pool: row.address })} className={className} aria-label={`Trade ${row.name}`}>
      Trade
    </Link>
  );
}
