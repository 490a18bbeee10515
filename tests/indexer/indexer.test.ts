/**
 * The history indexer (indexer/, Ponder) on the Arbitrum profile's whole history, one stage for all: a devnet
 * reached through the provider-like proxy, an indexer on embedded PGlite, and, as production runs it, one on
 * a real PostgreSQL with a `ponder serve` replica of its schema.
 * - Production path: the replica answers as the writer does, and the writer as PGlite does, for the chain,
 *   every pool, every dev account and the protocol's days. PostgreSQL is required in CI (.ci/run installs
 *   it); elsewhere its absence is printed, never skipped silently.
 * - Differential, through the app's own sources: every pool's events and every account's commits and
 *   transfers from the indexer equal the log scan's, and the per-day figures (volume, fees charged and
 *   claimed, upkeeps) add up to what the pools' own logs say.
 * - Faults: an indexer that is down, behind (its own endpoint, a second proxy, taken down while the chain
 *   moves on), of another chain instance (a second devnet, as after a restart: same chain id, other blocks),
 *   and a reorganisation of the last blocks; each answered as the sources promise, with the same events.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Address, createPublicClient, http, numberToHex, type PublicClient, parseEventLogs } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leveragedPoolAbi, poolCommitterAbi, poolKeeperAbi } from '../../contracts-abi/generated/index.ts';
import { devnetConfig } from '../../devnet/config.ts';
import { mint } from '../../devnet/lib/historyTrades.ts';
import { type RunningIndexer, startIndexer } from '../../devnet/lib/indexer.ts';
import { upkeepDuePools } from '../../devnet/lib/keeper.ts';
import { freePort } from '../../devnet/lib/node.ts';
import { type RpcProxy, startRpcProxy } from '../../devnet/lib/rpcProxy.ts';
import type { HistoryRecord } from '../../src/chain/history/historyRecords.ts';
import type { UpkeepStep } from '../../src/chain/history/historySource.ts';
import {
  INDEXER_ROUTES,
  type IndexerChain,
  type PoolDayFigures,
  type PoolHistoryAnswer,
  type ProtocolAnswer,
  type UserHistoryAnswer,
} from '../../src/chain/history/indexerApi.ts';
import { type RawLog, stored } from '../../src/chain/history/logs.ts';
import { decodeHistoryLog } from '../../src/chain/history/recordDecoder.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { type SeededChain, startSeededChain } from '../chain/seededChain.ts';
import { appSources, sourcedRequest } from './appSources.ts';
import { type IndexerStage, type StageIndexer, startIndexerStage } from './indexerStage.ts';
import { checkLedgerSplit } from './ledgerSplit.ts';
import { postgresAvailable, type RunningPostgres, startPostgres } from './postgres.ts';

const SCHEMA = 'pools_test';
const postgres = postgresAvailable();
const inCi = Boolean(process.env.CI);
if (!postgres.ok && inCi)
  throw new Error(`PostgreSQL is required in CI and missing: ${postgres.why} (.ci/run installs it)`);
if (!postgres.ok) console.warn(`SKIPPED the indexer's production path (PostgreSQL): ${postgres.why}`);

/** An answer without its `chain`, whose head moves with the indexer: what two indexers must agree on. */
type Unchained<T> = T extends unknown ? Omit<T, 'chain'> : never;
function withoutChain<T extends { chain: IndexerChain }>(answer: T): Unchained<T> {
  const { chain: _chain, ...rest } = answer;
  return rest as Unchained<T>;
}

/** Every page of a pool's history up to `toBlock`, each without its `chain`. */
async function poolPages(indexer: StageIndexer, pool: Address, toBlock: bigint) {
  const pages: Unchained<PoolHistoryAnswer>[] = [];
  let from = '';
  for (;;) {
    const answer = await indexer.get<PoolHistoryAnswer>(
      `${INDEXER_ROUTES.pool(pool)}?toBlock=${toBlock}${from}`,
    );
    pages.push(withoutChain(answer));
    if (!answer.served || answer.through >= toBlock) return pages;
    from = `&fromBlock=${answer.through + 1n}`;
  }
}

