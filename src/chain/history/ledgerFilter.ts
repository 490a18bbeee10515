/**
 * Which of an account's history rows a filter keeps: by pool, side and type. One predicate for the history
 * indexer's ledger route and the browser's own paging, so that a page, a filtered page and a CSV export keep
 * exactly the same rows wherever they are cut (docs/ledger.md, "Filters").
 *
 * Sides and types are the ledger's own words (`side` and `type` columns of the CSV), with one choice of ours:
 * a flip burns one side and mints the other, so it shows under either side (its `side` column still names
 * the side it leaves). A transfer belongs to its token's side. Claims and AutoClaim's records have no side (a
 * claim pays out whatever the escrow holds), and share one type, `claim`.
 */
import type { Address } from 'viem';
import { commitAction } from '../../engine/commits.ts';
import { isAddressEqual } from '../config/addressText.ts';
import type { UserEvent } from './historySource.ts';

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

export const isFiltered = (filter: HistoryFilter) =>
  filter.pool !== null || filter.side !== null || filter.type !== null;

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

/** `pool` may be in any case (the history's keys are lower case). */
export function matchesFilter(pool: Address, event: UserEvent, filter: HistoryFilter): boolean {
  if (filter.pool !== null && !isAddressEqual(pool, filter.pool)) return false;
  if (filter.side !== null && !eventSides(event).includes(filter.side)) return false;
  if (filter.type !== null && eventType(event) !== filter.type) return false;
  return true;
}
