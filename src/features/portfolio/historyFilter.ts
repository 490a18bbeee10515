/**
 * The history card's filter as a link carries it, checked against the pools the account has events in; which
 * rows a filter keeps is the chain layer's one predicate (ledgerFilter.ts), wherever the rows are cut.
 */
import type { Address } from 'viem';
import { isAddressEqual, toAddress } from '../../chain/config/addressText.ts';
import type { HistoryFilter } from '../../chain/history/ledgerFilter.ts';
import type { LedgerPool } from './ledgerCsv.ts';

/**
 * A pool address from a link, checksummed; null for anything that is not one, a mixed case that fails its
 * checksum included (then: all pools).
 */
export function parsePoolAddress(text: string): Address | null {
  return toAddress(text) ?? null;
}

/** The pools the account has events in, by name: what the pool filter offers. */
export function poolsByName<P extends LedgerPool>(pools: readonly P[]): P[] {
  return [...pools].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The filter a link asks for, applied to the account's history: a pool the account has no event in is
 * dropped (all pools are shown, and `unknownPool` says so), never an error.
 */
export function resolveFilter(
  linked: HistoryFilter,
  /** The pools the account has events in. */
  pools: readonly LedgerPool[],
): { filter: HistoryFilter; unknownPool: boolean } {
  const { pool } = linked;
  if (pool === null) return { filter: linked, unknownPool: false };
  const known = pools.some((p) => isAddressEqual(p.address, pool));
  return known
    ? { filter: linked, unknownPool: false }
    : { filter: { ...linked, pool: null }, unknownPool: true };
}
