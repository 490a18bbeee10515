/**
 * `/history/user/:address`: a user's events in the asked pools that are the factory's and verified, a page of
 * blocks at a time, with the upkeep steps of the same blocks (steps.ts).
 */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import type { Context, Env } from 'hono';
import { and, eq, inArray, or } from 'ponder';
import type { Address } from 'viem';
import type { UpkeepStep } from '../../../src/chain/history/historySource.ts';
import type { UserHistoryAnswer } from '../../../src/chain/history/indexerApi.ts';
import { userEventsOf } from '../../../src/chain/history/userEvents.ts';
import { ADDRESS, blockParam, chainNow, json, lower } from './answers.ts';
import { page, recordsOf } from './recordPages.ts';
import { userSteps } from './steps.ts';
import { olympusPools } from './verifiedPools.ts';

export async function userRoute(c: Context<Env, '/history/user/:address'>): Promise<Response> {
  const address = c.req.param('address');
  const toBlock = blockParam(c.req.query('toBlock'));
  const asked = (c.req.query('pools') ?? '').split(',').filter((p) => ADDRESS.test(p));
  if (!ADDRESS.test(address) || toBlock === undefined) return json(c, { error: 'bad request' }, 400);
  const user = address.toLowerCase() as Address;
  const now = await chainNow(toBlock);
  if (!now) return json(c, { error: 'not started' }, 503);
  const olympus = await olympusPools();
  const wanted = [...new Set(asked.map((p) => p.toLowerCase() as Address))];
  const deployed = wanted.length
    ? await db.select().from(schema.pool).where(inArray(schema.pool.address, wanted))
    : [];
  // In the order asked: the database returns rows in whatever order it keeps them, which updates change.
  const served = wanted.flatMap((pool) => {
    const row = deployed.find((p) => p.address === pool);
    return row && olympus.has(pool) ? [row] : [];
  });
  const deployBlock = served.reduce<bigint | undefined>(
    (min, p) => (min === undefined ? p.deployBlock : lower(min, p.deployBlock)),
    undefined,
  );
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
  const pools = served.map((p) => olympus.get(p.address)!);
  // The verified pools' own committers and tokens, as read from the chain: not what any pool announced.
  const contracts = pools.flatMap((p) =>
    [p.committer, p.longToken, p.shortToken].map((a) => a.toLowerCase() as Address),
  );
  const { rows, through } = await page(
    and(
      or(
        and(
          inArray(schema.record.address, contracts),
          inArray(schema.record.kind, ['commit', 'transfer', 'claim']),
        ),
        // AutoClaim's records come from AutoClaim itself: they are the pool's through the committer they name.
        and(
          inArray(schema.record.kind, ['claimRequest', 'claimExecuted']),
          inArray(
            schema.record.pool,
            served.map((p) => p.address),
          ),
        ),
      ),
      or(eq(schema.record.party, user), eq(schema.record.counterparty, user)),
    ),
    from,
    to,
  );
  const events = Object.fromEntries(userEventsOf(pools, user, recordsOf(rows)));
  // The upkeep steps of the same blocks, so the portfolio's profit split needs no request of its own.
  const steps: Record<string, UpkeepStep[]> = {};
  for (const pool of pools) steps[pool.address.toLowerCase()] = await userSteps(pool, user, from, through);
  return json(c, {
    chain: now,
    served: served.map((p) => p.address),
    deployBlock,
    through,
    events,
    steps,
  } satisfies UserHistoryAnswer);
}
