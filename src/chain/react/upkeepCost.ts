/**
 * What running a due pool's upkeep would cost whoever sends it (docs/protocol.md, "Pool health"): the
 * transaction's gas, estimated by the node for that sender at the latest block, times the chain's gas price
 * now. A small query of its own, outside the pools snapshot: it is asked only while a pool page offers the
 * upkeep, once per due upkeep (its key names the pool's last upkeep time) and again each minute, since a late
 * pool's upkeep grows with every interval it has to execute.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import { poolKeeperAbi } from '../../../contracts-abi/generated/index.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import { upkeepRequest } from '../tx/poolWrites.ts';
import type { ChainReads } from './poolQueries.ts';
import { chainKeys } from './queryKeys.ts';
import { useActiveChain } from './usePools.ts';

export interface UpkeepCost {
  /** The node's estimate of the whole transaction's gas. */
  gas: bigint;
  /** The chain's gas price now, wei. */
  gasPriceWei: bigint;
  /** gas × gas price: what the sender pays, in wei of ETH. */
  costWei: bigint;
}

const REESTIMATE_MS = 60_000;

export async function estimateUpkeepCost(
  client: PublicClient,
  pool: PoolInfo,
  account: Address | undefined,
): Promise<UpkeepCost> {
  const { address, abi, functionName, args } = upkeepRequest(pool);
  const [gas, gasPriceWei] = await Promise.all([
    client.estimateContractGas({ address, abi, functionName, args, ...(account ? { account } : {}) }),
    client.getGasPrice(),
  ]);
  return { gas, gasPriceWei, costWei: gas * gasPriceWei };
}

/**
 * Whether the pool still needs its upkeep at the latest block. `performUpkeepSinglePool` on a pool that is
 * not due returns without reverting, so a simulation cannot tell: someone else's upkeep a moment earlier
 * would leave the sender paying gas for nothing. Asked just before sending.
 */
export function upkeepStillRequired(client: PublicClient, pool: PoolInfo): Promise<boolean> {
  return client.readContract({
    address: pool.keeper,
    abi: poolKeeperAbi,
    functionName: 'isUpkeepRequiredSinglePool',
    args: [pool.address],
  });
}

/** The query of an upkeep's cost; here rather than in poolQueries.ts, beside the estimate it runs. */
export function upkeepCostOptions(
  { chainId, clients }: Pick<ChainReads, 'chainId' | 'clients'>,
  pool: PoolInfo,
  lastPriceTimestamp: bigint,
  user: Address | undefined,
  enabled: boolean,
) {
  return queryOptions({
    queryKey: chainKeys.upkeepGas(chainId, pool.address, lastPriceTimestamp, user),
    queryFn: () => estimateUpkeepCost(clients.read, pool, user),
    enabled,
    staleTime: REESTIMATE_MS,
    refetchInterval: enabled ? REESTIMATE_MS : false,
    retry: false,
  });
}

export function useUpkeepCost(
  pool: PoolInfo,
  lastPriceTimestamp: bigint,
  user: Address | undefined,
  enabled: boolean,
) {
  return useQuery(upkeepCostOptions(useActiveChain(), pool, lastPriceTimestamp, user, enabled));
}

/** The read client of the chain shown, for the check made just before an upkeep is sent. */
export function useReadClient(): PublicClient {
  return useActiveChain().clients.read;
}
