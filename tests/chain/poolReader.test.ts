/**
 * The pool registry and reader against the real contracts: what they return equals the contracts' own
 * getters, long and short are never swapped, and every refresh of every pool is one `eth_call`.
 */
import { createPublicClient, http, type PublicClient, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leveragedPoolAbi, testChainlinkOracleAbi } from '../../contracts-abi/generated/index.ts';
import { type DevnetConfig, devnetConfig } from '../../devnet/config.ts';
import { devnetChain, devnetClients, write } from '../../devnet/lib/clients.ts';
import { deployDevnet, devAccount, FEED_DECIMALS, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { upkeepDuePools } from '../../devnet/lib/keeper.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { seedDevnet } from '../../devnet/lib/seed.ts';
import { devnetChainDeployment } from '../../src/chain/config/chainDeployments.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { readPools } from '../../src/chain/pools/poolReader.ts';
import { discoverPools } from '../../src/chain/pools/poolRegistry.ts';
import { approveRequest, commitRequest } from '../../src/chain/tx/poolWrites.ts';
import { CommitType } from '../../src/engine/commits.ts';

/** A client that counts the JSON-RPC methods it sends, batched or not. */
function countingClient(rpcUrl: string) {
  const counts = new Map<string, number>();
  const client = createPublicClient({
    chain: devnetChain(rpcUrl),
    transport: http(rpcUrl, {
      onFetchRequest: async (request) => {
        const body = JSON.parse(await request.clone().text()) as
          | { method: string }
          | Array<{ method: string }>;
        for (const { method } of Array.isArray(body) ? body : [body])
          counts.set(method, (counts.get(method) ?? 0) + 1);
      },
    }),
  }) as PublicClient;
  const ethCalls = () => counts.get('eth_call') ?? 0;
  return { client, counts, ethCalls, reset: () => counts.clear() };
}

async function setup(config: DevnetConfig, seed: boolean) {
  const node = await startNode({ port: await freePort() });
  const clients = devnetClients(node.rpcUrl);
  const deployment = await deployDevnet(clients, { rpcUrl: node.rpcUrl, config });
  if (seed) await seedDevnet(clients, deployment, config);
  return { node, clients, deployment, chain: devnetChainDeployment(deployment) };
}

/** A seeded devnet for the describe block that calls it: started before its tests, stopped after them. */
function seededDevnet() {
  const config = devnetConfig();
  let env: Awaited<ReturnType<typeof setup>> | undefined;
  beforeAll(async () => {
    env = await setup(config, true);
  });
  afterAll(() => env?.node.stop());
  return () => {
    if (!env) throw new Error('the devnet did not start');
    return { ...env, config };
  };
}

describe('pool reader on the devnet (4 seeded pools)', () => {
  const devnet = seededDevnet();

  it('finds the four Olympus pools through the factory in four eth_calls, each verified', async () => {
    const { node, deployment, chain } = devnet();
    const counter = countingClient(node.rpcUrl);
    const registry = await discoverPools(counter.client, chain);
    // Count, listing, details, and the feeds behind the oracle wrappers.
    expect(counter.ethCalls()).toBe(4);
    expect(registry.pools.every((p) => p.verification.verified)).toBe(true);
    expect(registry.unverifiedCount).toBe(0);
    expect(registry.pools.map((p) => p.name)).toEqual(deployment.pools.map((p) => p.name));
    expect(registry.pools.map((p) => p.collateral.symbol)).toEqual(['gOHM', 'gOHM', 'OHM', 'OHM']);
    expect(registry.pools[0]?.market).toBe('BTC/USD');
    expect(registry.pools[0]?.leverage).toBe(3);
  });

  it('rejects a URL pool the factory does not know, and imports nothing for it', async () => {
    const { clients, chain } = devnet();
    const stranger = devAccount(ROLE_INDEX.firstUser).address;
    const registry = await discoverPools(clients.public, chain, [stranger]);
    expect(registry.rejected).toEqual([stranger]);
    expect(registry.pools).toHaveLength(4);
  });

  it('reads every pool and the user in one eth_call per refresh, equal to the contracts’ getters', async () => {
    const { node, clients, deployment, chain, config } = devnet();
    const { pools } = await discoverPools(clients.public, chain);
    const counter = countingClient(node.rpcUrl);
    const user = deployment.devAccounts[0]!.address;
    const first = await readPools(counter.client, chain, pools, { user });
    // The first read learns each committer's interval id: one extra call, once.
    expect(counter.ethCalls()).toBe(2);
    counter.reset();
    const hints = new Map(first.pools.map((p) => [p.info.committer, p.state.updateIntervalId]));
    const snapshot = await readPools(counter.client, chain, pools, { user, intervalHints: hints });
    expect(counter.ethCalls()).toBe(1);
    expect(snapshot.commitsComplete).toBe(true);

    for (const pool of snapshot.pools) {
      const [short, long] = await clients.public.readContract({
        address: pool.info.address,
        abi: leveragedPoolAbi,
        functionName: 'balances',
      });
      expect(pool.state.longBalance).toBe(long);
      expect(pool.state.shortBalance).toBe(short);
      expect(pool.paused).toBe(false);
      expect(pool.state.secondaryFeeSplitPercent).toBe(10n);
      expect(pool.secondaryFeeAddress).toBe(deployment.roles.treasury);
      expect(pool.user?.settlementWallet).toBe(
        parseUnits(
          config.collaterals.find((c) => c.symbol === pool.info.collateral.symbol)!.devGrant,
          pool.state.decimals,
        ),
      );
    }
    expect(snapshot.collateralUsd.OHM).toBe(parseUnits('22.4', 18));
    // The deliberate skew of the seed: 42 long against 30 short in the 3x BTC pool.
    const btc = snapshot.pools[0]!;
    expect(btc.state.longBalance).toBeGreaterThan(btc.state.shortBalance);
  });

  it('keeps long and short in their places after a known price move', async () => {
    const { clients, deployment, chain, config } = devnet();
    const { pools } = await discoverPools(clients.public, chain);
    const before = await readPools(clients.public, chain, pools);
    const feed = deployment.feeds.find((f) => f.pair === 'BTC/USD')!.feed;
    await write(clients, deployment.roles.priceFeeder, {
      address: feed,
      abi: testChainlinkOracleAbi,
      functionName: 'setPrice',
      args: [parseUnits('105875', FEED_DECIMALS)], // +10% from 96,250
    });
    await clients.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
    await clients.test.mine({ blocks: 1 });
    await upkeepDuePools(clients, deployment);
    const after = await readPools(clients.public, chain, pools);
    const [b, a] = [before.pools[0]!, after.pools[0]!];
    // BTC rose: the long side of the 3x BTC pool gained and the short side lost (keeper reward and fees aside).
    expect(a.state.longBalance).toBeGreaterThan(b.state.longBalance);
    expect(a.state.shortBalance).toBeLessThan(b.state.shortBalance);
    expect(a.state.lastPrice).toBe(parseUnits('105875', 18));
    expect(a.oraclePrice).toBe(parseUnits('105875', 18));
    // The ETH pools did not move by price: their long side did not gain from BTC's move.
    expect(after.pools[2]!.state.longBalance).toBeLessThanOrEqual(before.pools[2]!.state.longBalance);
  });
});

describe('pool reader with a late keeper', () => {
  const devnet = seededDevnet();

  it('says when queued commits may lie past the ids it read, and finds them reading further', async () => {
    const { clients, deployment, chain, config } = devnet();
    const { pools } = await discoverPools(clients.public, chain);
    const pool = pools[2]!;
    const user = deployment.devAccounts[0]!.address;
    const first = await readPools(clients.public, chain, pools, { user });
    const hints = new Map(first.pools.map((p) => [p.info.committer, p.state.updateIntervalId]));
    // No keeper for five intervals: a commit made now is assigned five intervals further on
    // (docs/protocol.md §3.2).
    await clients.test.increaseTime({ seconds: config.updateIntervalSeconds * 5 + 1 });
    await clients.test.mine({ blocks: 1 });
    const amount = parseUnits('3', pool.collateral.decimals);
    await write(clients, user, approveRequest(pool, amount));
    await write(clients, user, commitRequest(pool, CommitType.LongMint, amount, false));

    const usual = await readPools(clients.public, chain, pools, { user, intervalHints: hints });
    expect(usual.commitsComplete).toBe(false);
    expect(usual.pools[2]!.state.commits).toEqual([]);

    const further = await readPools(clients.public, chain, pools, {
      user,
      intervalHints: hints,
      extraIntervals: 16,
    });
    expect(further.commitsComplete).toBe(true);
    const queued = further.pools[2]!.state.commits;
    expect(queued).toHaveLength(1);
    expect(queued[0]!.intervalId).toBeGreaterThan(first.pools[2]!.state.updateIntervalId + 4n);
    expect(further.pools[2]!.user?.commits).toHaveLength(1);
  });
});

describe('pool reader with twenty pools', () => {
  let node: RunningNode;
  let chain: ChainDeployment;

  beforeAll(async () => {
    const base = devnetConfig();
    const pools = Array.from({ length: 20 }, (_, i) => ({
      ...base.pools[0]!,
      market: i % 2 === 0 ? ('BTC/USD' as const) : ('ETH/USD' as const),
      collateral: i % 4 < 2 ? ('gOHM' as const) : ('OHM' as const),
      leverage: 1 + Math.floor(i / 4),
    }));
    ({ node, chain } = await setup({ ...base, pools }, false));
  });
  afterAll(() => node?.stop());

  it('still reads them all in one eth_call per refresh', async () => {
    const counter = countingClient(node.rpcUrl);
    const { pools } = await discoverPools(counter.client, chain);
    expect(pools).toHaveLength(20);
    const first = await readPools(counter.client, chain, pools, {
      user: devAccount(ROLE_INDEX.firstUser).address,
    });
    counter.reset();
    const hints = new Map(first.pools.map((p) => [p.info.committer, p.state.updateIntervalId]));
    await readPools(counter.client, chain, pools, {
      user: devAccount(ROLE_INDEX.firstUser).address,
      intervalHints: hints,
    });
    expect(counter.ethCalls()).toBe(1);
    expect(counter.counts.size).toBe(1);
  });
});
