/**
 * The indexer's own routes, in the app's HistorySource shapes (src/chain/history/indexerApi.ts). They serve
 * only the factory's pools that pass the app's verification (poolVerification.ts, read at the latest block),
 * answer a block range in pages, and name the chain and the indexed head in every answer.
 */
import { db, publicClients } from 'ponder:api';
import schema from 'ponder:schema';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { and, asc, desc, eq, gte, inArray, lte, or, sql } from 'ponder';
import type { Address } from 'viem';
import {
  type HistoryPool,
  type HistoryRecord,
  historyFromJson,
  historyToJson,
  poolEventsOf,
} from '../../../src/chain/history/historyRecords.ts';
import type { UpkeepStep } from '../../../src/chain/history/historySource.ts';
import type {
  IndexerChain,
  PoolDayFigures,
  PoolHistoryAnswer,
  ProtocolAnswer,
  UserHistoryAnswer,
} from '../../../src/chain/history/indexerApi.ts';
import { userEventsOf } from '../../../src/chain/history/userEvents.ts';
import { discoverPools } from '../../../src/chain/pools/poolRegistry.ts';
import { indexedChain } from '../../chain.ts';
import { stepsRoute, userSteps } from './steps.ts';

const chain = indexedChain();
const client = (() => {
  const found = publicClients[chain.name as keyof typeof publicClients];
  if (!found) throw new Error(`the indexer has no client for ${chain.name}`);
  return found;
})();
/** The lower of two blocks (Math.min does not take bigints). */
const lower = (a: bigint, b: bigint) => (a < b ? a : b);
/** Rows per page: a page ends at a block boundary, so a pool's upkeep and its executed interval stay together. */
const PAGE_ROWS = 5_000;
/** How long an answer waits for the indexer to reach a block it is only just behind. */
const CATCH_UP_WAIT_MS = 400;
const CATCH_UP_MAX_BLOCKS = 16n;
/** How long the list of verified pools is trusted before it is read again. */
const VERIFIED_TTL_MS = 30_000;
/** How long the last list of verified pools serves while it cannot be read again. */
const VERIFIED_STALE_MS = 10 * 60_000;

const app = new Hono();
export default app;

const json = (c: Context, body: unknown, status: 200 | 400 | 404 | 503 = 200) =>
  c.body(historyToJson(body), status, { 'content-type': 'application/json' });

/** The last indexed block, from Ponder's own checkpoint (the `/status` figure). */
async function indexedHead(): Promise<{ block: bigint; timestamp: number } | undefined> {
  const result = await db.execute(sql`SELECT latest_checkpoint FROM _ponder_checkpoint`);
  const row = (result.rows as { latest_checkpoint: string }[])[0];
  if (!row) return undefined;
  // Ponder's checkpoint: 10 digits of timestamp, 16 of chain id, 16 of block number, then the position.
  return {
    timestamp: Number(row.latest_checkpoint.slice(0, 10)),
    block: BigInt(row.latest_checkpoint.slice(26, 42)),
  };
}

async function chainNow(waitFor?: bigint): Promise<IndexerChain | undefined> {
  const [identity] = await db.select().from(schema.chainIdentity).limit(1);
  let head = await indexedHead();
  if (!identity || !head) return undefined;
  // Just behind the block asked for (a block or two mined since the app's snapshot): wait briefly for it.
  const started = Date.now();
  while (
    waitFor !== undefined &&
    head.block < waitFor &&
    waitFor - head.block <= CATCH_UP_MAX_BLOCKS &&
    Date.now() - started < CATCH_UP_WAIT_MS
  ) {
    await new Promise((r) => setTimeout(r, 50));
    head = (await indexedHead()) ?? head;
  }
  return { chainId: identity.chainId, identity: { block: identity.block, hash: identity.hash }, head };
}

let verified: { at: number; pools: Map<string, HistoryPool> } | undefined;
let reading: Promise<Map<string, HistoryPool>> | undefined;
/**
 * The factory's Olympus pools, by lower-case address, as the app verifies them: read again in the background
 * every 30 s, the last list answering meanwhile. While the indexer's endpoint is away (its client retries for
 * a long time), that list serves for up to ten minutes: pools rarely change hands and history must not
 * vanish with an endpoint. Past that, or before any list was read, the answer waits for the read.
 */
async function olympusPools(): Promise<Map<string, HistoryPool>> {
  const age = verified ? Date.now() - verified.at : Number.POSITIVE_INFINITY;
  if (verified && age < VERIFIED_TTL_MS) return verified.pools;
  reading ??= discoverPools(client, chain.deployment)
    .then((registry) => {
      // A PoolInfo carries the address, committer and tokens history needs.
      const pools = new Map<string, HistoryPool>(
        registry.pools.filter((p) => p.verification.verified).map((p) => [p.address.toLowerCase(), p]),
      );
      verified = { at: Date.now(), pools };
      return pools;
    })
    .finally(() => {
      reading = undefined;
    });
  if (verified && age < VERIFIED_STALE_MS) {
    reading.catch(() => {});
    return verified.pools;
  }
  return reading;
}

// Read once at start and kept fresh, so that no answer waits on the chain for the list.
const refreshVerified = () => void olympusPools().catch(() => {});
refreshVerified();
setInterval(refreshVerified, VERIFIED_TTL_MS).unref();

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
function blockParam(text: string | undefined): bigint | undefined {
  return text !== undefined && /^\d{1,20}$/.test(text) ? BigInt(text) : undefined;
}

type RecordRow = typeof schema.record.$inferSelect;

/**
 * Rows matching `where` in blocks `fromBlock..toBlock`, at most a page: when cut, the page ends before the
 * last block it reached (a single block with more rows than a page is returned whole).
 */
async function page(
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

const recordsOf = (rows: RecordRow[]) => rows.map((r) => historyFromJson<HistoryRecord>(r.json));

app.get('/history/chain', async (c) => {
  const now = await chainNow();
  return now ? json(c, now) : json(c, { error: 'not started' }, 503);
});

app.get('/history/pool/:address', async (c) => {
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
});

app.get('/history/user/:address', async (c) => {
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
});

app.get('/history/steps/:user', stepsRoute({ chainNow, olympusPools, json, blockParam }));

app.get('/history/protocol', async (c) => {
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
});
