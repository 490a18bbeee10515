/**
 * What one user's commit will give them, before they sign (the trade form's preview): the commit is queued on
 * the pool as the contract would queue it (docs/protocol.md §3.6, mint fee at commit §2.2), the coming
 * upkeeps run at an assumed price until its interval executes (§1.6, §3.4), and the user's share is settled
 * at that interval's stored prices as `updateAggregateBalance` will (§3.5). Other users' future commits and
 * the keeper's reward are not known, so the figures are what the chain gives if nothing else happens.
 */
import { type CommitType, commitAction, commitTotals, queueCommit } from './commits.ts';
import { MAX_ITERATIONS } from './constants.ts';
import type { ExecutedInterval } from './execution.ts';
import { type EffectiveLeverage, effectiveLeverage, rebalancingRate, skew } from './metrics.ts';
import { ContractRevert } from './revert.ts';
import { aggregateDelta } from './settlement.ts';
import { OTHER_SIDE } from './sides.ts';
import type { PoolState } from './types.ts';
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
      // The user's totals are what the commit queued: the amount, net of the mint fee for a mint.
      const delta = aggregateDelta(
        commitTotals(input.commitType, input.amount - queued.mintFee),
        executed,
        executed.burningFeeWad,
        current.mintingFeeWad,
      );
      // aggregateDelta credits each side with the fees it is owed; for one commit they split cleanly: the side
      // burned from is owed the burn fee, and for a flip the side minted into is owed the mint fee.
      const action = commitAction(input.commitType);
      const fees = { long: delta.longSettlementFee, short: delta.shortSettlementFee };
      const burnFee = action && action.kind !== 'mint' ? fees[action.side] : 0n;
      const flipMintFee = action?.kind === 'flip' ? fees[OTHER_SIDE[action.side]] : 0n;
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
