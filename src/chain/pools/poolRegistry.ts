/**
 * Which pools the app shows on a chain: every pool the Tracer factory knows (`numPools`/`pools(i)`) that
 * settles in one of Olympus's collaterals and is verified as an Olympus pool (poolVerification.ts), plus pools
 * added by address through the URL once the factory confirms them with `isValidPool`, verified or not (an
 * unverified one carries its failures, which the pages show before any trade). Four `eth_call`s in all, made
 * once and again only when the factory's pool count moves (the pools snapshot reads it with everything else).
 */
import { type Address, getAddress, type PublicClient } from 'viem';
import {
  chainlinkOracleWrapperAbi,
  leveragedPoolAbi,
  poolFactoryAbi,
} from '../../../contracts-abi/generated/index.ts';
import { isAddressEqual } from '../config/addressText.ts';
import type { ChainDeployment, CollateralToken } from '../config/config.ts';
import { ReadBatch } from './batch.ts';
import { type PoolTrustFacts, type PoolVerification, verifyPool } from './poolVerification.ts';

export interface PoolInfo {
  chainId: number;
  address: Address;
  committer: Address;
  /** As the contract names it, e.g. "3-BTC/USD+gOHM". */
  name: string;
  /** e.g. "BTC/USD", parsed from the name. */
  market: string;
  leverage: number;
  collateral: CollateralToken;
  longToken: Address;
  shortToken: Address;
  oracleWrapper: Address;
  settlementEthOracle: Address;
  keeper: Address;
  updateIntervalSeconds: number;
  frontRunningIntervalSeconds: number;
  /** Added through the URL rather than found through the factory's list. */
  imported: boolean;
  /** Who deployed and governs the pool and which feeds price it: what its verification was decided on. */
  trust: PoolTrustFacts;
  /** Whether it is an Olympus pool; an unverified one is only ever reached by address. */
  verification: PoolVerification;
}

export interface PoolRegistry {
  pools: PoolInfo[];
  /** Pools asked for in the URL that the factory does not know: shown as an error, never read. */
  rejected: Address[];
  /** Pools the factory lists in another collateral (USDC etc.), left out on purpose. */
  otherCollateralCount: number;
  /** Pools the factory lists in OHM or gOHM that fail verification, left out on purpose. */
  unverifiedCount: number;
  /** `numPools` when this was read: the pools snapshot compares it to spot a new pool. */
  factoryPoolCount: bigint;
}

/**
 * Why a pool asked for by address is not among the registry's pools: the factory does not know it, or it
 * settles in a collateral that is not Olympus's. Undefined when it is there.
 */
export function missingPool(
  registry: PoolRegistry,
  address: Address,
): 'unknown' | 'otherCollateral' | undefined {
  const same = (a: Address) => isAddressEqual(a, address);
  if (registry.rejected.some(same)) return 'unknown';
  return registry.pools.some((p) => same(p.address)) ? undefined : 'otherCollateral';
}

/** "3-BTC/USD+gOHM" → "BTC/USD"; a name that does not follow Tracer's pattern is shown whole. */
export function marketOf(poolName: string): string {
  const match = /^\d+-(.+?)\+/.exec(poolName);
  return match?.[1] ?? poolName;
}

