/**
 * What a user's next commit or claim will settle first: `commit` and `claim` both start with
 * `updateAggregateBalance(user)`, which credits the user's pending burn and flip fees to the pool's sides
 * (docs/protocol.md §2.3, lazy crediting). A preview that ignores those credits is off by their effect on the
 * coming rebalance, so the trade form reads them here: two `eth_call`s, for the selected pool only.
 */
import type { Address, PublicClient } from 'viem';
import { poolCommitterAbi } from '../../../contracts-abi/generated/index.ts';
import { MAX_ITERATIONS } from '../../engine/constants.ts';
import { quadFromHex, toUInt } from '../../engine/quad.ts';
import {
  type IntervalPrices,
  type SettleAggregateResult,
  settleAggregateBalance,
} from '../../engine/settlement.ts';
import type { CommitTotals } from '../../engine/types.ts';
import type { ChainDeployment } from '../config/config.ts';
import { ReadBatch } from './batch.ts';
import type { PoolInfo } from './poolRegistry.ts';

export async function readPendingSettlement(
  client: PublicClient,
  deployment: ChainDeployment,
  pool: PoolInfo,
  user: Address,
  blockNumber?: bigint,
): Promise<SettleAggregateResult> {
  const committer = { address: pool.committer, abi: poolCommitterAbi } as const;
  const at = { multicall3: deployment.multicall3, ...(blockNumber === undefined ? {} : { blockNumber }) };

  const head = new ReadBatch();
  // The list has no length getter: read the first entries the contract looks at; past the end they revert.
  const entries = Array.from({ length: MAX_ITERATIONS }, (_, i) =>
    head.add({ ...committer, functionName: 'unAggregatedCommitments', args: [user, BigInt(i)] }),
  );
  const updateIntervalId = head.add({ ...committer, functionName: 'updateIntervalId' });
  const mintingFee = head.add({ ...committer, functionName: 'mintingFee' });
  await head.run(client, at);
  const firstMissing = entries.findIndex((slot) => !slot.ok);
  const ids = entries.slice(0, firstMissing < 0 ? entries.length : firstMissing).map((slot) => slot.value);

  const detail = new ReadBatch();
  const rows = ids.map((id) => ({
    id,
    commitment: detail.add({ ...committer, functionName: 'userCommitments', args: [user, id] }),
    prices: detail.add({ ...committer, functionName: 'priceHistory', args: [id] }),
    burnFee: detail.add({ ...committer, functionName: 'burnFeeHistory', args: [id] }),
  }));
  await detail.run(client, at);

  const commitments = new Map<bigint, CommitTotals>();
  const priceHistory = new Map<bigint, IntervalPrices>();
  const burnFeeHistory = new Map<bigint, bigint>();
  for (const row of rows) {
    const [longMint, longBurn, shortMint, shortBurn, shortBurnLongMint, longBurnShortMint, storedId] =
      row.commitment.value;
    // A cleared commitment reads back with interval id 0.
    if (storedId !== 0n) {
      commitments.set(row.id, {
        longMintSettlement: longMint,
        longBurnPoolTokens: longBurn,
        shortMintSettlement: shortMint,
        shortBurnPoolTokens: shortBurn,
        shortBurnLongMintPoolTokens: shortBurnLongMint,
        longBurnShortMintPoolTokens: longBurnShortMint,
      });
    }
    const [longPrice, shortPrice] = row.prices.value;
    priceHistory.set(row.id, { longPrice: quadFromHex(longPrice), shortPrice: quadFromHex(shortPrice) });
    burnFeeHistory.set(row.id, toUInt(quadFromHex(row.burnFee.value)));
  }
  return settleAggregateBalance({
    intervalIds: ids,
    commitments,
    currentUpdateIntervalId: updateIntervalId.value,
    priceHistory,
    burnFeeHistory,
    mintingFeeWad: toUInt(quadFromHex(mintingFee.value)),
  });
}
