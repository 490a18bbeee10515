/** `/history/pool/:address`: a verified pool's upkeeps and recorded balances, a page of blocks at a time. */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import type { Context, Env } from 'hono';
import { and, eq, inArray } from 'ponder';
import type { Address } from 'viem';
import { poolEventsOf } from '../../../src/chain/history/historyRecords.ts';
import type { PoolHistoryAnswer } from '../../../src/chain/history/indexerApi.ts';
import { ADDRESS, blockParam, chainNow, json, lower } from './answers.ts';
import { page, recordsOf } from './recordPages.ts';
import { olympusPools } from './verifiedPools.ts';

export async function poolRoute(c: Context<Env, '/history/pool/:address'>): Promise<Response> {
  const address = c.req.param('address');
  const toBlock = blockParam(c.req.query('toBlock'));
  if (!ADDRESS.test(address) || toBlock === undefined) return json(c, { error: 'bad request' }, 400);
  const pool = address.toLowerCase() as Address;
  const now = await chainNow(toBlock);
  if (!now) return json(c, { error: 'not started' }, 503);
  const [deployed] = await db.select().from(schema.pool).where(eq(schema.pool.address, pool));
  if (!deployed)
    return json(c, { chain: now, served: false, why: 'not-deployed-by-factory' } satisfies PoolHistoryAnswer);
  const info = (await olympusPools()).get(pool);
  if (!info) return json(c, { chain: now, served: false, why: 'not-olympus' } satisfies PoolHistoryAnswer);
  const from = blockParam(c.req.query('fromBlock')) ?? deployed.deployBlock;
  const to = lower(toBlock, now.head.block);
  const { rows, through } = await page(
    and(eq(schema.record.pool, pool), inArray(schema.record.kind, ['upkeep', 'executed', 'balances'])),
    from,
    to,
  );
  const events = poolEventsOf(info, recordsOf(rows));
  return json(c, {
    chain: now,
    served: true,
    deployBlock: deployed.deployBlock,
    through,
    ...events,
  } satisfies PoolHistoryAnswer);
}