export async function discoverPools(
  client: PublicClient,
  deployment: ChainDeployment,
  requested: readonly Address[] = [],
): Promise<PoolRegistry> {
  const { factory, multicall3 } = deployment;

  const head = new ReadBatch();
  const count = head.add({ address: factory, abi: poolFactoryAbi, functionName: 'numPools' });
  const validity = requested.map((pool) =>
    head.add({ address: factory, abi: poolFactoryAbi, functionName: 'isValidPool', args: [pool] }),
  );
  await head.run(client, { multicall3 });

  const listing = new ReadBatch();
  const listed = Array.from({ length: Number(count.value) }, (_, i) =>
    listing.add({ address: factory, abi: poolFactoryAbi, functionName: 'pools', args: [BigInt(i)] }),
  );
  await listing.run(client, { multicall3 });

  // The pools asked for come from links and forms in any case: checksummed here, so that every address the
  // registry hands on is (viem's decoding already checksums the factory's answers).
  const asked = requested.map((a) => getAddress(a));
  const factoryPools = listed.map((slot) => slot.value);
  const known = new Set(factoryPools);
  const rejected = asked.filter((_, i) => !(validity[i]?.ok && validity[i]?.value));
  const imported = asked.filter((address, i) => validity[i]?.ok && validity[i]?.value && !known.has(address));
  const candidates = [
    ...factoryPools.map((address) => ({ address, imported: false })),
    ...imported.map((address) => ({ address, imported: true })),
  ];

  const details = new ReadBatch();
  const rows = candidates.map(({ address }) => {
    const pool = { address, abi: leveragedPoolAbi } as const;
    return {
      settlementToken: details.add({ ...pool, functionName: 'settlementToken' }),
      name: details.add({ ...pool, functionName: 'poolName' }),
      committer: details.add({ ...pool, functionName: 'poolCommitter' }),
      leverage: details.add({ ...pool, functionName: 'getLeverage' }),
      updateInterval: details.add({ ...pool, functionName: 'updateInterval' }),
      frontRunningInterval: details.add({ ...pool, functionName: 'frontRunningInterval' }),
      oracleWrapper: details.add({ ...pool, functionName: 'oracleWrapper' }),
      settlementEthOracle: details.add({ ...pool, functionName: 'settlementEthOracle' }),
      keeper: details.add({ ...pool, functionName: 'keeper' }),
      longToken: details.add({ ...pool, functionName: 'tokens', args: [0n] }),
      shortToken: details.add({ ...pool, functionName: 'tokens', args: [1n] }),
      governance: details.add({ ...pool, functionName: 'governance' }),
      secondaryFeeAddress: details.add({ ...pool, functionName: 'secondaryFeeAddress' }),
    };
  });
  await details.run(client, { multicall3 });

  // The feeds behind the two oracle wrappers: what verification checks against the known feeds.
  const feeds = new ReadBatch();
  const feedOf = (wrapper: Address) =>
    feeds.add({ address: wrapper, abi: chainlinkOracleWrapperAbi, functionName: 'oracle' });
  const feedRows = rows.map((row) => ({
    market: feedOf(row.oracleWrapper.value),
    settlementEth: feedOf(row.settlementEthOracle.value),
  }));
  await feeds.run(client, { multicall3 });

  const pools: PoolInfo[] = [];
  let otherCollateralCount = 0;
  let unverifiedCount = 0;
  candidates.forEach(({ address, imported: isImported }, i) => {
    const row = rows[i]!;
    const settlement = row.settlementToken.value;
    const collateral = deployment.collaterals.find((c) => isAddressEqual(c.address, settlement));
    if (!collateral) {
      otherCollateralCount += 1;
      return;
    }
    const trust: PoolTrustFacts = {
      secondaryFeeAddress: row.secondaryFeeAddress.value,
      governance: row.governance.value,
      marketFeed: feedRows[i]!.market.value,
      settlementEthFeed: feedRows[i]!.settlementEth.value,
    };
    const verification = verifyPool(trust, deployment.olympus);
    if (!verification.verified && !asked.includes(address)) {
      unverifiedCount += 1;
      return;
    }
    const name = row.name.value;
    pools.push({
      chainId: deployment.chainId,
      address,
      committer: row.committer.value,
      name,
      market: marketOf(name),
      leverage: Number(row.leverage.value),
      collateral,
      longToken: row.longToken.value,
      shortToken: row.shortToken.value,
      oracleWrapper: row.oracleWrapper.value,
      settlementEthOracle: row.settlementEthOracle.value,
      keeper: row.keeper.value,
      updateIntervalSeconds: Number(row.updateInterval.value),
      frontRunningIntervalSeconds: Number(row.frontRunningInterval.value),
      imported: isImported,
      trust,
      verification,
    });
  });
  return { pools, rejected, otherCollateralCount, unverifiedCount, factoryPoolCount: count.value };
}
