/**
 * A pool's book (side balances, token supplies, queued burns) replayed from its events by the engine, so the
 * indexer knows the balances before each upkeep and the prices of each interval without reading past state
 * (docs/indexer.md, "Upkeep steps"). V2.1 emits no `PoolBalancesChanged` at an upkeep, so between two of them
 * the book is moved as the contracts move it:
 * - a commit queues into its interval's totals; a burn or flip takes its tokens from the supply into the queued
 *   burns at once (the pool burns them at commit);
 * - `PoolRebalance` adds each side's change (the fee included, as the event reports it);
 * - `ExecutedCommitsForInterval` executes the interval's totals with the engine's `executeInterval`, at the
 *   burning fee the event names and the minting fee the pool's last commit named;
 * - `KeeperPaid` takes the reward from the balances as `payKeeperFromBalances` does;
 * - `PoolBalancesChanged` (at commits and claims) sets the balances to what the pool recorded, which also puts
 *   right anything the replay could not know (a minting fee changed between a commit and an upkeep).
 * Pure: the handlers keep the book and the totals in the database.
 */
import { type CommitType, commitAction } from '../../src/engine/commits.ts';
import type { ExecutedInterval } from '../../src/engine/execution.ts';
import { executeInterval } from '../../src/engine/execution.ts';
import { mintFeeAtCommit } from '../../src/engine/fees.ts';
import { payKeeperFromBalances } from '../../src/engine/keeper.ts';
import type { CommitTotals, PoolBook } from '../../src/engine/types.ts';

export interface ReplayBook extends PoolBook {
  /** The minting fee the pool's last commit named: what a flip executed next pays (§3.4 step 2). */
  mintingFeeWad: bigint;
}

export const emptyBook = (): ReplayBook => ({
  longBalance: 0n,
  shortBalance: 0n,
  longSupply: 0n,
  shortSupply: 0n,
  pendingLongBurnPoolTokens: 0n,
  pendingShortBurnPoolTokens: 0n,
  mintingFeeWad: 0n,
});

export interface ReplayCommit {
  commitType: CommitType;
  amount: bigint;
  mintingFeeWad: bigint;
}

/** A commit: into its interval's totals, and a burn's tokens from the supply into the queued burns. */
export function queueCommit(
  book: ReplayBook,
  totals: CommitTotals,
  commit: ReplayCommit,
): { book: ReplayBook; totals: CommitTotals } {
  const b = { ...book, mintingFeeWad: commit.mintingFeeWad };
  const t = { ...totals };
  const action = commitAction(commit.commitType);
  if (!action) return { book: b, totals: t };
  if (action.kind === 'mint') {
    // The fee is added to the side at once; the `PoolBalancesChanged` of the same call says so.
    t[action.total] += mintFeeAtCommit(commit.amount, commit.mintingFeeWad).queued;
  } else {
    t[action.total] += commit.amount;
    if (action.side === 'long') {
      b.longSupply -= commit.amount;
      b.pendingLongBurnPoolTokens += commit.amount;
    } else {
      b.shortSupply -= commit.amount;
      b.pendingShortBurnPoolTokens += commit.amount;
    }
  }
  return { book: b, totals: t };
}

/** `PoolRebalance`: the balances before it, and the book after it. */
export function rebalance(
  book: ReplayBook,
  change: { long: bigint; short: bigint },
): { before: { long: bigint; short: bigint }; book: ReplayBook } {
  const before = { long: book.longBalance, short: book.shortBalance };
  const floor = (x: bigint) => (x < 0n ? 0n : x);
  return {
    before,
    book: {
      ...book,
      longBalance: floor(book.longBalance + change.long),
      shortBalance: floor(book.shortBalance + change.short),
    },
  };
}

/**
 * `ExecutedCommitsForInterval`: the interval executed as the committer executes it. Undefined when the engine
 * says the contract would have reverted here, which means the book has drifted from the chain's: the book is
 * then left alone until the next `PoolBalancesChanged`.
 */
export function executeReplayed(
  book: ReplayBook,
  intervalId: bigint,
  totals: CommitTotals,
  burningFeeWad: bigint,
): { book: ReplayBook; executed: ExecutedInterval } | undefined {
  try {
    const { book: next, executed } = executeInterval(
      book,
      intervalId,
      totals,
      book.mintingFeeWad,
      burningFeeWad,
    );
    return { book: { ...next, mintingFeeWad: book.mintingFeeWad }, executed };
  } catch {
    return undefined;
  }
}

/** `KeeperPaid`: the reward off both sides by their balances. */
export function payKeeper(book: ReplayBook, reward: bigint): ReplayBook {
  const paid = payKeeperFromBalances(reward, book.longBalance, book.shortBalance);
  return { ...book, longBalance: paid.longBalance, shortBalance: paid.shortBalance };
}

/** `PoolBalancesChanged`: the balances as the pool recorded them. */
export function recorded(book: ReplayBook, long: bigint, short: bigint): ReplayBook {
  return { ...book, longBalance: long, shortBalance: short };
}
