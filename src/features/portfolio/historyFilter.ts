/**
 * Which of the account's history rows a filter keeps: by pool, side and type. Pure, so that the card's table
 * and its CSV export keep exactly the same rows (docs/ledger.md, "Filters").
 *
 * Sides and types are the ledger's own words (`side` and `type` columns, ledgerCsv.ts), with one choice of
 * ours: a flip burns one side and mints the other, so it shows under either side (its `side` column still
 * names the side it leaves). A transfer belongs to its token's side. Claims and AutoClaim's records have no
 * side (a claim pays out whatever the escrow holds), and share one type, `claim`.
 */
import type { Address } from 'viem';
import { isAddressEqual, toAddress } from '../../chain/config/addressText.ts';
import type { UserEvent } from '../../chain/history/historySource.ts';
import { commitAction } from '../../engine/commits.ts';
import type { LedgerHistory } from './ledgerCsv.ts';

export const HISTORY_SIDES = ['long', 'short'] as const;
export type HistorySide = (typeof HISTORY_SIDES)[number];
export const HISTORY_TYPES = ['mint', 'burn', 'flip', 'transfer_in', 'transfer_out', 'claim'] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** A filter as the card applies it; `null` is "All". The pool is a checksummed address. */
export interface HistoryFilter {
  pool: Address | null;
  side: HistorySide | null;
  type: HistoryType | null;
}

export const NO_FILTER: HistoryFilter = { pool: null, side: null, type: null };

/**
 * A pool address from a link, checksummed; null for anything that is not one, a mixed case that fails its
 * checksum included (then: all pools).
 */
export function parsePoolAddress(text: string): Address | null {
  return toAddress(text) ?? null;
}

/** The sides an event touches: none for a commit type this app does not know. */
export function eventSides(event: UserEvent): HistorySide[] {
  if (event.kind === 'transfer') return [event.side];
  if (event.kind !== 'commit') return [];
  const action = commitAction(event.commitType);
  if (!action) return [];
  if (action.kind !== 'flip') return [action.side];
  return action.side === 'long' ? ['long', 'short'] : ['short', 'long'];
}

/** The event's type in the ledger's words; undefined for a commit type this app does not know. */
export function eventType(event: UserEvent): HistoryType | undefined {
  if (event.kind === 'transfer') return event.direction === 'in' ? 'transfer_in' : 'transfer_out';
  if (event.kind !== 'commit') return 'claim';
  return commitAction(event.commitType)?.kind;
}

export function matchesFilter(pool: Address, event: UserEvent, filter: HistoryFilter): boolean {
  if (filter.pool !== null && !isAddressEqual(pool, filter.pool)) return false;
  if (filter.side !== null && !eventSides(event).includes(filter.side)) return false;
  if (filter.type !== null && eventType(event) !== filter.type) return false;
  return true;
}

/** The histories with only the events the filter keeps; a pool left with none is dropped. */
export function filterHistories<H extends LedgerHistory>(
  histories: readonly H[],
  filter: HistoryFilter,
): H[] {
  return histories
    .map((h) => ({ ...h, events: h.events.filter((e) => matchesFilter(h.pool.address, e, filter)) }))
    .filter((h) => h.events.length > 0);
}

/** The pools the account has events in, by name: what the pool filter offers. */
export function poolsWithEvents<H extends LedgerHistory>(histories: readonly H[]): H['pool'][] {
  return histories
    .filter((h) => h.events.length > 0)
    .map((h) => h.pool)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The filter a link asks for, applied to the account's history: a pool the account has no event in is
 * dropped (all pools are shown, and `unknownPool` says so), never an error.
 */
export function resolveFilter(
  linked: HistoryFilter,
  histories: readonly LedgerHistory[],
): { filter: HistoryFilter; unknownPool: boolean } {
  const { pool } = linked;
  if (pool === null) return { filter: linked, unknownPool: false };
  const known = poolsWithEvents(histories).some((p) => isAddressEqual(p.address, pool));
  return known
    ? { filter: linked, unknownPool: false }
    : { filter: { ...linked, pool: null }, unknownPool: true };
}

export const isFiltered = (filter: HistoryFilter) =>
  filter.pool !== null || filter.side !== null || filter.type !== null;
