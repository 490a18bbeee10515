/** `/history/protocol`: the verified pools' per-day figures, from the day asked on. */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import type { Context } from 'hono';
import { and, asc, desc, gte, inArray } from 'ponder';
import type { Address } from 'viem';
import type { PoolDayFigures, ProtocolAnswer } from '../../../src/chain/history/indexerApi.ts';
import { blockParam, chainNow, json } from './answers.ts';
import { olympusPools } from './verifiedPools.ts';

export async function protocolRoute(c: Context): Promise<Response> {
  const now = await chainNow();
  if (!now) return json(c, { error: 'not started' }, 503);
  const sinceDay = blockParam(c.req.query('since')) ?? 0n;
  const olympus = [...(await olympusPools()).keys()] as Address[];
  const rows = olympus.length
    ? await db
        .select()
        .from(schema.poolDay)
        .where(and(inArray(schema.poolDay.pool, olympus), gte(schema.poolDay.day, sinceDay)))
        .orderBy(asc(schema.poolDay.day), desc(schema.poolDay.pool))
    : [];
  const days: PoolDayFigures[] = rows.map(({ id: _id, day, ...figures }) => ({
    ...figures,
    day: Number(day),
  }));
  return json(c, { chain: now, days } satisfies ProtocolAnswer);
}
