/**
 * A whole upkeep (docs/protocol.md §1.6): `LeveragedPool.poolUpkeep` (price change, then every due
 * interval's commits, then the minting fee and timestamp updates) and the PoolKeeper around it (the interval
 * check, the stored execution price, the keeper's reward).
 *
 * Shaped for a differential test against the contracts: a PoolState in, the next PoolState out, plus what the
 * chain would have recorded on the way (fees accrued, prices stored per interval, keeper payment).
 */
import { type ExecutedInterval, executeCommitments } from './execution.ts';
import type { FeeSplit } from './fees.ts';
import {
  type KeeperPayment,
  type KeeperReward,
  type KeeperRewardInput,
  keeperReward,
  payKeeperFromBalances,
} from './keeper.ts';
import { ContractRevert } from './revert.ts';
import { bookOf } from './sides.ts';
import { type ValueTransferResult, valueTransfer } from './transfer.ts';
import type { PoolState } from './types.ts';

export interface PoolUpkeepResult {
  /** The pool after the upkeep; `lastPrice` is the new price, as the keeper stores it on success. */
  state: PoolState;
  /** Fee and transfer of the price change (skipped when a price is ≤ 0). */
  priceChange: ValueTransferResult;
  /** Fees accrued for the primary and secondary addresses by this upkeep. */
  feeSplit: FeeSplit;
  /** Every interval executed, with the prices stored for it, oldest first. */
  executed: ExecutedInterval[];
}

/**
 * `poolUpkeep(old = state.lastPrice, new = newPrice)` at time `now` (§1.6 step 2, §3.2). Throws ContractRevert
 * where the contract reverts: before the interval has passed, or when an interval cannot execute (§3.8).
 */
export function poolUpkeep(state: PoolState, newPrice: bigint, now: bigint): PoolUpkeepResult {
  const updateInterval = BigInt(state.updateInterval);
  if (now < state.lastPriceTimestamp + updateInterval)
    throw new ContractRevert("Update interval hasn't passed");

  const priceChange = valueTransfer({
    longBalance: state.longBalance,
    shortBalance: state.shortBalance,
    transfer: state.transfer,
    leverage: state.leverage,
    oldPrice: state.lastPrice,
    newPrice,
    feePerIntervalWad: state.feePerIntervalWad,
    secondaryFeeSplitPercent: state.secondaryFeeSplitPercent,
  });

  const execution = executeCommitments({
    book: { ...bookOf(state), longBalance: priceChange.longBalance, shortBalance: priceChange.shortBalance },
    commits: state.commits,
    updateIntervalId: state.updateIntervalId,
    lastPriceTimestamp: state.lastPriceTimestamp,
    updateInterval,
    now,
    mintingFeeWad: state.mintingFeeWad,
    burningFeeWad: state.burningFeeWad,
    changeIntervalWad: state.changeIntervalWad,
  });

  return {
    state: {
      ...state,
      ...execution.book,
      mintingFeeWad: execution.mintingFeeWad,
      lastPriceTimestamp: execution.lastPriceTimestamp,
      updateIntervalId: execution.updateIntervalId,
      lastPrice: newPrice,
      commits: execution.commits,
    },
    priceChange,
    feeSplit: priceChange.feeSplit,
    executed: execution.executed,
  };
}

/** The keeper's side of an upkeep: its gas, gas price and the settlement/ETH price; time and pool come from the call. */
export type KeeperInputs = Omit<
  KeeperRewardInput,
  'lastPriceTimestamp' | 'updateInterval' | 'now' | 'decimals'
>;

export type KeeperUpkeepResult =
  | { status: 'not-due'; state: PoolState }
  | {
      status: 'upkept' | 'reverted';
      state: PoolState;
      /** Present when the pool upkeep succeeded. */
      upkeep?: PoolUpkeepResult;
      /** The revert reason when it did not (`PoolUpkeepError`). */
      reason?: string;
      reward: KeeperReward;
      payment: KeeperPayment;
    };

/**
 * `PoolKeeper.performUpkeepSinglePool` (§1.6): returns silently if the interval has not passed; otherwise tries the
 * pool upkeep (a revert leaves the pool and the stored price unchanged), then pays the keeper from the balances as
 * they stand afterwards, using the timestamp saved before the upkeep for the tip. V2 pays even after a revert.
 */
export function keeperUpkeep(
  state: PoolState,
  newPrice: bigint,
  now: bigint,
  keeper: KeeperInputs,
): KeeperUpkeepResult {
  const updateInterval = BigInt(state.updateInterval);
  if (now < state.lastPriceTimestamp + updateInterval) return { status: 'not-due', state };

  let after = state;
  let upkeep: PoolUpkeepResult | undefined;
  let reason: string | undefined;
  try {
    upkeep = poolUpkeep(state, newPrice, now);
    after = upkeep.state;
  } catch (error) {
    // Only `Error(string)` is caught; a panic or a bare revert takes the whole keeper call down with it.
    if (!(error instanceof ContractRevert) || error.kind !== 'error') throw error;
    reason = error.reason;
  }

  const reward = keeperReward({
    ...keeper,
    lastPriceTimestamp: state.lastPriceTimestamp,
    updateInterval,
    now,
    decimals: state.decimals,
  });
  const v1 = keeper.version === 'v1';
  const payment =
    v1 && !upkeep
      ? {
          paid: false,
          longBalance: after.longBalance,
          shortBalance: after.shortBalance,
          longPart: 0n,
          shortPart: 0n,
        }
      : payKeeperFromBalances(reward.reward, after.longBalance, after.shortBalance);
  const paidState = { ...after, longBalance: payment.longBalance, shortBalance: payment.shortBalance };
  const common = { state: paidState, reward, payment };
  return upkeep
    ? { status: 'upkept', upkeep, ...common }
    : { status: 'reverted', ...(reason ? { reason } : {}), ...common };
}