/** Every page of a user's history over `pools` up to `toBlock`, each without its `chain`. */
async function userPages(indexer: StageIndexer, user: Address, pools: Address[], toBlock: bigint) {
  const pages: Unchained<UserHistoryAnswer>[] = [];
  let from = '';
  for (;;) {
    const answer = await indexer.get<UserHistoryAnswer>(
      `${INDEXER_ROUTES.user(user)}?pools=${pools.join(',')}&toBlock=${toBlock}${from}`,
    );
    pages.push(withoutChain(answer));
    if (answer.through >= toBlock) return pages;
    from = `&fromBlock=${answer.through + 1n}`;
  }
}

describe('the history indexer on the Arbitrum profile', () => {
  let stage: IndexerStage;
  let pg: RunningPostgres | undefined;
  /** Reads the chain through its own fault-free proxy, which a test can take down alone. */
  let indexer: StageIndexer;
  let indexerProxy: RpcProxy;
  let writer: StageIndexer;
  let replica: StageIndexer;
  let holder: Address;
  /** A block every indexer has reached: the fixed end of the production path's questions. */
  let toBlock: bigint;
  const all = () => [writer, replica, indexer];
  const pools = () => stage.chain.deployment.pools.map((p) => p.address);

  beforeAll(async () => {
    stage = await startIndexerStage();
    indexerProxy = await startRpcProxy({
      upstream: stage.chain.node().rpcUrl,
      port: await freePort(),
      latencyMs: [0, 0],
      rateLimitShare: 0,
    });
    holder = stage.chain.deployment.devAccounts[0]!.address;
    if (postgres.ok) pg = await stage.time('PostgreSQL cluster started', startPostgres);
    const url = pg?.url;
    // Side by side, both through the fault-free proxy: how an indexer copes with a public endpoint's 429s is
    // what bench:history measures; here only what it stores and answers is at stake.
    const [pglite, pgWriter] = await Promise.all([
      stage.startOnPglite('PGlite writer', { rpcUrl: indexerProxy.url }),
      url ? stage.startOnPostgres(url, SCHEMA, 'Postgres writer', { rpcUrl: indexerProxy.url }) : undefined,
    ]);
    indexer = pglite;
    if (url && pgWriter) {
      writer = pgWriter;
      replica = await stage.serve(url, SCHEMA);
      const heads = await Promise.all(all().map((i) => i.get<IndexerChain>(INDEXER_ROUTES.chain)));
      toBlock = heads.map((h) => h.head.block).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0]!;
    }
  }, 400_000);
  afterAll(async () => {
    await stage?.close();
    await indexerProxy?.close();
    await pg?.stop();
  }, 60_000);

  describe.runIf(postgres.ok)('on PostgreSQL with a serve replica', () => {
    it('names the same chain from the writer, the replica and PGlite', async () => {
      const chains = await Promise.all(all().map((i) => i.get<IndexerChain>(INDEXER_ROUTES.chain)));
      const deployment = stage.chain.deployment;
      for (const chain of chains) {
        expect(chain.chainId).toBe(deployment.chainId);
        expect(chain.identity).toEqual(chains[0]!.identity);
        expect(chain.identity.block).toBe(BigInt(deployment.startBlock));
        expect(chain.head.block).toBeGreaterThanOrEqual(toBlock);
      }
      const genesis = await stage.chain.clients.public.getBlock({
        blockNumber: BigInt(deployment.startBlock),
      });
      expect(chains[0]!.identity.hash).toBe(genesis.hash);
    });

    it('answers every pool alike, and every pool has upkeeps', async () => {
      await stage.time('every pool from three indexers', async () => {
        for (const pool of pools()) {
          const [fromWriter, fromReplica, fromPglite] = await Promise.all(
            all().map((i) => poolPages(i, pool, toBlock)),
          );
          expect(fromReplica, `pool ${pool}: replica vs writer`).toEqual(fromWriter);
          expect(fromPglite, `pool ${pool}: PGlite vs writer`).toEqual(fromWriter);
          const upkeeps = fromWriter!.flatMap((page) => (page.served ? page.upkeeps : []));
          expect(fromWriter![0]!.served, `pool ${pool} is served`).toBe(true);
          expect(upkeeps.length, `pool ${pool} has upkeeps`).toBeGreaterThan(0);
          expect(upkeeps.every((u) => u.blockNumber <= toBlock)).toBe(true);
        }
      });
    });

    it('answers every dev account alike over all pools, and the holder has commits, claims and transfers', async () => {
      const accounts = stage.chain.deployment.devAccounts;
      const kinds = new Map<Address, Set<string>>();
      await stage.time('every dev account from three indexers', async () => {
        for (const { address } of accounts) {
          const [fromWriter, fromReplica, fromPglite] = await Promise.all(
            all().map((i) => userPages(i, address, pools(), toBlock)),
          );
          expect(fromReplica, `user ${address}: replica vs writer`).toEqual(fromWriter);
          expect(fromPglite, `user ${address}: PGlite vs writer`).toEqual(fromWriter);
          expect(fromWriter![0]!.served).toHaveLength(pools().length);
          const events = fromWriter!.flatMap((page) => Object.values(page.events).flat());
          kinds.set(address, new Set(events.map((e) => e.kind)));
        }
      });
      // Dev account 1 traded through the long history (devnet/lib/longHistory.ts).
      const holder = accounts[0]!.address;
      expect([...(kinds.get(holder) ?? [])].sort()).toEqual(['claim', 'commit', 'transfer']);
    });

    it('answers the protocol alike, with days of mint volume', async () => {
      const answers = await Promise.all(all().map((i) => i.get<ProtocolAnswer>(INDEXER_ROUTES.protocol)));
      const [fromWriter, fromReplica, fromPglite] = answers.map(withoutChain);
      expect(fromReplica).toEqual(fromWriter);
      expect(fromPglite).toEqual(fromWriter);
      const days = fromWriter!.days;
      expect(days.some((d) => d.mintVolume > 0n)).toBe(true);
      expect(days.some((d) => d.upkeeps > 0)).toBe(true);
      expect(new Set(days.map((d) => d.pool.toLowerCase()))).toEqual(
        new Set(pools().map((p) => p.toLowerCase())),
      );
    });
  });

  describe('against the chain’s own logs', () => {
    const indexedHead = async () =>
      (await indexer.get<{ head: { block: bigint } }>(INDEXER_ROUTES.chain)).head.block;

    it('returns the same pool and user events as the log scan over the whole history, all from the indexer', async () => {
      const sources = appSources(stage.chain.deployment, indexer.url);
      const toBlock = await indexedHead();
      const pools = await sources.pools();
      expect(pools.length).toBeGreaterThan(1);
      // Every pool and every account at once: the scans wait on the proxy's latency, not on the cores.
      const upkeeps = await Promise.all(
        pools.map(async (pool) => {
          const request = sourcedRequest(toBlock);
          const [fromIndexer, fromChain] = await Promise.all([
            sources.viaIndexer.poolEvents(pool, request),
            sources.logScan.poolEvents(pool, { toBlock }),
          ]);
          expect(fromIndexer).toEqual(fromChain);
          // Served whole by the indexer: its head (which moves on meanwhile) at or past the block asked for.
          expect(request.sources).toHaveLength(1);
          expect(request.sources[0]).toMatchObject({ kind: 'indexer' });
          expect(request.sources[0]).not.toHaveProperty('chainFrom');
          return fromIndexer.upkeeps.length;
        }),
      );
      expect(upkeeps.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
      const { deployment } = stage.chain;
      const accounts = [...deployment.devAccounts.map((a) => a.address), ...Object.values(deployment.roles)];
      const kinds = new Set<string>();
      await Promise.all(
        accounts.map(async (user) => {
          const [fromIndexer, fromChain] = await Promise.all([
            sources.viaIndexer.userEvents(pools, user, sourcedRequest(toBlock)),
            sources.logScan.userEvents(pools, user, { toBlock }),
          ]);
          expect(fromIndexer, `user ${user}`).toEqual(fromChain);
          for (const list of fromIndexer.values()) for (const e of list) kinds.add(e.kind);
        }),
      );
      // The holder's history has commits, claims, and transfers of L/S tokens (a sent and a received one).
      expect(kinds).toEqual(new Set(['commit', 'claim', 'transfer']));
      expect(sources.fallbackReads).toEqual([]);
    });

    it('sums per-day volume, fees and upkeeps to what the pools’ own logs add up to', async () => {
      const sources = appSources(stage.chain.deployment, indexer.url);
      const toBlock = await indexedHead();
      const answer = await indexer.get<ProtocolAnswer>(INDEXER_ROUTES.protocol);
      const pools = await sources.pools();
      let feesCharged = 0n;
      for (const pool of pools) {
        const days = answer.days.filter((d) => d.pool === pool.address.toLowerCase());
        const sum = (key: keyof PoolDayFigures) =>
          days.reduce((a, d) => a + BigInt(d[key] as bigint | number), 0n);
        const records = await logsOf(
          sources.read,
          [pool.address, pool.committer, stage.chain.deployment.contracts.keeper],
          stage.chain.deployment.startBlock,
          toBlock,
        );
        const expected = figuresFrom(records, pool.address);
        expect({
          mintVolume: sum('mintVolume'),
          burns: sum('longBurnTokens') + sum('shortBurnTokens'),
          commits: sum('commits'),
          upkeeps: sum('upkeeps'),
          feesCharged: sum('feesCharged'),
          primaryFees: sum('primaryFees'),
          secondaryFees: sum('secondaryFees'),
        }).toEqual(expected);
        feesCharged += expected.feesCharged;
      }
      expect(feesCharged).toBeGreaterThan(0n);
    });

    it("serves a pool's upkeep steps since the holder's first trade as the chain has them", async () => {
      const sources = appSources(stage.chain.deployment, indexer.url);
      const toBlock = await indexedHead();
      const pools = await sources.pools();
      const answer = await sources.viaIndexer.upkeepSteps?.(pools, holder, { toBlock });
      expect(answer?.through).toBe(toBlock);
      const events = await sources.logScan.userEvents(pools, holder, { toBlock });
      const traded = (p: PoolInfo) =>
        (events.get(p.address.toLowerCase()) ?? []).filter(
          (e) => e.kind === 'commit' || e.kind === 'transfer',
        );
      const pool = pools.find((p) => traded(p).some((e) => e.kind === 'commit'))!;
      const firstTrade = traded(pool)[0]!.blockNumber;
      const steps = answer!.steps.get(pool.address.toLowerCase())!;
      expect(steps.length).toBeGreaterThan(2);
      expect(steps[0]!.blockNumber).toBeGreaterThanOrEqual(firstTrade);
      // Exactly the pool's upkeeps since the holder's first trade, in chain order.
      const upkeeps = (await sources.logScan.poolEvents(pool, { toBlock })).upkeeps;
      expect(steps.map((s) => s.transactionHash)).toEqual(
        upkeeps.filter((u) => u.blockNumber >= firstTrade).map((u) => u.transactionHash),
      );
      for (const [i, s] of steps.entries())
        if (i > 0) expect(s.blockNumber).toBeGreaterThan(steps[i - 1]!.blockNumber);
      // The node itself, not the proxy. Its stored prices check the indexer's replayed book at every upkeep;
      // this profile's node keeps no past state (a pruned public node's lot), so the balances before each
      // upkeep are checked on the second devnet below, which keeps it.
      const node = createPublicClient({ transport: http(stage.chain.node().rpcUrl) });
      const checked = [];
      for (const s of steps) checked.push(await expectStepAsOnChain(node, pool, s));
      expect(checked.filter((c) => c.rebalanced).length).toBeGreaterThan(0);
      expect(checked.some((c) => c.priced)).toBe(true);
    });

    it('splits the holder’s profit into parts that add up, with tokens and collateral as the chain has them, and serves the ledger as the browser computes it', async () => {
      const sources = appSources(stage.chain.deployment, indexer.url);
      const check = await checkLedgerSplit(sources, stage.chain.node().rpcUrl, holder, indexer);
      expect(check.positions).toBeGreaterThanOrEqual(3);
      expect(check.rows).toBeGreaterThan(10);
      for (const { pool, side, split } of check.parts)
        console.log(`ledger split: ${pool} ${side}: total ${split.total}`, split.parts);
    });

    it('reads only the blocks past an indexer that fell behind from the chain, and says so', async () => {
      const sources = appSources(stage.chain.deployment, indexer.url);
      const pools = await sources.pools();
      await indexerProxy.down();
      try {
        const stalled = await indexedHead();
        // The chain moves on without the indexer: the holder mints.
        await mint(
          { clients: stage.chain.clients, deployment: stage.chain.deployment },
          holder,
          '3-ETH/USD+OHM',
          'long',
          '1',
        );
        const toBlock = await stage.head();
        expect(toBlock).toBeGreaterThan(stalled);
        const request = sourcedRequest(toBlock);
        const events = await sources.viaIndexer.userEvents(pools, holder, request);
        expect(events).toEqual(await sources.logScan.userEvents(pools, holder, { toBlock }));
        const head = request.sources[0];
        expect(head).toMatchObject({ kind: 'indexer' });
        if (head?.kind !== 'indexer') return;
        expect(sources.fallbackReads).toEqual([head.chainFrom]);
        expect(head.chainFrom).toBeGreaterThan(stalled);
        const last = [...events.values()].flat().sort((a, b) => (a.blockNumber < b.blockNumber ? 1 : -1))[0];
        expect(last).toMatchObject({ kind: 'commit', commitType: CommitType.LongMint });
        expect(last!.blockNumber).toBeGreaterThanOrEqual(head.chainFrom!);
      } finally {
        await indexerProxy.up();
      }
      // Back on its endpoint, it catches up.
      await indexer.waitForBlock(await stage.head(), 120_000);
    });

    it('reads everything from the chain when the indexer is down', async () => {
      const sources = appSources(stage.chain.deployment, `http://127.0.0.1:${await freePort()}`);
      const pools = await sources.pools();
      const toBlock = await stage.head();
      const request = sourcedRequest(toBlock);
      const events = await sources.viaIndexer.userEvents(pools, holder, request);
      expect(request.sources).toEqual([{ kind: 'chain', why: 'unreachable' }]);
      expect(events).toEqual(await sources.logScan.userEvents(pools, holder, { toBlock }));
      expect(sources.fallbackReads).toEqual([undefined]);
    });

    describe('an indexer of another chain instance, and a reorganisation', () => {
      let other: SeededChain;
      let otherIndexer: RunningIndexer;
      const user = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as Address;

      beforeAll(async () => {
        // A second devnet, as after a restart: the same chain id 31337 and the same addresses, other blocks.
        other = await startSeededChain([user]);
        const file = join(stage.workDir, 'other-deployment.json');
        writeFileSync(file, JSON.stringify(other.deployment));
        otherIndexer = startIndexer({
          deploymentFile: file,
          port: await freePort(),
          pgliteDir: join(stage.workDir, 'other'),
        });
        await otherIndexer.waitForBlock(await other.clients.public.getBlockNumber({ cacheTime: 0 }), 180_000);
      }, 300_000);
      afterAll(async () => {
        await otherIndexer?.stop();
        await other?.node.stop();
      });

      it('refuses an indexer of another chain instance and reads the chain instead', async () => {
        const sources = appSources(stage.chain.deployment, otherIndexer.url);
        const pools = await sources.pools();
        const toBlock = await stage.head();
        const request = sourcedRequest(toBlock);
        const events = await sources.viaIndexer.userEvents(pools, holder, request);
        expect(request.sources).toEqual([{ kind: 'chain', why: 'other-chain' }]);
        expect(events).toEqual(await sources.logScan.userEvents(pools, holder, { toBlock }));
      });

      it('replays the side balances before each upkeep as the node, which keeps past state, has them', async () => {
        // This devnet's node keeps every past state, as an archive node does. A second upkeep, an interval
        // after the seed's, starts from balances the seed put in.
        const provider = other.deployment.roles.liquidityProvider;
        await other.clients.test.increaseTime({ seconds: devnetConfig().updateIntervalSeconds + 1 });
        await other.clients.test.mine({ blocks: 1 });
        expect(await upkeepDuePools(other.clients, other.deployment)).toBeGreaterThan(0);
        const toBlock = await other.clients.public.getBlockNumber({ cacheTime: 0 });
        await otherIndexer.waitForBlock(toBlock, 60_000);
        const sources = appSources(other.deployment, otherIndexer.url);
        const pools = await sources.pools();
        const answer = await sources.viaIndexer.upkeepSteps?.(pools, provider, { toBlock });
        const checked = [];
        for (const pool of pools)
          for (const s of answer?.steps.get(pool.address.toLowerCase()) ?? [])
            checked.push(await expectStepAsOnChain(other.clients.public, pool, s));
        expect(checked.filter((c) => c.withBalances).length).toBeGreaterThan(0);
      });

      it('drops a commit whose blocks were reorganised away, as the chain does', async () => {
        const sources = appSources(other.deployment, otherIndexer.url);
        const pools = await sources.pools();
        const trader = { clients: other.clients, deployment: other.deployment };
        await mint(trader, user, '3-BTC/USD+gOHM', 'short', '0.5');
        const minted = await other.clients.public.getBlockNumber({ cacheTime: 0 });
        await otherIndexer.waitForBlock(minted, 60_000);
        const before = await sources.viaIndexer.userEvents(pools, user, sourcedRequest(minted));
        expect([...before.values()].flat().map((e) => e.blockNumber)).toContain(minted);
        // The last three blocks (the approval and the commit among them) are replaced by empty ones.
        await reorg(other.node.rpcUrl, 3);
        await other.clients.test.mine({ blocks: 2 });
        const toBlock = await other.clients.public.getBlockNumber({ cacheTime: 0 });
        await otherIndexer.waitForBlock(toBlock, 60_000);
        const fromChain = await sources.logScan.userEvents(pools, user, { toBlock });
        expect([...fromChain.values()].flat().map((e) => e.blockNumber)).not.toContain(minted);
        // The indexer notices the reorganisation on its next poll of the chain and rolls its rows back.
        await expect
          .poll(() => sources.viaIndexer.userEvents(pools, user, sourcedRequest(toBlock)), {
            timeout: 30_000,
          })
          .toEqual(fromChain);
      });
    });
  });
});

