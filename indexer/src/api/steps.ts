/**
 * `/history/steps/:user`: each asked pool's upkeep steps (`upkeep_step`) from the block of the user's first
 * commit or token transfer in it, for the holder's profit split (docs/indexer.md, "Upkeep steps"). Served for
 * the same pools as the user route: deployed by the factory and verified as Olympus pools. One answer, not
 * paged: a pool upkept hourly has some 8,800 steps a year.
 */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import type { Context } from 'hono';
import { and, asc, eq, gte, inArray, lte, or } from 'ponder';
import type { Address } from 'viem';
import type { HistoryPool } from '../../../src/chain/history/historyRecords.ts';
import type { UpkeepStep } from '../../../src/chain/history/historySource.ts';
import type { IndexerChain, StepsAnswer } from '../../../src/chain/history/indexerApi.ts';

/** What the route borrows from the main routes file, so the two answer alike. */
export interface StepsRouteDeps {
  chainNow: (waitFor?: bigint) => Promise<IndexerChain | undefined>;
  olympusPools: () => Promise<Map<string, HistoryPool>>;
  json: (c: Context, body: unknown, status?: 200 | 400 | 404 | 503) => Response;
  blockParam: (text: string | undefined) => bigint | undefined;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const lower = (a: Address) => a.toLowerCase() as Address;
/** The earlier of two blocks (Math.min does not take bigints). */
const earlier = (a: bigint, b: bigint) => (a < b ? a : b);

type StepRow = typeof schema.upkeepStep.$inferSelect;

function stepOf(row: StepRow): UpkeepStep {
  return {
    blockNumber: row.blockNumber,
    logIndex: row.logIndex,
    transactionHash: row.transactionHash,
    timestamp: Number(row.timestamp),
    ...(row.firstInterval === null ? {} : { firstInterval: row.firstInterval }),
    ...(row.lastInterval === null ? {} : { lastInterval: row.lastInterval }),
    ...(row.longPrice === null || row.shortPrice === null
      ? {}
      : { prices: { long: row.longPrice, short: row.shortPrice } }),
    ...(row.longBefore === null || row.shortBefore === null
      ? {}
      : { before: { long: row.longBefore, short: row.shortBefore } }),
    fee: { long: row.longFee, short: row.shortFee },
    change: { long: row.longChange, short: row.shortChange },
    keeperReward: row.keeperReward,
  };
}

/** The block of the user's first commit or transfer in `pool` up to `to`, if any. */
async function firstBlock(pool: HistoryPool, user: Address, to: bigint): Promise<bigint | undefined> {
  // The verified pool's own committer and tokens, as read from the chain (as the user route does).
  const contracts = [pool.committer, pool.longToken, pool.shortToken].map(lower);
  const [first] = await db
    .select({ blockNumber: schema.record.blockNumber })
    .from(schema.record)
    .where(
      and(
        inArray(schema.record.address, contracts),
        inArray(schema.record.kind, ['commit', 'transfer']),
        or(eq(schema.record.party, user), eq(schema.record.counterparty, user)),
        lte(schema.record.blockNumber, to),
      ),
    )
    .orderBy(asc(schema.record.blockNumber))
    .limit(1);
  return first?.blockNumber;
}

/**
 * A pool's steps in `from..to` that the user lived through: from the block of their first commit or transfer
 * in the pool (up to `to`) on. Shared by this route and the user route, which serves them page by page.
 */
export async function userSteps(
  pool: HistoryPool,
  user: Address,
  from: bigint,
  to: bigint,
): Promise<UpkeepStep[]> {
  const first = await firstBlock(pool, user, to);
  if (first === undefined) return [];
  const rows = await db
    .select()
    .from(schema.upkeepStep)
    .where(
      and(
        eq(schema.upkeepStep.pool, lower(pool.address)),
        gte(schema.upkeepStep.blockNumber, first > from ? first : from),
        lte(schema.upkeepStep.blockNumber, to),
      ),
    )
    .orderBy(asc(schema.upkeepStep.blockNumber), asc(schema.upkeepStep.logIndex));
  return rows.map(stepOf);
}

export function stepsRoute({ chainNow, olympusPools, json, blockParam }: StepsRouteDeps) {
  return async (c: Context) => {
    const address = c.req.param('user') ?? '';
    const toBlock = blockParam(c.req.query('toBlock'));
    const asked = (c.req.query('pools') ?? '').split(',').filter((p) => ADDRESS.test(p));
    if (!ADDRESS.test(address) || toBlock === undefined) return json(c, { error: 'bad request' }, 400);
    const user = lower(address as Address);
    const now = await chainNow(toBlock);
    if (!now) return json(c, { error: 'not started' }, 503);
    const olympus = await olympusPools();
    const wanted = [...new Set(asked.map((p) => lower(p as Address)))];
    const deployed = wanted.length
      ? await db.select().from(schema.pool).where(inArray(schema.pool.address, wanted))
      : [];
    const served = wanted.filter((p) => olympus.has(p) && deployed.some((d) => d.address === p));
    const through = earlier(toBlock, now.head.block);
    const steps: Record<string, UpkeepStep[]> = {};
    for (const pool of served) steps[pool] = await userSteps(olympus.get(pool)!, user, 0n, through);
    return json(c, { chain: now, through, served, steps } satisfies StepsAnswer);
  };
}
