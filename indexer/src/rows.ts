/**
 * What the handlers (index.ts) write besides the book: each event's `record` row, with the columns the routes
 * filter on, and a pool's per-day figures (`pool_day`).
 */
import schema from 'ponder:schema';
import type { Address } from 'viem';
import { historyToJson } from '../../src/chain/history/historyJson.ts';
import type { HistoryRecord } from '../../src/chain/history/historyRecords.ts';
import { NO_DAY_ACTIVITY } from '../../src/chain/history/indexerApi.ts';
import type { Db, LogEvent } from './events.ts';

const DAY = 86_400n;

export async function keep(
  db: Db,
  event: LogEvent,
  record: HistoryRecord,
  where: { pool?: Address | undefined; party?: Address; counterparty?: Address },
) {
  const lower = (a: Address | undefined) => (a ? (a.toLowerCase() as Address) : null);
  await db.insert(schema.record).values({
    id: event.id,
    kind: record.kind,
    address: lower(record.address)!,
    pool: lower(where.pool),
    party: lower(where.party),
    counterparty: lower(where.counterparty),
    blockNumber: record.blockNumber,
    logIndex: record.logIndex,
    json: historyToJson(record),
  });
}

type DayFigures = Partial<
  Pick<
    typeof schema.poolDay.$inferInsert,
    | 'longBalance'
    | 'shortBalance'
    | 'mintVolume'
    | 'longBurnTokens'
    | 'shortBurnTokens'
    | 'commits'
    | 'upkeeps'
    | 'feesCharged'
    | 'primaryFees'
    | 'secondaryFees'
    | 'keeperRewards'
  >
>;

/** Adds to (and, for balances, overwrites) a pool's figures for the day of `timestamp`. */
export async function addToDay(db: Db, pool: Address, timestamp: bigint, add: DayFigures) {
  const day = timestamp - (timestamp % DAY);
  const id = `${pool.toLowerCase()}:${day}`;
  const current = await db.find(schema.poolDay, { id });
  // A new day opens at the pool's last recorded balances, so a quiet day still has a TVL. Kept on the pool's
  // row: a keyed find stays in Ponder's cache, where a query over the days would flush it.
  const previous = current
    ? undefined
    : await db.find(schema.pool, { address: pool.toLowerCase() as Address });
  const base = current ?? {
    id,
    pool: pool.toLowerCase() as Address,
    day,
    longBalance: previous?.longBalance ?? 0n,
    shortBalance: previous?.shortBalance ?? 0n,
    ...NO_DAY_ACTIVITY,
  };
  const next = {
    ...base,
    longBalance: add.longBalance ?? base.longBalance,
    shortBalance: add.shortBalance ?? base.shortBalance,
    mintVolume: base.mintVolume + (add.mintVolume ?? 0n),
    longBurnTokens: base.longBurnTokens + (add.longBurnTokens ?? 0n),
    shortBurnTokens: base.shortBurnTokens + (add.shortBurnTokens ?? 0n),
    commits: base.commits + (add.commits ?? 0),
    upkeeps: base.upkeeps + (add.upkeeps ?? 0),
    feesCharged: base.feesCharged + (add.feesCharged ?? 0n),
    primaryFees: base.primaryFees + (add.primaryFees ?? 0n),
    secondaryFees: base.secondaryFees + (add.secondaryFees ?? 0n),
    keeperRewards: base.keeperRewards + (add.keeperRewards ?? 0n),
  };
  if (current) await db.update(schema.poolDay, { id }).set(next);
  else await db.insert(schema.poolDay).values(next);
}
