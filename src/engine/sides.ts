/**
 * The two sides of a pool by name (docs/protocol.md §1): which is the other one, and where each keeps its
 * balance, supply and pending burns in a PoolBook, so that what is done alike to either side is written once.
 */
import type { PoolBook, Side } from './types.ts';

export const OTHER_SIDE: Readonly<Record<Side, Side>> = { long: 'short', short: 'long' };

export interface BookFields {
  balance: keyof PoolBook;
  supply: keyof PoolBook;
  /** The side's pending-burn counter (§3.3). */
  pendingBurns: keyof PoolBook;
}

export const BOOK_FIELDS: Readonly<Record<Side, BookFields>> = {
  long: { balance: 'longBalance', supply: 'longSupply', pendingBurns: 'pendingLongBurnPoolTokens' },
  short: { balance: 'shortBalance', supply: 'shortSupply', pendingBurns: 'pendingShortBurnPoolTokens' },
};

/** The PoolBook part of a larger record (a PoolState), as a record of its own. */
export function bookOf(state: PoolBook): PoolBook {
  return {
    longBalance: state.longBalance,
    shortBalance: state.shortBalance,
    longSupply: state.longSupply,
    shortSupply: state.shortSupply,
    pendingLongBurnPoolTokens: state.pendingLongBurnPoolTokens,
    pendingShortBurnPoolTokens: state.pendingShortBurnPoolTokens,
  };
}