/**
 * Checks one upkeep step against the chain itself, decoding the transaction's logs with the ABI, not the app:
 * fees and value transfer as `PoolRebalance` has them, the keeper's reward, the intervals executed and their
 * stored prices (which the indexer's replayed book must give exactly), and the balances at the block before,
 * where the node still has that state.
 */
async function expectStepAsOnChain(client: PublicClient, pool: PoolInfo, s: UpkeepStep) {
  const where = `step at block ${s.blockNumber} of ${pool.name}`;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const { logs } = await client.getTransactionReceipt({ hash: s.transactionHash });
  const rebalance = parseEventLogs({ abi: leveragedPoolAbi, eventName: 'PoolRebalance', logs }).find((l) =>
    same(l.address, pool.address),
  );
  const executed = parseEventLogs({ abi: poolCommitterAbi, eventName: 'ExecutedCommitsForInterval', logs });
  const ids = executed.filter((l) => same(l.address, pool.committer)).map((l) => l.args.updateIntervalId);
  const paid = parseEventLogs({ abi: poolKeeperAbi, eventName: 'KeeperPaid', logs });
  expect(s.fee, where).toEqual({
    long: rebalance?.args.longFeeAmount ?? 0n,
    short: rebalance?.args.shortFeeAmount ?? 0n,
  });
  expect(s.change, where).toEqual({
    long: rebalance?.args.longBalanceChange ?? 0n,
    short: rebalance?.args.shortBalanceChange ?? 0n,
  });
  expect(s.keeperReward, where).toBe(
    paid.filter((l) => same(l.args._pool, pool.address)).reduce((a, l) => a + l.args.reward, 0n),
  );
  expect(s.firstInterval, where).toBe(ids[0]);
  expect(s.lastInterval, where).toBe(ids.at(-1));
  if (s.firstInterval === undefined) expect(s.prices, where).toBeUndefined();
  else {
    const [long, short] = await client.readContract({
      address: pool.committer,
      abi: poolCommitterAbi,
      functionName: 'priceHistory',
      args: [s.firstInterval],
    });
    expect(s.prices, where).toEqual({ long, short });
  }
  // `balances()` answers (short, long); a node that pruned the block's state refuses.
  const past = rebalance
    ? await client
        .readContract({
          address: pool.address,
          abi: leveragedPoolAbi,
          functionName: 'balances',
          blockNumber: s.blockNumber - 1n,
        })
        .then(([short, long]) => ({ long, short }))
        .catch(() => undefined)
    : undefined;
  if (past) expect(s.before, where).toEqual(past);
  else expect(s.before !== undefined, where).toBe(rebalance !== undefined);
  return {
    rebalanced: rebalance !== undefined,
    priced: s.prices !== undefined,
    withBalances: past !== undefined && past.long + past.short > 0n,
  };
}

