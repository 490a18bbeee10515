/**
 * Launching a pool on a real devnet, as the treasury page does it (docs/treasury.md): both oracle wrappers
 * through the CREATE2 deployment proxy at their predicted addresses, a fresh read after each step that skips
 * what is done, then `deployPool` at the predicted address. Sent by the treasury, the pool is listed as an
 * Olympus pool; sent by anyone else, it is not. Prints the gas of each step.
 */
import { parseEventLogs, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainlinkOracleWrapperAbi, poolFactoryAbi } from '../../contracts-abi/generated/index.ts';
import { write } from '../../devnet/lib/clients.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { readFeed } from '../../src/chain/launch/launchReads.ts';
import { deployPoolRequest, wrapperDeployRequest } from '../../src/chain/launch/launchWrites.ts';
import { discoverPools } from '../../src/chain/pools/poolRegistry.ts';
import { type LaunchDevnet, launchBy, sendCall, startLaunchDevnet, stateOf } from './launchDevnet.ts';

let net: LaunchDevnet;
const gas: Record<string, bigint> = {};

beforeAll(async () => {
  net = await startLaunchDevnet();
});

afterAll(async () => {
  if (Object.keys(gas).length) console.log('launch gas per step:', gas);
  await net?.node.stop();
});

describe('launching a pool through the CREATE2 proxy', () => {
  it('reads a feed, and names an address that is not one', async () => {
    const { clients, chain, deployment } = net;
    const ethUsd = deployment.feeds.find((f) => f.pair === 'ETH/USD')!.feed;
    const feed = await readFeed(clients.public, chain, ethUsd);
    expect(feed).toMatchObject({ kind: 'feed', decimals: 8, answer: parseUnits('3400', 8) });
    expect(await readFeed(clients.public, chain, deployment.roles.treasury)).toEqual({
      kind: 'not-a-feed',
      address: deployment.roles.treasury,
    });
    expect((await readFeed(clients.public, chain, chain.factory)).kind).toBe('not-a-feed');
  });

  it('deploys the wrappers at their predicted addresses, resumes after each step, then the pool', async () => {
    const { clients, chain, deployment, terms } = net;
    const treasury = deployment.roles.treasury;
    const launch = launchBy(net, treasury);
    const first = await stateOf(net, launch);
    expect(terms).toMatchObject({
      proxyReady: true,
      secondaryFeeSplitPercent: 10n,
      annualFee: parseUnits('2', 16),
      governance: deployment.roles.governance,
      deploymentFee: undefined,
    });
    expect(first.steps.map((s) => s.id)).toEqual(['marketWrapper', 'settlementWrapper', 'pool']);
    expect(first.next?.id).toBe('marketWrapper');
    expect(first.blocker).toBeUndefined();
    const predictedPool = first.state.addresses.pool;
    expect(await clients.public.getCode({ address: predictedPool })).toBeUndefined();

    const step1 = await sendCall(net, treasury, wrapperDeployRequest(chain.chainId, first.wrappers.market));
    gas.marketWrapper = step1.gasUsed;
    const wrapperRead = (functionName: 'deployer' | 'oracle') =>
      clients.public.readContract({
        address: first.wrappers.market.address,
        abi: chainlinkOracleWrapperAbi,
        functionName,
      });
    expect(await wrapperRead('deployer')).toBe(treasury);
    expect((await wrapperRead('oracle')).toLowerCase()).toBe(launch.marketFeed.toLowerCase());

    // A page opened again after step 1 finds it done and offers step 2.
    const resumed = await stateOf(net, launch);
    expect(resumed.steps.map((s) => s.done)).toEqual([true, false, false]);
    expect(resumed.next?.id).toBe('settlementWrapper');
    // Sending step 1 again would fail: the proxy cannot create at an address that has code.
    const again = wrapperDeployRequest(chain.chainId, first.wrappers.market);
    await expect(
      clients.public.call({ account: treasury, to: again.to, data: again.data }),
    ).rejects.toThrow();

    const step2 = await sendCall(
      net,
      treasury,
      wrapperDeployRequest(chain.chainId, first.wrappers.settlementEth),
    );
    gas.settlementWrapper = step2.gasUsed;
    const ready = await stateOf(net, launch);
    expect(ready.next?.id).toBe('pool');
    expect(ready.state.simulation).toEqual({ ok: true, pool: predictedPool });

    const { chainId: _, ...request } = deployPoolRequest(launch, {
      market: first.wrappers.market.address,
      settlementEth: first.wrappers.settlementEth.address,
    });
    const step3 = await write(clients, treasury, request);
    gas.deployPool = step3.gasUsed;
    const [event] = parseEventLogs({ abi: poolFactoryAbi, logs: step3.logs, eventName: 'DeployPool' });
    expect(event?.args.pool).toBe(predictedPool);
    expect(event?.args.poolCommitter).toBe(first.state.addresses.committer);

    const done = await stateOf(net, launch);
    expect(done.state.poolExists).toBe(true);
    expect(done.next).toBeUndefined();

    const registry = await discoverPools(clients.public, chain);
    const listed = registry.pools.find((p) => p.address === predictedPool);
    expect(listed?.name).toBe('2-ETH/USD+gOHM');
    expect(listed?.verification).toEqual({ verified: true, failures: [] });
    expect(listed?.trust.secondaryFeeAddress).toBe(treasury);
    expect(listed?.longToken).toBe(first.state.addresses.longToken);
    expect(listed?.oracleWrapper).toBe(first.wrappers.market.address);
  });

  it('names a pool whose tokens exist under other intervals before anything is sent', async () => {
    const other = await stateOf(
      net,
      launchBy(net, net.deployment.roles.treasury, { updateIntervalSeconds: 120 }),
    );
    expect(other.state.poolExists).toBe(false);
    expect(other.state.tokensTaken).toBe(true);
    expect(other.blocker).toMatch(/A 2x pool on this market wrapper in gOHM already exists/);
  });

  it('does not list a pool launched by an account other than the treasury', async () => {
    const { clients, chain } = net;
    const user = devAccount(ROLE_INDEX.firstUser).address;
    const launch = launchBy(net, user, { leverage: 3 });
    const plan = await stateOf(net, launch);
    await sendCall(net, user, wrapperDeployRequest(chain.chainId, plan.wrappers.market));
    await sendCall(net, user, wrapperDeployRequest(chain.chainId, plan.wrappers.settlementEth));
    const { chainId: _, ...request } = deployPoolRequest(launch, {
      market: plan.wrappers.market.address,
      settlementEth: plan.wrappers.settlementEth.address,
    });
    await write(clients, user, request);
    const pool = plan.state.addresses.pool;
    const registry = await discoverPools(clients.public, chain);
    expect(registry.pools.some((p) => p.address === pool)).toBe(false);
    expect(registry.unverifiedCount).toBe(1);
    // Asked for by address, it is shown with the reason: its deployer is not the treasury.
    const asked = await discoverPools(clients.public, chain, [pool]);
    expect(asked.pools.find((p) => p.address === pool)?.verification.failures).toEqual(['deployer']);
  });
});
