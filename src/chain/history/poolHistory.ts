/**
 * A pool's history for its page, without archive state: its rebalances (the keeper's `UpkeepSuccessful`,
 * index prices) with the token prices the committer stored for each executed interval (`priceHistory(id)`,
 * read at the latest block in one `eth_call`), and the side balances the pool itself recorded
 * (`PoolBalancesChanged`, emitted at each commit and claim). No figure is read at an old block, so a
 * pruned node serves it.
 */
import type { PublicClient } from 'viem';
import { poolCommitterAbi } from '../../../contracts-abi/generated/index.ts';
import { type Quad, quadFromHex } from '../../engine/quad.ts';
import type { ChainDeployment } from '../config/config.ts';
import { ReadBatch } from '../pools/batch.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import type { BalanceEvent, HistoryRequest, HistorySource } from './historySource.ts';

export interface RebalancePoint {
  blockNumber: bigint;
  /** Unix seconds, where the provider reports it with the log. */
  timestamp?: number;
  startPrice: bigint;
  endPrice: bigint;
  /** Token prices (settlement per token) of the interval executed in this upkeep, as stored on chain. */
  longTokenPrice?: Quad;
  shortTokenPrice?: Quad;
}

export interface PoolHistory {
  rebalances: RebalancePoint[];
  balances: BalanceEvent[];
  /** The pool's deployment block, where the scan started. */
  fromBlock: bigint;
}

/** How many of the latest rebalances and recorded balances the charts show. */
export const HISTORY_LENGTH = 60;

export async function readPoolHistory(
  source: HistorySource,
  client: PublicClient,
  deployment: ChainDeployment,
  pool: PoolInfo,
  request: HistoryRequest,
  length = HISTORY_LENGTH,
): Promise<PoolHistory> {
  const events = await source.poolEvents(pool, request);
  const upkeeps = events.upkeeps.slice(-length);
  const batch = new ReadBatch();
  const ids = [...new Set(upkeeps.flatMap((u) => (u.intervalId === undefined ? [] : [u.intervalId])))];
  const priceSlots = new Map(
    ids.map((id) => [
      id,
      batch.add({ address: pool.committer, abi: poolCommitterAbi, functionName: 'priceHistory', args: [id] }),
    ]),
  );
  await batch.run(client, { multicall3: deployment.multicall3 });
  return {
    fromBlock: events.fromBlock,
    balances: events.balances.slice(-length),
    rebalances: upkeeps.map((u) => {
      const prices = u.intervalId === undefined ? undefined : priceSlots.get(u.intervalId);
      return {
        blockNumber: u.blockNumber,
        ...(u.timestamp === undefined ? {} : { timestamp: u.timestamp }),
        startPrice: u.startPrice,
        endPrice: u.endPrice,
        ...(prices?.ok
          ? { longTokenPrice: quadFromHex(prices.value[0]), shortTokenPrice: quadFromHex(prices.value[1]) }
          : {}),
      };
    }),
  };
}