/** Every log of `addresses` in the range, decoded by the app's records module, paged under the proxy's cap. */
async function logsOf(
  client: PublicClient,
  addresses: Address[],
  from: string,
  toBlock: bigint,
): Promise<HistoryRecord[]> {
  const records: HistoryRecord[] = [];
  for (let start = BigInt(from); start <= toBlock; start += 10_000n) {
    const end = start + 9_999n < toBlock ? start + 9_999n : toBlock;
    const raw = (await client.request({
      method: 'eth_getLogs',
      params: [{ address: addresses, fromBlock: numberToHex(start), toBlock: numberToHex(end) }],
    })) as RawLog[];
    for (const log of raw) {
      const kept = stored(log);
      const record = kept && decodeHistoryLog(kept);
      if (record) records.push(record);
    }
  }
  return records;
}

/** The per-pool totals, added up independently of the indexer's handlers. */
function figuresFrom(records: HistoryRecord[], pool: Address) {
  const same = (a: string) => a.toLowerCase() === pool.toLowerCase();
  const mine = records.filter((r) =>
    r.kind === 'upkeep' ? same(r.pool) : r.kind === 'commit' ? true : same(r.address),
  );
  const total = {
    mintVolume: 0n,
    burns: 0n,
    commits: 0n,
    upkeeps: 0n,
    feesCharged: 0n,
    primaryFees: 0n,
    secondaryFees: 0n,
  };
  for (const r of mine) {
    if (r.kind === 'commit') {
      total.commits += 1n;
      if (r.commitType === CommitType.LongMint || r.commitType === CommitType.ShortMint)
        total.mintVolume += r.amount;
      else total.burns += r.amount;
    } else if (r.kind === 'upkeep') total.upkeeps += 1n;
    else if (r.kind === 'rebalance') total.feesCharged += r.longFee + r.shortFee;
    else if (r.kind === 'fees') total[r.tier === 'primary' ? 'primaryFees' : 'secondaryFees'] += r.amount;
  }
  return total;
}

/** anvil's `anvil_reorg`: the last `depth` blocks replaced by as many empty ones (viem has no action for it). */
async function reorg(rpcUrl: string, depth: number) {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_reorg', params: [depth, []] }),
  });
  const answer = (await res.json()) as { error?: { message: string } };
  if (answer.error) throw new Error(`anvil_reorg: ${answer.error.message}`);
}
