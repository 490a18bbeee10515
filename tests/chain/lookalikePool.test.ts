/**
 * Only verified pools are Olympus pools (docs/protocol.md, "Verified pools"): a pool another account deploys
 * through the same permissionless factory, settled in gOHM and named like a real one but priced by its own
 * feed, is not listed; asked for by address, it is read with the checks it fails.
 */
import { type Address, getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leveragedPoolAbi } from '../../contracts-abi/generated/index.ts';
import { devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, devnetClients } from '../../devnet/lib/clients.ts';
import { deployDevnet, devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { deployLookalikePool, type Lookalike } from '../../devnet/lib/lookalike.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { devnetChainDeployment } from '../../src/chain/config/chainDeployments.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { discoverPools, missingPool } from '../../src/chain/pools/poolRegistry.ts';
import { verificationReasons } from '../../src/chain/pools/poolVerification.ts';

const config = devnetConfig();
const attacker = devAccount(ROLE_INDEX.firstUser + 3).address;

describe('a look-alike pool on the devnet', () => {
  let node: RunningNode;
  let clients: DevnetClients;
  let chain: ChainDeployment;
  let lookalike: Lookalike;

  beforeAll(async () => {
    node = await startNode({ port: await freePort() });
    clients = devnetClients(node.rpcUrl);
    const deployment = await deployDevnet(clients, { rpcUrl: node.rpcUrl, config });
    chain = devnetChainDeployment(deployment);
    lookalike = await deployLookalikePool(clients, deployment, config, attacker);
  });
  afterAll(() => node?.stop());

  it('is a valid factory pool in gOHM with an Olympus-looking name', async () => {
    const name = await clients.public.readContract({
      address: lookalike.pool,
      abi: leveragedPoolAbi,
      functionName: 'poolName',
    });
    expect(name).toBe('3-BTC/USD+gOHM');
  });

  it('is not listed, and the list says one such pool is hidden', async () => {
    const registry = await discoverPools(clients.public, chain);
    const addresses = registry.pools.map((p) => p.address.toLowerCase());
    expect(addresses).not.toContain(lookalike.pool.toLowerCase());
    expect(registry.pools.every((p) => p.verification.verified)).toBe(true);
    expect(registry.unverifiedCount).toBe(1);
  });

  it('asked for by address, is read with the checks it fails: the deployer and the market feed', async () => {
    const registry = await discoverPools(clients.public, chain, [lookalike.pool]);
    const pool = registry.pools.find((p) => p.address.toLowerCase() === lookalike.pool.toLowerCase());
    expect(pool?.verification).toEqual({ verified: false, failures: ['deployer', 'marketFeed'] });
    expect(pool?.trust.secondaryFeeAddress.toLowerCase()).toBe(attacker.toLowerCase());
    expect(pool?.trust.marketFeed.toLowerCase()).toBe(lookalike.feed.toLowerCase());
    // It shares the factory's governance and a real settlement/ETH feed: those checks pass.
    const reasons = verificationReasons(pool!.verification, pool!.trust);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toContain(attacker);
    expect(reasons[1]).toContain(getAddress(lookalike.feed));
  });

  it('asked for in lower case, is the same pool, handed on checksummed, as is an unknown address', async () => {
    const listed = (await discoverPools(clients.public, chain)).pools[0]!.address;
    const unknown = '0x8ba1f109551bd432803012645ac136ddd64dba72';
    const lower = (a: Address) => a.toLowerCase() as Address;
    const registry = await discoverPools(clients.public, chain, [
      lower(lookalike.pool),
      lower(listed),
      unknown,
    ]);
    const found = registry.pools.filter((p) => p.address.toLowerCase() === lower(lookalike.pool));
    expect(found.map((p) => p.address)).toEqual([getAddress(lookalike.pool)]);
    expect(registry.pools.filter((p) => p.address === listed)).toHaveLength(1);
    expect(registry.rejected).toEqual([getAddress(unknown)]);
    expect(missingPool(registry, lower(lookalike.pool))).toBeUndefined();
  });
});
