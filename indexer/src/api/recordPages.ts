/**
 * The routes' reads of `record` rows: a block range in pages that end at a block boundary, and the rows turned
 * back into the app's history records.
 */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import { and, asc, eq, gte, lte } from 'ponder';
import { historyFromJson } from '../../../src/chain/history/historyJson.ts';
import type { HistoryRecord } from '../../../src/chain/history/historyRecords.ts';

/** Rows per page: a page ends at a block boundary, so a pool's upkeep and its executed interval stay together. */
const PAGE_ROWS = 5_000;

type RecordRow = typeof schema.record.$inferSelect;

/**
 * Rows matching `where` in blocks `fromBlock..toBlock`, at most a page: when cut, the page ends before the
 * last block it reached (a single block with more rows than a page is returned whole).
 */
export async function page(
  where: ReturnType<typeof and>,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<{ rows: RecordRow[]; through: bigint }> {
  const inRange = and(
    where,
    gte(schema.record.blockNumber, fromBlock),
    lte(schema.record.blockNumber, toBlock),
  );
  const rows = await db
    .select()
    .from(schema.record)
    .where(inRange)
    .orderBy(asc(schema.record.blockNumber), asc(schema.record.logIndex))
    .limit(PAGE_ROWS + 1);
  if (rows.length <= PAGE_ROWS) return { rows, through: toBlock };
  const last = rows[PAGE_ROWS - 1]!.blockNumber;
  const before = rows.filter((r) => r.blockNumber < last);
  if (before.length > 0) return { rows: before, through: last - 1n };
  const whole = await db
    .select()
    .from(schema.record)
    .where(and(where, eq(schema.record.blockNumber, last)))
    .orderBy(asc(schema.record.logIndex));
  return { rows: whole, through: last };
}

export const recordsOf = (rows: RecordRow[]) => rows.map((r) => historyFromJson<HistoryRecord>(r.json));
