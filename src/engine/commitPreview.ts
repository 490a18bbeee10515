/**
 * What one user's commit will give them, before they sign (the trade form's preview): the commit is queued on
 * the pool as the contract would queue it (docs/protocol.md §3.6, mint fee at commit §2.2), the coming
 * upkeeps run at an assumed price until its interval executes (§1.6, §3.4), each paying its keeper out of the
 * balances (§2.4), and the user's share is settled at that interval's stored prices as
 * `updateAggregateBalance` will (§3.5). Other users' future commits are not known, so the figures are what
 * the chain gives if nothing else happens.
 *
 * When the coming upkeeps happen is an assumption, named in `keeper.schedule` (§3.10): a keeper on time upkeeps as
 * each interval falls due; a keeper in its first interval after the due time is about to run; a keeper a
 * whole interval late or more (as the block read says, keeperTiming.ts) is taken to stay away until the
 * commit's own interval is due, and then one upkeep executes the backlog and the commit together, under one
 * price change and one management fee.
 */
import {
  type CommitType,
  commitAction,
  commitTotals,
  expectedExecutionTime,
  queueCommit,
} from './commits.ts';
import { MAX_ITERATIONS } from './constants.ts';
import type { ExecutedInterval } from './execution.ts';
import { type KeeperSchedule, keeperSchedule } from './keeperTiming.ts';
import { type EffectiveLeverage, effectiveLeverage, rebalancingRate, skew } from './metrics.ts';
import { ContractRevert } from './revert.ts';
import { aggregateDelta } from './settlement.ts';
import { OTHER_SIDE } from './sides.ts';
import type { PoolState } from './types.ts';
import { type KeeperInputs, keeperUpkeep } from './upkeep.ts';

export type { KeeperSchedule } from './keeperTiming.ts';

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
  /**
   * What the keeper's reward is computed from (§2.4): the PoolKeeper's `gasPrice()`, the settlement/ETH price
   * and the gas the keeper measures for itself. Without it no reward is paid in the preview, and an upkeep
   * that comes before the commit's interval leaves the figures a little off (`keeper.rewardIgnored`).
   */
  keeper?: KeeperInputs;
  /**
   * Timestamp of the block `state` was read at, when `now` is extrapolated past it: the keeper is taken to be
   * late only once that block says so (keeperTiming.ts). Default: `now`.
   */
  readAt?: bigint;
}

export interface CommitPreview {
  commitType: CommitType;
  /** The interval the commit joins (the front-running rule may skip one, §3.2). */
  intervalId: bigint;
  /** When that interval executes, on the schedule assumed. */
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
  /** The upkeeps up to the commit's execution, as assumed. */
  keeper: {
    schedule: KeeperSchedule;
    /** Upkeeps before the one that executes the commit: each one's keeper reward lowers the prices it gets. */
    upkeepsBefore: number;
    /** Keeper rewards those upkeeps take out of the balances, settlement units. */
    rewardsBefore: bigint;
    /** An upkeep comes before the commit's but no keeper inputs were given: its reward is left out. */
    rewardIgnored: boolean;
  };
  /** The pool right after the upkeep that executed the interval, its keeper paid. */
  after: {
    longBalance: bigint;
    shortBalance: bigint;
    skew: number | undefined;
    rebalancingRate: number | undefined;
    leverage: EffectiveLeverage;
  };
}

/** No reward: a gas price of 0 makes the reward formula give 0 (§2.4). */
const NO_KEEPER: KeeperInputs = { gasPriceWei: 0n, gasSpent: 0n, settlementPerEthWad: 0n };

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
  const schedule = keeperSchedule(state, now, input.readAt ?? now);
  const keeperInputs = input.keeper ?? NO_KEEPER;

  let current = queued.state;
  let time: bigint;
  if (schedule === 'on-time') time = state.lastPriceTimestamp + updateInterval;
  else if (schedule === 'due') time = now;
  else {
    // A late upkeep executes every interval due at its time (§3.2): once the commit's interval is due, one
    // upkeep takes the backlog and the commit under a single price change and management fee (§2.1).
    time = expectedExecutionTime(
      queued.intervalId,
      state.lastPriceTimestamp,
      updateInterval,
      state.updateIntervalId,
    );
    if (time < now) time = now;
  }
  let upkeepsBefore = 0;
  let rewardsBefore = 0n;
  for (let upkeeps = 0; upkeeps <= MAX_ITERATIONS; upkeeps++) {
    const result = keeperUpkeep(current, input.price, time, keeperInputs);
    if (result.status !== 'upkept' || !result.upkeep)
      throw new ContractRevert(
        result.status === 'reverted' ? (result.reason ?? 'upkeep reverted') : 'not due',
      );
    // The stored prices are taken before the keeper is paid; the reward lowers the balances after (§2.4).
    const executed = result.upkeep.executed.find((e) => e.intervalId === queued.intervalId);
    current = result.state;
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
        keeper: {
          schedule,
          upkeepsBefore,
          rewardsBefore,
          rewardIgnored: upkeepsBefore > 0 && input.keeper === undefined,
        },
        after: {
          longBalance,
          shortBalance,
          skew: skew(longBalance, shortBalance),
          rebalancingRate: rebalancingRate(longBalance, shortBalance),
          leverage: effectiveLeverage(longBalance, shortBalance, state.leverage),
        },
      };
    }
    upkeepsBefore += 1;
    rewardsBefore += result.payment.longPart + result.payment.shortPart;
    // The next upkeep falls due one interval after this one; after a capped backlog (§3.2) it is due at once
    // and comes in the next block.
    const next = current.lastPriceTimestamp + updateInterval;
    time = next > time ? next : time + 1n;
  }
  throw new ContractRevert('the commit would not execute within the preview horizon');
}

/** What a commit gives its user, in the unit it pays out: tokens for mints and flips, settlement for burns. */
export function commitOutput(preview: CommitPreview): bigint {
  return commitAction(preview.commitType)?.kind === 'burn' ? preview.settlementOut : preview.tokensOut;
}
