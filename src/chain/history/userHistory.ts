/**
 * A user's own history in the pools, for the portfolio's cost basis and activity: their commits, claims and
 * AutoClaim requests and payments, and the L/S tokens they sent or received outside the pools (the pool's
 * own transfers at claims and burns are accounted by those events and left out), from the HistorySource;
 * then, in one `eth_call` at the latest block, the token prices and burn fees the pools stored for those
 * intervals, and each pool's share of fees for its secondary address. Nothing is read at an old block. The
 * history indexer's ledger route runs this too, on its own records (indexer/src/api/ledger.ts).
 */
import type { Address, PublicClient } from 'viem';
import { leveragedPoolAbi, poolCommitterAbi } from '../../../contracts-abi/generated/index.ts';
import type { SplitStep } from '../../engine/profit/split.ts';
import { quadFromHex, toUInt } from '../../engine/quad.ts';
import type { IntervalPrices } from '../../engine/settlement.ts';
import type { ChainDeployment } from '../config/config.ts';
import { ReadBatch } from '../pools/batch.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import {
  type HistoryRequest,
  type HistorySource,
  historyKey,
  type UpkeepStep,
  type UserEvent,
} from './historySource.ts';

export type { CommitEvent, TransferEvent } from './historySource.ts';
export type HistoryEvent = UserEvent;

export interface UserPoolHistory {
  pool: PoolInfo;
  events: HistoryEvent[];
  priceHistory: Map<bigint, IntervalPrices>;
  burnFeeHistory: Map<bigint, bigint>;
  updateIntervalId: bigint;
  mintingFeeWad: bigint;
  /** The pool's `secondaryFeeSplitPercent`: the secondary address's (the treasury's) share of its fees. */
  secondaryFeePercent: bigint;
  /**
   * The pool's upkeeps since the user's first event in it, for the profit split, and the block they are read
   * to; undefined when no indexer served them (the log scan cannot read the balances around an upkeep).
   */
  steps?: { steps: SplitStep[]; through: bigint };
}

function splitStepOf(step: UpkeepStep): SplitStep {
  return {
    blockNumber: step.blockNumber,
    logIndex: step.logIndex,
    fee: step.fee,
    change: step.change,
    keeperReward: step.keeperReward,
    ...(step.firstInterval === undefined ? {} : { firstInterval: step.firstInterval }),
    ...(step.lastInterval === undefined ? {} : { lastInterval: step.lastInterval }),
    ...(step.before ? { before: step.before } : {}),
    ...(step.prices
      ? { prices: { longPrice: quadFromHex(step.prices.long), shortPrice: quadFromHex(step.prices.short) } }
      : {}),
  };
}

/** The indexer's upkeep steps, asked beside the events; a failure only leaves the split out. */
async function readSteps(
  source: HistorySource,
  pools: readonly PoolInfo[],
  user: Address,
  request: HistoryRequest,
) {
  if (!source.upkeepSteps) return undefined;
  try {
    return await source.upkeepSteps(pools, user, {
      toBlock: request.toBlock,
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    return undefined;
  }
}

export async function readUserHistory(
  source: HistorySource,
  client: PublicClient,
  deployment: ChainDeployment,
  pools: readonly PoolInfo[],
  user: Address,
  request: HistoryRequest,
): Promise<UserPoolHistory[]> {
  if (pools.length === 0) return [];
  const [events, served] = await Promise.all([
    source.userEvents(pools, user, request),
    readSteps(source, pools, user, request),
  ]);
  const batch = new ReadBatch();
  const reads = pools.map((pool) => {
    const list = events.get(historyKey(pool.address)) ?? [];
    const ids = new Set(list.flatMap((e) => (e.kind === 'commit' ? [e.intervalId] : [])));
    const committer = { address: pool.committer, abi: poolCommitterAbi } as const;
    return {
      pool,
      list,
      updateIntervalId: batch.add({ ...committer, functionName: 'updateIntervalId' }),
      mintingFee: batch.add({ ...committer, functionName: 'getMintingFee' }),
      secondaryPercent: batch.add({
        address: pool.address,
        abi: leveragedPoolAbi,
        functionName: 'secondaryFeeSplitPercent',
      }),
      prices: [...ids].map((id) => ({
        id,
        price: batch.add({ ...committer, functionName: 'priceHistory', args: [id] }),
        burnFee: batch.add({ ...committer, functionName: 'burnFeeHistory', args: [id] }),
      })),
    };
  });
  await batch.run(client, { multicall3: deployment.multicall3 });

  return reads.map(({ pool, list, updateIntervalId, mintingFee, secondaryPercent, prices }) => {
    const priceHistory = new Map<bigint, IntervalPrices>();
    const burnFeeHistory = new Map<bigint, bigint>();
    const current = updateIntervalId.value;
    for (const { id, price, burnFee } of prices) {
      if (id >= current) continue;
      priceHistory.set(id, {
        longPrice: quadFromHex(price.value[0]),
        shortPrice: quadFromHex(price.value[1]),
      });
      burnFeeHistory.set(id, toUInt(quadFromHex(burnFee.value)));
    }
    return {
      pool,
      events: list,
      priceHistory,
      burnFeeHistory,
      updateIntervalId: current,
      mintingFeeWad: mintingFee.value,
      secondaryFeePercent: secondaryPercent.value,
      ...(served
        ? {
            steps: {
              steps: (served.steps.get(historyKey(pool.address)) ?? []).map(splitStepOf),
              through: served.through,
            },
          }
        : {}),
    };
  });
}
