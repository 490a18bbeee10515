/**
 * What an upkeep transaction (upkeep.ts) costs and pays: its call, its gas (pools whose own upkeep would revert
 * the whole call left out), and each pool's share of that gas priced against its predicted reward (profit.ts,
 * docs/protocol.md §2.4).
 */
import type { Address } from 'viem';
import {
  chainlinkOracleWrapperAbi,
  leveragedPoolAbi,
  poolKeeperAbi,
} from '../../contracts-abi/generated/index.ts';
import { type KeeperContext, readAll } from './context.ts';
import type { KeptPool } from './discovery.ts';
import { errorText } from './log.ts';
import { predictUpkeepReward, splitGas, type UpkeepRewardPrediction } from './profit.ts';
import { type ContractCall, contractCall, estimate } from './send.ts';

export interface Priced {
  pool: KeptPool;
  prediction: UpkeepRewardPrediction;
  gasShare: bigint;
}

export const upkeepCall = (poolKeeper: Address, pools: readonly KeptPool[]): ContractCall =>
  pools.length === 1
    ? contractCall({
        address: poolKeeper,
        abi: poolKeeperAbi,
        functionName: 'performUpkeepSinglePool',
        args: [pools[0]!.address],
      })
    : contractCall({
        address: poolKeeper,
        abi: poolKeeperAbi,
        functionName: 'performUpkeepMultiplePools',
        args: [pools.map((p) => p.address)],
      });

/**
 * Each pool's part of the transaction's `gas`: in proportion to its upkeep's gas when estimated alone (one more
 * estimate per due pool, made only when several are due), since the pools executing commits cost the most.
 * Under `--always` nothing is decided on it, so the parts are equal and those estimates are saved.
 */
async function gasShares(
  ctx: KeeperContext,
  poolKeeper: Address,
  pools: readonly KeptPool[],
  gas: bigint,
): Promise<bigint[]> {
  if (pools.length === 1) return [gas];
  const equal = pools.map(() => 0n);
  if (ctx.always) return splitGas(gas, equal);
  const alone = await Promise.all(pools.map((pool) => estimate(ctx, upkeepCall(poolKeeper, [pool]))));
  return splitGas(gas, alone);
}

/** Reads what the reward depends on and prices each pool's share of `gas` (§2.4). */
export async function price(
  ctx: KeeperContext,
  poolKeeper: Address,
  pools: readonly KeptPool[],
  gas: bigint,
): Promise<Priced[]> {
  const poolCalls = <
    const F extends 'lastPriceTimestamp' | 'updateInterval' | 'longBalance' | 'shortBalance',
  >(
    functionName: F,
  ) => pools.map((p) => ({ address: p.address, abi: leveragedPoolAbi, functionName }));
  const tag = ctx.blockTag;
  const [timestamps, intervals, longs, shorts, ethPrices, [keeperGasPrice], block] = await Promise.all([
    readAll(ctx, poolCalls('lastPriceTimestamp'), tag),
    readAll(ctx, poolCalls('updateInterval'), tag),
    readAll(ctx, poolCalls('longBalance'), tag),
    readAll(ctx, poolCalls('shortBalance'), tag),
    readAll(
      ctx,
      pools.map((p) => ({
        address: p.settlementEthOracle,
        abi: chainlinkOracleWrapperAbi,
        functionName: 'getPrice' as const,
      })),
      tag,
    ),
    readAll(ctx, [{ address: poolKeeper, abi: poolKeeperAbi, functionName: 'gasPrice' }] as const, tag),
    ctx.client.getBlock({ blockTag: tag }),
  ]);
  const shares = await gasShares(ctx, poolKeeper, pools, gas);
  return pools.map((pool, i) => {
    const gasShare = shares[i]!;
    const prediction = predictUpkeepReward({
      keeperGasPrice,
      gasShare,
      settlementPerEthWad: ethPrices[i]!,
      lastPriceTimestamp: timestamps[i]!,
      updateInterval: BigInt(intervals[i]!),
      now: block.timestamp,
      decimals: pool.decimals,
      longBalance: longs[i]!,
      shortBalance: shorts[i]!,
    });
    return { pool, prediction, gasShare };
  });
}

/**
 * The gas of upkeeping `pools` together. A pool whose upkeep would revert PoolKeeper's whole call (a panic in
 * its upkeep, or a reward the contract cannot compute: docs/protocol.md §1.6, §2.4) must not hold back the
 * others, so when the batch fails each pool is tried alone, the failing ones are logged and left out.
 */
export async function estimateSendable(
  ctx: KeeperContext,
  poolKeeper: Address,
  pools: readonly KeptPool[],
): Promise<{ pools: KeptPool[]; gas: bigint }> {
  try {
    return { pools: [...pools], gas: await estimate(ctx, upkeepCall(poolKeeper, pools)) };
  } catch (error) {
    if (pools.length === 1) throw error;
    const alone = await Promise.allSettled(
      pools.map((pool) => estimate(ctx, upkeepCall(poolKeeper, [pool]))),
    );
    const sendable = pools.filter((_, i) => alone[i]?.status === 'fulfilled');
    alone.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      const pool = pools[i]!;
      const reason = `its upkeep would revert: ${errorText(result.reason)}`;
      ctx.log({ action: 'error', about: 'upkeep', pools: [{ pool: pool.address, name: pool.name }], reason });
    });
    if (sendable.length === 0) throw error;
    return { pools: sendable, gas: await estimate(ctx, upkeepCall(poolKeeper, sendable)) };
  }
}
