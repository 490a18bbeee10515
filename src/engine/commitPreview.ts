/**
 * What one user's commit will give them, before they sign (the trade form's preview): the commit is queued on
 * the pool as the contract would queue it (docs/protocol.md §3.6, mint fee at commit §2.2), the coming
 * upkeeps run at an assumed price until its interval executes (§1.6, §3.4), and the user's share is settled
 * at that interval's stored prices as `updateAggregateBalance` will (§3.5). Other users' future commits and
 * the keeper's reward are not known, so the figures are what the chain gives if nothing else happens.
 */
import { CommitType, queueCommit } from './commits.ts';
import { MAX_ITERATIONS } from './constants.ts';
import type { ExecutedInterval } from './execution.ts';
import { type EffectiveLeverage, effectiveLeverage, rebalancingRate, skew } from './metrics.ts';
import { ContractRevert } from './revert.ts';
import { aggregateDelta } from './settlement.ts';
import type { CommitTotals, PoolState } from './types.ts';
import { poolUpkeep } from './upkeep.ts';

export interface CommitPreviewInput {
  commitType: CommitType;
  /** Settlement for mints, pool tokens for burns and flips, raw units. */
  amount: bigint;
  /** Unix seconds on the chain's clock. */
  now: bigint;
  /** Oracle price assumed at every coming upkeep, WAD (today's price: "if nothing moves"). */
  price: bigint;
  /**
   * Fees the user's own pending settlement credits to each side when `commit` first runs
   * `updateAggregateBalance` (§2.3): `settleAggregateBalance(...).longFeeCredit` / `shortFeeCredit`.
   */
  pendingFeeCredit?: { long: bigint; short: bigint };
}

export interface CommitPreview {
  commitType: CommitType;
  /** The interval the commit joins (the front-running rule may skip one, §3.2). */
  intervalId: bigint;
  /** When that interval executes, on a timely keeper. */
  executesAt: bigint;
  /** Mint fee taken at commit time (mints), added to the minted side. */
  mintFeeAtCommit: bigint;
  /** Burn fee and flip mint fee, taken when the user's escrow is next settled (§2.3, §3.5). */
  burnFee: bigint;
  flipMintFee: bigint;
  /** Pool tokens the user will find in escrow (mints and flips). */
  tokensOut: bigint;
  /** Settlement the user will find in escrow (burns), net of the burn fee. */
  settlementOut: bigint;
  /** The interval's token prices as the chain will store them (settlement per token, quad). */
  prices: Pick<ExecutedInterval, 'longPrice' | 'shortPrice'>;
  /** The pool right after the interval executed. */
  after: {
    longBalance: bigint;
    shortBalance: bigint;
    skew: number | undefined;
    rebalancingRate: number | undefined;
    leverage: EffectiveLeverage;
  };
}

function userTotals(commitType: CommitType, amount: bigint, mintFee: bigint): CommitTotals {
  const totals: CommitTotals = {
    longMintSettlement: 0n,
    longBurnPoolTokens: 0n,
    shortMintSettlement: 0n,
    shortBurnPoolTokens: 0n,
    shortBurnLongMintPoolTokens: 0n,
    longBurnShortMintPoolTokens: 0n,
  };
  switch (commitType) {
    case CommitType.LongMint:
      totals.longMintSettlement = amount - mintFee;
      break;
    case CommitType.ShortMint:
      totals.shortMintSettlement = amount - mintFee;
      break;
    case CommitType.LongBurn:
      totals.longBurnPoolTokens = amount;
      break;
    case CommitType.ShortBurn:
      totals.shortBurnPoolTokens = amount;
      break;
    case CommitType.LongBurnShortMint:
      totals.longBurnShortMintPoolTokens = amount;
      break;
    case CommitType.ShortBurnLongMint:
      totals.shortBurnLongMintPoolTokens = amount;
      break;
  }
  return totals;
}

/** Throws ContractRevert where the contract would refuse the commit or its execution (§3.8). */
export function previewCommit(state: PoolState, input: CommitPreviewInput): CommitPreview {
  // A clock read a moment before the last upkeep's block counts as that block's time.
  let now = input.now;
  if (now < state.lastPriceTimestamp) now = state.lastPriceTimestamp;
  const credit = input.pendingFeeCredit;
  const credited = credit
    ? {
        ...state,
        longBalance: state.longBalance + credit.long,
        shortBalance: state.shortBalance + credit.short,
      }
    : state;
  const queued = queueCommit(credited, { commitType: input.commitType, amount: input.amount }, now);
  const updateInterval = BigInt(state.updateInterval);

  let current = queued.state;
  let time = current.lastPriceTimestamp + updateInterval;
  if (time < now) time = now;
  // Each upkeep executes the intervals that are due; on a timely keeper that is one per upkeep.
  for (let upkeeps = 0; upkeeps <= MAX_ITERATIONS; upkeeps++) {
    const result = poolUpkeep(current, input.price, time);
    current = result.state;
    const executed = result.executed.find((e) => e.intervalId === queued.intervalId);
    if (executed) {
      const delta = aggregateDelta(
        userTotals(input.commitType, input.amount, queued.mintFee),
        executed,
        executed.burningFeeWad,
        current.mintingFeeWad,
      );
      const isFlip =
        input.commitType === CommitType.LongBurnShortMint ||
        input.commitType === CommitType.ShortBurnLongMint;
      const isBurn = input.commitType === CommitType.LongBurn || input.commitType === CommitType.ShortBurn;
      // aggregateDelta credits each side with the fees it is owed; for one commit they split cleanly.
      const burnSide =
        input.commitType === CommitType.LongBurn || input.commitType === CommitType.LongBurnShortMint;
      const burnFee = isBurn || isFlip ? (burnSide ? delta.longSettlementFee : delta.shortSettlementFee) : 0n;
      const flipMintFee = isFlip ? (burnSide ? delta.shortSettlementFee : delta.longSettlementFee) : 0n;
      const longBalance = current.longBalance;
      const shortBalance = current.shortBalance;
      return {
        commitType: input.commitType,
        intervalId: queued.intervalId,
        executesAt: time,
        mintFeeAtCommit: queued.mintFee,
        burnFee,
        flipMintFee,
        tokensOut: delta.newLongTokens + delta.newShortTokens,
        settlementOut: delta.newSettlementTokens,
        prices: { longPrice: executed.longPrice, shortPrice: executed.shortPrice },
        after: {
          longBalance,
          shortBalance,
          skew: skew(longBalance, shortBalance),
          rebalancingRate: rebalancingRate(longBalance, shortBalance),
          leverage: effectiveLeverage(longBalance, shortBalance, state.leverage),
        },
      };
    }
    time = current.lastPriceTimestamp + updateInterval;
  }
  throw new ContractRevert('the commit would not execute within the preview horizon');
}
