/**
 * Which pools this keeper serves: the factory's pools (`numPools`, `pools(i)`) that pass the app's own rule for
 * an Olympus pool, `verifyPool` in src/chain/pools/poolVerification.ts (docs/protocol.md, "Verified pools"): treasury
 * as deployer, Olympus governance, and known feeds behind both oracle wrappers. Deploying a pool is
 * permissionless and the keeper is paid out of the pool by a price the pool's own settlement/ETH wrapper gives,
 * so a keeper that upkept any pool could be fed a rigged reward or a griefing pool; it keeps to the pools the
 * app shows. The list is read again only when `numPools` moves, as the app's registry does.
 */
import { type Address, erc20Abi } from 'viem';
import {
  chainlinkOracleWrapperAbi,
  leveragedPoolAbi,
  poolFactoryAbi,
} from '../../contracts-abi/generated/index.ts';
import {
  type OlympusAuthority,
  type PoolTrustFacts,
  verificationFailureText,
  verifyPool,
} from '../../src/chain/pools/poolVerification.ts';
import { type KeeperContext, readAll } from './context.ts';

/** A verified pool, with what the upkeep and claim passes need of it. */
export interface KeptPool {
  address: Address;
  name: string;
  committer: Address;
  settlementToken: Address;
  /** The settlement token's decimals: the keeper reward is paid in its units (docs/protocol.md §6 item 4). */
  decimals: number;
  /** The settlement/ETH oracle wrapper that prices the keeper reward (§2.4). */
  settlementEthOracle: Address;
}

export interface PoolDiscovery {
  /** Reads `numPools` and, when it moved, the list and every pool's facts again; returns the verified pools. */
  refresh(): Promise<readonly KeptPool[]>;
  readonly pools: readonly KeptPool[];
}

type PoolFact =
  | 'poolName'
  | 'poolCommitter'
  | 'settlementToken'
  | 'oracleWrapper'
  | 'settlementEthOracle'
  | 'secondaryFeeAddress'
  | 'governance'
  | 'keeper';

const same = (a: Address, b: Address) => a.toLowerCase() === b.toLowerCase();

export function poolDiscovery(
  ctx: KeeperContext,
  { factory, poolKeeper, authority }: { factory: Address; poolKeeper: Address; authority: OlympusAuthority },
): PoolDiscovery {
  let count: bigint | undefined;
  let pools: KeptPool[] = [];
  // Each refused pool is logged once, not on every re-read.
  const reported = new Set<string>();
  const refuse = (pool: Address, name: string, reason: string) => {
    if (reported.has(pool.toLowerCase())) return;
    reported.add(pool.toLowerCase());
    ctx.log({ action: 'skip', about: 'discovery', pools: [{ pool, name }], reason });
  };

  async function readList(n: bigint): Promise<KeptPool[]> {
    const addresses = await readAll(
      ctx,
      Array.from({ length: Number(n) }, (_, i) => ({
        address: factory,
        abi: poolFactoryAbi,
        functionName: 'pools' as const,
        args: [BigInt(i)],
      })),
    );
    const poolCalls = <const F extends PoolFact>(functionName: F) =>
      addresses.map((address) => ({ address, abi: leveragedPoolAbi, functionName }));
    const [names, committers, tokens, wrappers, settlementWrappers, deployers, governances, keepers] =
      await Promise.all([
        readAll(ctx, poolCalls('poolName')),
        readAll(ctx, poolCalls('poolCommitter')),
        readAll(ctx, poolCalls('settlementToken')),
        readAll(ctx, poolCalls('oracleWrapper')),
        readAll(ctx, poolCalls('settlementEthOracle')),
        readAll(ctx, poolCalls('secondaryFeeAddress')),
        readAll(ctx, poolCalls('governance')),
        readAll(ctx, poolCalls('keeper')),
      ]);
    const rows = addresses.map((address, i) => ({
      address,
      name: names[i]!,
      committer: committers[i]!,
      settlementToken: tokens[i]!,
      oracleWrapper: wrappers[i]!,
      settlementEthOracle: settlementWrappers[i]!,
      secondaryFeeAddress: deployers[i]!,
      governance: governances[i]!,
      keeper: keepers[i]!,
    }));
    // The feeds behind both wrappers: what verification checks against the known feeds.
    const feeds = await readAll(
      ctx,
      rows.flatMap((row) =>
        [row.oracleWrapper, row.settlementEthOracle].map((wrapper) => ({
          address: wrapper,
          abi: chainlinkOracleWrapperAbi,
          functionName: 'oracle' as const,
        })),
      ),
    );
    const verified = rows.filter((row, i) => {
      const trust: PoolTrustFacts = {
        secondaryFeeAddress: row.secondaryFeeAddress,
        governance: row.governance,
        marketFeed: feeds[2 * i]!,
        settlementEthFeed: feeds[2 * i + 1]!,
      };
      const verification = verifyPool(trust, authority);
      if (!verification.verified) {
        const why = verification.failures.map((failure) => verificationFailureText(failure, trust));
        refuse(row.address, row.name, `not an Olympus pool: ${why.join(' ')}`);
        return false;
      }
      if (!same(row.keeper, poolKeeper)) {
        refuse(
          row.address,
          row.name,
          `its keeper is ${row.keeper}, not the factory's PoolKeeper ${poolKeeper}`,
        );
        return false;
      }
      return true;
    });
    const decimals = await readAll(
      ctx,
      verified.map((row) => ({
        address: row.settlementToken,
        abi: erc20Abi,
        functionName: 'decimals' as const,
      })),
    );
    return verified.map((row, i) => ({
      address: row.address,
      name: row.name,
      committer: row.committer,
      settlementToken: row.settlementToken,
      decimals: decimals[i]!,
      settlementEthOracle: row.settlementEthOracle,
    }));
  }

  return {
    async refresh() {
      const [n] = await readAll(ctx, [{ address: factory, abi: poolFactoryAbi, functionName: 'numPools' }]);
      if (n !== count) {
        pools = await readList(n);
        count = n;
      }
      return pools;
    },
    get pools() {
      return pools;
    },
  };
}
