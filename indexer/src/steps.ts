/**
 * Each pool's upkeep steps (`upkeep_step`, docs/indexer.md "Upkeep steps"): what the holder's profit split
 * needs of every upkeep. One keeper transaction's logs about one pool build one row, each handler adding its
 * part, in whatever order the logs come. V2.1 emits no `PoolBalancesChanged` at an upkeep, so the balances
 * before it and the prices of the intervals it executes come from the pool's book, replayed from its events
 * by the engine (book.ts): no handler reads contract state, so no archive node is needed.
 */
import schema from 'ponder:schema';
import type { Address, Hex } from 'viem';
import type { RecordOf } from '../../src/chain/history/historyRecords.ts';
import { emptyTotals } from '../../src/engine/commits.ts';
import { quadToHex } from '../../src/engine/quad.ts';
import type { CommitTotals } from '../../src/engine/types.ts';
import {
  emptyBook,
  executeReplayed,
  payKeeper,
  queueCommit,
  type ReplayBook,
  rebalance,
  recorded,
} from './book.ts';
import type { Db, LogEvent } from './events.ts';

type StepRow = typeof schema.upkeepStep.$inferSelect;

const lower = (a: Address) => a.toLowerCase() as Address;

async function bookOf(db: Db, pool: Address): Promise<ReplayBook> {
  const row = await db.find(schema.poolBook, { pool: lower(pool) });
  if (!row) return emptyBook();
  const { pool: _pool, ...book } = row;
  return book;
}

async function keepBook(db: Db, pool: Address, book: ReplayBook) {
  await db
    .insert(schema.poolBook)
    .values({ pool: lower(pool), ...book })
    .onConflictDoUpdate(book);
}

const totalsId = (pool: Address, intervalId: bigint) => `${lower(pool)}:${intervalId}`;

async function totalsOf(db: Db, pool: Address, intervalId: bigint): Promise<CommitTotals> {
  const row = await db.find(schema.intervalTotals, { id: totalsId(pool, intervalId) });
  if (!row) return emptyTotals();
  const { id: _id, ...totals } = row;
  return totals;
}

/** `CreateCommit`: the commit into its interval's totals and the pool's book. */
export async function commitToBook(db: Db, pool: Address, r: RecordOf<'commit'>) {
  const { book, totals } = queueCommit(await bookOf(db, pool), await totalsOf(db, pool, r.intervalId), r);
  await keepBook(db, pool, book);
  await db
    .insert(schema.intervalTotals)
    .values({ id: totalsId(pool, r.intervalId), ...totals })
    .onConflictDoUpdate(totals);
}

/** `PoolBalancesChanged`: the balances as the pool recorded them. */
export async function balancesToBook(db: Db, r: RecordOf<'balances'>) {
  await keepBook(db, r.address, recorded(await bookOf(db, r.address), r.longBalance, r.shortBalance));
}

/** Adds `part` (worked out from the row as it stands) to the step of `pool` in the event's transaction. */
async function addToStep(db: Db, event: LogEvent, pool: Address, part: (row: StepRow) => Partial<StepRow>) {
  const key = pool.toLowerCase() as Address;
  const transactionHash = event.transaction.hash.toLowerCase() as Hex;
  const id = `${key}:${transactionHash}`;
  const current = await db.find(schema.upkeepStep, { id });
  const base: StepRow = current ?? {
    id,
    pool: key,
    transactionHash,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
    firstInterval: null,
    lastInterval: null,
    longPrice: null,
    shortPrice: null,
    longBefore: null,
    shortBefore: null,
    longFee: 0n,
    shortFee: 0n,
    longChange: 0n,
    shortChange: 0n,
    keeperReward: 0n,
  };
  // The step is located at its first log in this pool, whichever handler ran first.
  const logIndex = Math.min(base.logIndex, event.log.logIndex);
  const next = { ...base, ...part(base), logIndex };
  if (current) await db.update(schema.upkeepStep, { id }).set(next);
  else await db.insert(schema.upkeepStep).values(next);
}

/** `UpkeepSuccessful`: every upkeep is a step, even one that moved nothing. */
export const upkeepStepOf = (db: Db, event: LogEvent, r: RecordOf<'upkeep'>) =>
  addToStep(db, event, r.pool, () => ({}));

/** `KeeperPaid`: the keeper's reward, out of the pool. */
export async function keeperStepOf(db: Db, event: LogEvent, r: RecordOf<'keeperPaid'>) {
  await keepBook(db, r.pool, payKeeper(await bookOf(db, r.pool), r.reward));
  await addToStep(db, event, r.pool, (row) => ({ keeperReward: row.keeperReward + r.reward }));
}

/** `PoolRebalance`: fees and each side's change, and the side balances the rebalance started from. */
export async function rebalanceStepOf(db: Db, event: LogEvent, r: RecordOf<'rebalance'>) {
  const { before, book } = rebalance(await bookOf(db, r.address), {
    long: r.longChange,
    short: r.shortChange,
  });
  await keepBook(db, r.address, book);
  await addToStep(db, event, r.address, () => ({
    longBefore: before.long,
    shortBefore: before.short,
    longFee: r.longFee,
    shortFee: r.shortFee,
    longChange: r.longChange,
    shortChange: r.shortChange,
  }));
}

/** `ExecutedCommitsForInterval`: the interval executed on the book; the step keeps the prices of its first. */
export async function executedStepOf(db: Db, event: LogEvent, pool: Address, r: RecordOf<'executed'>) {
  const replayed = executeReplayed(
    await bookOf(db, pool),
    r.intervalId,
    await totalsOf(db, pool, r.intervalId),
    r.burningFeeWad,
  );
  if (replayed) await keepBook(db, pool, replayed.book);
  await addToStep(db, event, pool, (row) => {
    const last =
      row.lastInterval === null || r.intervalId > row.lastInterval ? r.intervalId : row.lastInterval;
    if (row.firstInterval !== null && row.firstInterval <= r.intervalId) return { lastInterval: last };
    return {
      firstInterval: r.intervalId,
      lastInterval: last,
      longPrice: replayed ? quadToHex(replayed.executed.longPrice) : null,
      shortPrice: replayed ? quadToHex(replayed.executed.shortPrice) : null,
    };
  });
}
