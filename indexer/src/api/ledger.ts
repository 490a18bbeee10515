/**
 * `/history/ledger/:address`: a user's ledger in the asked pools that are the factory's and verified, computed
 * here by the app's own code (src/chain/history/ledger.ts) so that a long history never travels whole: each
 * pool's cost basis and profit split, and the one page of rows the query asks for, sorted and filtered here.
 * The events come from the records and the upkeep steps from the replayed book, as the user route serves them;
 * the prices and fees the pools stored for the user's intervals are read at the latest block, as the browser
 * reads them (userHistory.ts), never at a past one.
 */
import type { Context, Env } from 'hono';
import type { Address } from 'viem';
import type { HistorySource } from '../../../src/chain/history/historySource.ts';
import type { LedgerAnswer } from '../../../src/chain/history/indexerApi.ts';
import { ledgerOf, ledgerPage, parseLedgerQuery } from '../../../src/chain/history/ledger.ts';
import { userEventsOf } from '../../../src/chain/history/userEvents.ts';
import { readUserHistory } from '../../../src/chain/history/userHistory.ts';
import { ADDRESS, blockParam, chainNow, json, lower } from './answers.ts';
import { page, recordsOf } from './recordPages.ts';
import { userSteps } from './steps.ts';
import { servedPools, userRecordsWhere } from './userRecords.ts';
import { chain, client } from './verifiedPools.ts';

export async function ledgerRoute(c: Context<Env, '/history/ledger/:address'>): Promise<Response> {
  const address = c.req.param('address');
  const toBlock = blockParam(c.req.query('toBlock'));
  const query = parseLedgerQuery((name) => c.req.query(name));
  if (!ADDRESS.test(address) || toBlock === undefined || !query)
    return json(c, { error: 'bad request' }, 400);
  const user = address.toLowerCase() as Address;
  const now = await chainNow(toBlock);
  if (!now) return json(c, { error: 'not started' }, 503);
  const served = await servedPools(c.req.query('pools'));
  const through = lower(toBlock, now.head.block);
  const answer: LedgerAnswer = {
    chain: now,
    through,
    served: served.rows.map((p) => p.address),
    pools: {},
    page: { rows: [], total: 0, offset: query.offset },
  };
  if (served.deployBlock === undefined) return json(c, answer);
  // Every record of the user's, page after page: the figures need them all (they stay on this side).
  const records = [];
  for (let from = served.deployBlock; from <= through; ) {
    const next = await page(userRecordsWhere(served, user), from, through);
    records.push(...recordsOf(next.rows));
    from = next.through + 1n;
  }
  const events = userEventsOf(served.pools, user, records);
  const history: HistorySource = {
    poolEvents: () => Promise.reject(new Error('not asked')),
    userEvents: async () => events,
    upkeepSteps: async (pools) => {
      const steps = new Map<string, Awaited<ReturnType<typeof userSteps>>>();
      for (const pool of pools)
        steps.set(pool.address.toLowerCase(), await userSteps(pool, user, served.deployBlock!, through));
      return { steps, through };
    },
  };
  // Only the pools the user has events in: the others have no figures, and need no read of the chain.
  const active = served.pools.filter((p) => (events.get(p.address.toLowerCase())?.length ?? 0) > 0);
  const histories = await readUserHistory(history, client, chain.deployment, active, user, {
    toBlock: through,
  });
  const ledger = ledgerOf(histories);
  answer.pools = Object.fromEntries(ledger.pools);
  answer.page = ledgerPage(ledger.entries, query);
  return json(c, answer);
}
