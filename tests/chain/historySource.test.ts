/**
 * The log-scan HistorySource against a real node behind the provider-like proxy, with a log range cap far
 * smaller than the history so that every scan pages: the same events as one unlimited read of the node, a
 * repeat read that asks only for new blocks, and no reuse of what was kept for another chain instance.
 */
import type { PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import {
  erc20Abi,
  leveragedPoolAbi,
  poolCommitterAbi,
  poolKeeperAbi,
} from '../../contracts-abi/generated/index.ts';
import { devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, devnetClients, write } from '../../devnet/lib/clients.ts';
import { deployDevnet } from '../../devnet/lib/deploy.ts';
import { upkeepDuePools } from '../../devnet/lib/keeper.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { type RpcProxy, startRpcProxy } from '../../devnet/lib/rpcProxy.ts';
import { seedDevnet } from '../../devnet/lib/seed.ts';
import { devnetChainDeployment } from '../../src/chain/config/chainDeployments.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { type HistoryCache, memoryCache } from '../../src/chain/history/historyCache.ts';
import type { HistoryProgress } from '../../src/chain/history/historySource.ts';
import { createLogScanSource } from '../../src/chain/history/logScanSource.ts';
import { discoverPools, type PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { CommitType, commitParamsToHex, encodeCommitParams } from '../../src/engine/commits.ts';

const config = devnetConfig();
let node: RunningNode;
let proxy: RpcProxy;
let direct: DevnetClients;
let viaProxy: DevnetClients;
let retrying: DevnetClients;
let deployment: Deployment;
let chain: ChainDeployment;
let pools: PoolInfo[];

/** The log-scan source as the app builds it: scans that never retry, other look-ups that ride out a 429. */
const sourceWith = (cache: HistoryCache) =>
  createLogScanSource({ client: viaProxy.public, readClient: retrying.public, deployment: chain, cache });

async function rebalance() {
  await direct.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
  await direct.test.mine({ blocks: 1 });
  await upkeepDuePools(direct, deployment);
}

beforeAll(async () => {
  node = await startNode({ port: await freePort() });
  direct = devnetClients(node.rpcUrl);
  deployment = await deployDevnet(direct, { rpcUrl: node.rpcUrl, config });
  await seedDevnet(direct, deployment, config);
  // Quiet blocks between the rebalances, so that the history is long against the cap.
  for (let i = 0; i < 3; i++) {
    await direct.test.mine({ blocks: 100 });
    await rebalance();
  }
  // A cap of 8 blocks and a 429 now and then: the history of about 380 blocks takes many pages and retries.
  proxy = await startRpcProxy({
    upstream: node.rpcUrl,
    latencyMs: [0, 0],
    rateLimitShare: 0.1,
    retryAfterSeconds: 0,
    maxLogRange: 8,
    seed: 7,
  });
  viaProxy = devnetClients(proxy.url);
  // The app's look-ups other than eth_getLogs ride out a 429 in the transport; the log scans do not.
  retrying = devnetClients(proxy.url, { retryCount: 8 });
  chain = { ...devnetChainDeployment(deployment), rpcUrls: [proxy.url] };
  ({ pools } = await discoverPools(direct.public, chain));
});
afterAll(async () => {
  await proxy?.close();
  await node?.stop();
});

describe('log-scan history through a capped, rate-limiting endpoint', () => {
  let cache: HistoryCache;
  let firstCount = 0;

  it("reads a pool's upkeeps and recorded balances, the same as one unlimited read", async () => {
    cache = memoryCache();
    const source = sourceWith(cache);
    const pool = pools[0]!;
    const toBlock = await direct.public.getBlockNumber({ cacheTime: 0 });
    const refusedBefore = proxy.stats.rangeRefusals;
    const events = await source.poolEvents(pool, { toBlock });

    const upkeeps = (
      await direct.public.getContractEvents({
        address: deployment.contracts.keeper,
        abi: poolKeeperAbi,
        eventName: 'UpkeepSuccessful',
        args: { pool: pool.address },
        fromBlock: 0n,
        toBlock,
      })
    ).map((e) => [e.blockNumber, e.args.startPrice, e.args.endPrice]);
    const balances = (
      await direct.public.getContractEvents({
        address: pool.address,
        abi: leveragedPoolAbi,
        eventName: 'PoolBalancesChanged',
        fromBlock: 0n,
        toBlock,
      })
    ).map((e) => [e.blockNumber, e.args.long, e.args.short]);
    expect(events.upkeeps.map((u) => [u.blockNumber, u.startPrice, u.endPrice])).toEqual(upkeeps);
    expect(events.upkeeps.length).toBeGreaterThanOrEqual(3);
    firstCount = events.upkeeps.length;
    expect(events.balances.map((b) => [b.blockNumber, b.longBalance, b.shortBalance])).toEqual(balances);
    // Each upkeep knows the interval it executed, so its stored token prices can be read.
    expect(events.upkeeps.every((u) => u.intervalId !== undefined)).toBe(true);
    expect(proxy.stats.rangeRefusals).toBeGreaterThan(refusedBefore);
  });

  it('reads only the new blocks on a repeat read, from what it kept', async () => {
    const source = sourceWith(cache);
    const pool = pools[0]!;
    await rebalance();
    const toBlock = await direct.public.getBlockNumber({ cacheTime: 0 });
    const before = proxy.stats.byMethod.eth_getLogs ?? 0;
    const events = await source.poolEvents(pool, { toBlock });
    expect(events.upkeeps.length).toBe(firstCount + 1);
    // The last 64 blocks are read again in case of a reorg: with a cap of 8 blocks that is a few pages, not
    // the whole history from the pool's deployment.
    const pages = (proxy.stats.byMethod.eth_getLogs ?? 0) - before;
    const fullHistoryPages = Math.ceil(Number(toBlock - BigInt(deployment.startBlock)) / 8);
    expect(pages).toBeLessThan(fullHistoryPages);
  });

  it("reads a user's commits and the tokens they sent and received", async () => {
    const pool = pools[0]!;
    const [user, other] = deployment.devAccounts.map((a) => a.address);
    await write(direct, user!, {
      address: pool.collateral.address,
      abi: erc20Abi,
      functionName: 'approve',
      args: [pool.address, 10n ** 18n],
    });
    await write(direct, user!, {
      address: pool.committer,
      abi: poolCommitterAbi,
      functionName: 'commit',
      args: [commitParamsToHex(encodeCommitParams(10n ** 18n, CommitType.LongMint, false, false))],
    });
    await rebalance();
    await write(direct, user!, {
      address: pool.committer,
      abi: poolCommitterAbi,
      functionName: 'claim',
      args: [user!],
    });
    await write(direct, user!, {
      address: pool.longToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [other!, 1000n],
    });
    await write(direct, other!, {
      address: pool.longToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [user!, 400n],
    });

    const source = sourceWith(memoryCache());
    const toBlock = await direct.public.getBlockNumber({ cacheTime: 0 });
    const events = (await source.userEvents(pools, user!, { toBlock })).get(pool.address.toLowerCase()) ?? [];
    const kinds = events.map((e) =>
      e.kind === 'commit'
        ? `commit ${e.commitType} ${e.amount}`
        : e.kind === 'transfer'
          ? `${e.direction} ${e.side} ${e.amount}`
          : e.kind,
    );
    // The claim is an event; its transfer from the pool is the pool's own business and is left out.
    expect(kinds).toEqual([
      `commit ${CommitType.LongMint} ${10n ** 18n}`,
      'claim',
      'out long 1000',
      'in long 400',
    ]);
  });

  it('keeps nothing across chain instances: a fresh node with the same addresses starts from scratch', async () => {
    const pool = pools[0]!;
    const toBlock = await direct.public.getBlockNumber({ cacheTime: 0 });
    // A cache filled by a chain whose first block has another hash (a restarted devnet, same addresses).
    const fake = memoryCache();
    const other = createLogScanSource({
      client: viaProxy.public,
      readClient: retrying.public,
      deployment: { ...chain, historyFromBlock: 1n },
      cache: fake,
    });
    await other.poolEvents(pool, { toBlock });
    const source = sourceWith(fake);
    const events = await source.poolEvents(pool, { toBlock });
    expect(events.upkeeps.length).toBe(firstCount + 2);
    expect(events.fromBlock).toBeGreaterThan(BigInt(deployment.startBlock));
  });

  it("keeps a failed user read's pages: the next read resumes where it stopped, and no scan outlives the failure", async () => {
    const [user] = deployment.devAccounts.map((a) => a.address);
    const toBlock = await direct.public.getBlockNumber({ cacheTime: 0 });
    const cache = memoryCache();
    // The endpoint breaks for good after 24 log pages: the read fails with the other scan in the middle.
    const asked: { from: bigint; filter: string }[] = [];
    const breaking = (after: number): PublicClient => {
      const base = viaProxy.public as PublicClient;
      const request = (async (args: { method: string; params: [{ fromBlock: string; topics: unknown }] }) => {
        if (args.method === 'eth_getLogs') {
          asked.push({
            from: BigInt(args.params[0].fromBlock),
            filter: JSON.stringify(args.params[0].topics),
          });
          if (asked.length > after) throw new Error('the endpoint is gone');
        }
        return base.request(args as never);
      }) as PublicClient['request'];
      return { ...base, request } as PublicClient;
    };
    const failing = createLogScanSource({
      client: breaking(24),
      readClient: retrying.public,
      deployment: chain,
      cache,
    });
    await expect(failing.userEvents(pools, user!, { toBlock })).rejects.toThrow('the endpoint is gone');
    const atFailure = asked.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(asked.length).toBe(atFailure);

    // Where each of the two scans had got to when the read failed.
    const reached = new Map<string, bigint>();
    for (const { from, filter } of asked.slice(0, 24))
      if (from > (reached.get(filter) ?? -1n)) reached.set(filter, from);
    expect(reached.size).toBe(2);

    asked.length = 0;
    const progress: HistoryProgress[] = [];
    const resumed = await createLogScanSource({
      client: breaking(Number.POSITIVE_INFINITY),
      readClient: retrying.public,
      deployment: chain,
      cache,
    }).userEvents(pools, user!, { toBlock, onProgress: (p) => progress.push(p) });
    // Each scan starts again near where it stopped (less the re-read overlap), not at the pools' deployment.
    const deployed = BigInt(deployment.startBlock);
    for (const [filter, stoppedAt] of reached) {
      const first = asked.find((a) => a.filter === filter)!.from;
      expect(first).toBeGreaterThan(deployed + 8n);
      expect(first).toBeGreaterThanOrEqual(stoppedAt - 64n - 8n);
    }
    // The progress shown picks up from what was kept.
    expect(progress[0]!.scannedBlocks).toBeGreaterThan(0n);
    // And the answer is the whole history, the same as a read with nothing kept.
    const whole = await sourceWith(memoryCache()).userEvents(pools, user!, { toBlock });
    expect(resumed).toEqual(whole);
  });

  it("completes a user's first read when most requests are answered 429", async () => {
    const [user] = deployment.devAccounts.map((a) => a.address);
    const toBlock = await direct.public.getBlockNumber({ cacheTime: 0 });
    proxy.setFaults({ rateLimitShare: 0.6 });
    try {
      const limited = proxy.stats.rateLimited;
      const events = await sourceWith(memoryCache()).userEvents(pools, user!, { toBlock });
      const whole = await createLogScanSource({
        client: direct.public,
        deployment: chain,
        cache: memoryCache(),
      }).userEvents(pools, user!, { toBlock });
      expect(events).toEqual(whole);
      // Most of the read's requests were refused: about 0.6 / 0.4 refusals for each page served.
      expect(proxy.stats.rateLimited - limited).toBeGreaterThan(50);
    } finally {
      proxy.setFaults({ rateLimitShare: 0.1 });
    }
  });
});
