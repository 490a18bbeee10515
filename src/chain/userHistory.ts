/**
 * A user's own history in the pools, from logs only (no indexer, no API): their `CreateCommit`s in every
 * pool's committer and the L/S tokens they sent or received outside the pools (claims from the pool's escrow
 * and burns are the pools' own business and are left out). Then, in one `eth_call`, the prices and burn fees
 * the pools stored for those intervals. Three `eth_getLogs` and one `eth_call` for all pools.
 */
import { type Address, erc20Abi, type PublicClient, zeroAddress } from 'viem';
import { poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import type { CommitType } from '../engine/commits.ts';
import { quadFromHex, toUInt } from '../engine/quad.ts';
import type { IntervalPrices } from '../engine/settlement.ts';
import { ReadBatch } from './batch.ts';
import type { ChainDeployment } from './config.ts';
import type { PoolInfo } from './poolRegistry.ts';

export interface CommitEvent {
  kind: 'commit';
  blockNumber: bigint;
  logIndex: number;
  timestamp?: number;
  commitType: CommitType;
  amount: bigint;
  intervalId: bigint;
  fromEscrow: boolean;
  /** The minting fee in force when the commit was made (the event carries it). */
  mintingFeeWad: bigint;
}

export interface TransferEvent {
  kind: 'transfer';
  blockNumber: bigint;
  logIndex: number;
  timestamp?: number;
  side: 'long' | 'short';
  direction: 'in' | 'out';
  amount: bigint;
}

export type HistoryEvent = CommitEvent | TransferEvent;
export interface UserPoolHistory {
  pool: PoolInfo;
  events: HistoryEvent[];
  priceHistory: Map<bigint, IntervalPrices>;
  burnFeeHistory: Map<bigint, bigint>;
  updateIntervalId: bigint;
  mintingFeeWad: bigint;
}

function timestampOf(log: { blockTimestamp?: unknown }): { timestamp?: number } {
  const t = log.blockTimestamp;
  return typeof t === 'bigint' || typeof t === 'number' || typeof t === 'string'
    ? { timestamp: Number(t) }
    : {};
}

export async function readUserHistory(
  client: PublicClient,
  deployment: ChainDeployment,
  pools: readonly PoolInfo[],
  user: Address,
): Promise<UserPoolHistory[]> {
  if (pools.length === 0) return [];
  const fromBlock = deployment.fromBlock;
  const byCommitter = new Map(pools.map((p) => [p.committer.toLowerCase(), p]));
  const byToken = new Map<string, { pool: PoolInfo; side: 'long' | 'short' }>();
  for (const p of pools) {
    byToken.set(p.longToken.toLowerCase(), { pool: p, side: 'long' });
    byToken.set(p.shortToken.toLowerCase(), { pool: p, side: 'short' });
  }
  const tokens = pools.flatMap((p) => [p.longToken, p.shortToken]);
  const [commits, incoming, outgoing] = await Promise.all([
    client.getContractEvents({
      address: pools.map((p) => p.committer),
      abi: poolCommitterAbi,
      eventName: 'CreateCommit',
      args: { user },
      fromBlock,
    }),
    client.getContractEvents({
      address: tokens,
      abi: erc20Abi,
      eventName: 'Transfer',
      args: { to: user },
      fromBlock,
    }),
    client.getContractEvents({
      address: tokens,
      abi: erc20Abi,
      eventName: 'Transfer',
      args: { from: user },
      fromBlock,
    }),
  ]);

  const histories = new Map(
    pools.map((pool) => [
      pool.address.toLowerCase(),
      { pool, events: [] as HistoryEvent[], ids: new Set<bigint>() },
    ]),
  );
  for (const log of commits) {
    const pool = byCommitter.get(log.address.toLowerCase());
    const a = log.args;
    if (
      !pool ||
      a.amount === undefined ||
      a.commitType === undefined ||
      a.appropriateUpdateIntervalId === undefined
    )
      continue;
    const entry = histories.get(pool.address.toLowerCase())!;
    entry.ids.add(a.appropriateUpdateIntervalId);
    entry.events.push({
      kind: 'commit',
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      ...timestampOf(log),
      commitType: a.commitType as CommitType,
      amount: a.amount,
      intervalId: a.appropriateUpdateIntervalId,
      fromEscrow: a.fromAggregateBalance ?? false,
      mintingFeeWad: a.mintingFee ? toUInt(quadFromHex(a.mintingFee)) : 0n,
    });
  }
  for (const [logs, direction] of [
    [incoming, 'in'],
    [outgoing, 'out'],
  ] as const) {
    for (const log of logs) {
      const token = byToken.get(log.address.toLowerCase());
      const counterparty = (direction === 'in' ? log.args.from : log.args.to)?.toLowerCase();
      if (!token || log.args.value === undefined || counterparty === undefined) continue;
      // Escrow claims come from the pool; burns go to the zero address: both are accounted by the commits.
      if (counterparty === token.pool.address.toLowerCase() || counterparty === zeroAddress) continue;
      histories.get(token.pool.address.toLowerCase())!.events.push({
        kind: 'transfer',
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
        ...timestampOf(log),
        side: token.side,
        direction,
        amount: log.args.value,
      });
    }
  }

  const batch = new ReadBatch();
  const reads = [...histories.values()].map((h) => {
    const committer = { address: h.pool.committer, abi: poolCommitterAbi } as const;
    return {
      h,
      updateIntervalId: batch.add({ ...committer, functionName: 'updateIntervalId' }),
      mintingFee: batch.add({ ...committer, functionName: 'getMintingFee' }),
      prices: [...h.ids].map((id) => ({
        id,
        price: batch.add({ ...committer, functionName: 'priceHistory', args: [id] }),
        burnFee: batch.add({ ...committer, functionName: 'burnFeeHistory', args: [id] }),
      })),
    };
  });
  await batch.run(client, { multicall3: deployment.multicall3 });

  return reads.map(({ h, updateIntervalId, mintingFee, prices }) => {
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
      pool: h.pool,
      events: h.events,
      priceHistory,
      burnFeeHistory,
      updateIntervalId: current,
      mintingFeeWad: mintingFee.value,
    };
  });
}
