/**
 * `/history/user/:address`: a user's events in the asked pools that are the factory's and verified, a page of
 * blocks at a time, with the upkeep steps of the same blocks (steps.ts).
 */
import type { Context, Env } from 'hono';
import type { Address } from 'viem';
import type { UpkeepStep } from '../../../src/chain/history/historySource.ts';
import type { UserHistoryAnswer } from '../../../src/chain/history/indexerApi.ts';
import { userEventsOf } from '../../../src/chain/history/userEvents.ts';
import { ADDRESS, blockParam, chainNow, json, lower } from './answers.ts';
import { page, recordsOf } from './recordPages.ts';
import { userSteps } from './steps.ts';
import { servedPools, userRecordsWhere } from './userRecords.ts';

export async function userRoute(c: Context<Env, '/history/user/:address'>): Promise<Response> {
  const address = c.req.param('address');
  const toBlock = blockParam(c.req.query('toBlock'));
  if (!ADDRESS.test(address) || toBlock === undefined) return json(c, { error: 'bad request' }, 400);
  const user = address.toLowerCase() as Address;
  const now = await chainNow(toBlock);
  if (!now) return json(c, { error: 'not started' }, 503);
  const served = await servedPools(c.req.query('pools'));
  const { deployBlock, pools } = served;
  const to = lower(toBlock, now.head.block);
  if (deployBlock === undefined)
    return json(c, {
      chain: now,
      served: [],
      deployBlock: 0n,
      through: to,
      events: {},
      steps: {},
    } satisfies UserHistoryAnswer);
  const from = blockParam(c.req.query('fromBlock')) ?? deployBlock;
  const { rows, through } = await page(userRecordsWhere(served, user), from, to);
  const events = Object.fromEntries(userEventsOf(pools, user, recordsOf(rows)));
  // The upkeep steps of the same blocks, so the portfolio's profit split needs no request of its own.
  const steps: Record<string, UpkeepStep[]> = {};
  for (const pool of pools) steps[pool.address.toLowerCase()] = await userSteps(pool, user, from, through);
  return json(c, {
    chain: now,
    served: served.rows.map((p) => p.address),
    deployBlock,
    through,
    events,
    steps,
  } satisfies UserHistoryAnswer);
}
