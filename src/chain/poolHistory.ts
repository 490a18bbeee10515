/**
 * A pool's recent rebalances from its own events: the keeper's `UpkeepSuccessful` (index prices) and the
 * committer's `ExecutedCommitsForInterval` with `priceHistory(id)` (token prices each interval executed at).
 * The side balances after each upkeep are read at the upkeep's block: no event carries them
 * (`PoolBalancesChanged` fires on commits, not on upkeeps). Made when the pool page opens and after each
 * upkeep: two `eth_getLogs`, one `eth_call` for the prices, and one per shown upkeep for the balances.
 */
import type { PublicClient } from 'viem';
import { leveragedPoolAbi, poolCommitterAbi, poolKeeperAbi } from '../../contracts-abi/generated/index.ts';
import { type Quad, quadFromHex } from '../engine/quad.ts';
import { ReadBatch } from './batch.ts';
import type { ChainDeployment } from './config.ts';
import type { PoolInfo } from './poolRegistry.ts';

export interface RebalancePoint {
  blockNumber: bigint;
  /** Unix seconds, where the node reports it with the log. */
  timestamp?: number;
  startPrice: bigint;
  endPrice: bigint;
  longBalance: bigint;
  shortBalance: bigint;
  /** Token prices (settlement per token) of the interval executed in this upkeep, as stored on chain. */
  longTokenPrice?: Quad;
  shortTokenPrice?: Quad;
}

/** How many of the latest rebalances the chart shows. */
export const HISTORY_LENGTH = 60;

export async function readPoolHistory(
  client: PublicClient,
  deployment: ChainDeployment,
  pool: PoolInfo,
  length = HISTORY_LENGTH,
): Promise<RebalancePoint[]> {
  const fromBlock = deployment.fromBlock;
  const keeper = deployment.keeper ?? pool.keeper;
  const [allUpkeeps, executions] = await Promise.all([
    client.getContractEvents({
      address: keeper,
      abi: poolKeeperAbi,
      eventName: 'UpkeepSuccessful',
      args: { pool: pool.address },
      fromBlock,
    }),
    client.getContractEvents({
      address: pool.committer,
      abi: poolCommitterAbi,
      eventName: 'ExecutedCommitsForInterval',
      fromBlock,
    }),
  ]);

  // The last interval executed in each upkeep transaction carries the prices of that upkeep.
  const intervalByTx = new Map<string, bigint>();
  for (const e of executions)
    if (e.args.updateIntervalId !== undefined) intervalByTx.set(e.transactionHash, e.args.updateIntervalId);
  const batch = new ReadBatch();
  const priceSlots = new Map(
    [...new Set(intervalByTx.values())].map((id) => [
      id,
      batch.add({ address: pool.committer, abi: poolCommitterAbi, functionName: 'priceHistory', args: [id] }),
    ]),
  );
  await batch.run(client, { multicall3: deployment.multicall3 });

  const upkeeps = allUpkeeps.slice(-length);
  const balances = await Promise.all(
    upkeeps.map(async (u) => {
      const at = new ReadBatch();
      const long = at.add({ address: pool.address, abi: leveragedPoolAbi, functionName: 'longBalance' });
      const short = at.add({ address: pool.address, abi: leveragedPoolAbi, functionName: 'shortBalance' });
      await at.run(client, { multicall3: deployment.multicall3, blockNumber: u.blockNumber });
      return { long: long.value, short: short.value };
    }),
  );

  return upkeeps.flatMap((u, i): RebalancePoint[] => {
    const after = balances[i];
    if (!after || u.args.startPrice === undefined || u.args.endPrice === undefined) return [];
    const id = intervalByTx.get(u.transactionHash);
    const prices = id === undefined ? undefined : priceSlots.get(id);
    const timestamp = (u as { blockTimestamp?: bigint | `0x${string}` }).blockTimestamp;
    return [
      {
        blockNumber: u.blockNumber,
        ...(timestamp === undefined ? {} : { timestamp: Number(timestamp) }),
        startPrice: u.args.startPrice,
        endPrice: u.args.endPrice,
        longBalance: after.long,
        shortBalance: after.short,
        ...(prices?.ok
          ? { longTokenPrice: quadFromHex(prices.value[0]), shortTokenPrice: quadFromHex(prices.value[1]) }
          : {}),
      },
    ];
  });
}
