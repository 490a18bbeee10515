/**
 * Whether an upkeep or a claim pays for its gas (docs/keeper.md, "When it sends"). The upkeep's reward is the
 * engine's: `keeperReward` and `payKeeperFromBalances` (src/engine/keeper.ts, docs/protocol.md §2.4), so the
 * keeper predicts exactly what KeeperRewards computes, given the gas. A claim's reward is what the user prepaid,
 * already in wei. Pure functions, no I/O.
 */
import type { TransactionReceipt } from 'viem';
import { KEEPER, WAD } from '../../src/engine/constants.ts';
import { keeperReward, payKeeperFromBalances } from '../../src/engine/keeper.ts';
import { ContractRevert } from '../../src/engine/revert.ts';

/**
 * An amount of the settlement token in wei, at the settlement/ETH oracle's price (settlement tokens per ETH,
 * WAD, as PoolKeeper reads it from the pool's `settlementEthOracle`). A price ≤ 0 values it at nothing.
 */
export function settlementToWei(amount: bigint, decimals: number, settlementPerEthWad: bigint): bigint {
  if (settlementPerEthWad <= 0n || amount <= 0n) return 0n;
  return (amount * 10n ** BigInt(18 - decimals) * WAD) / settlementPerEthWad;
}

export interface UpkeepRewardInput {
  /** PoolKeeper's `gasPrice()`: the constant it prices gas at, not the chain's (§2.4). */
  keeperGasPrice: bigint;
  /** This pool's share of the transaction's estimated gas. */
  gasShare: bigint;
  settlementPerEthWad: bigint;
  lastPriceTimestamp: bigint;
  updateInterval: bigint;
  /** The time the upkeep will run at (the block the due check was made at). */
  now: bigint;
  decimals: number;
  longBalance: bigint;
  shortBalance: bigint;
}

export interface UpkeepRewardPrediction {
  /** Settlement token units; 0 when the pool could not pay it. */
  reward: bigint;
  rewardWei: bigint;
  tipPercent: bigint;
}

/**
 * The reward one pool's upkeep would pay. PoolKeeper measures the gas of each pool's upkeep itself and adds a
 * fixed 80,195 for what it cannot measure (the payment, the transaction's base cost; §2.4), so the gas it is
 * paid for is close to the pool's share of the whole transaction: `gasSpent = share − 80,195`. The tip counts
 * lateness up to `now`; the payment uses the balances as they are now (the contract uses them after the
 * upkeep's transfer and executions, which a prediction cannot know), and is 0 when they cannot cover it.
 */
export function predictUpkeepReward(input: UpkeepRewardInput): UpkeepRewardPrediction {
  const gasSpent = input.gasShare > KEEPER.fixedGasOverhead ? input.gasShare - KEEPER.fixedGasOverhead : 0n;
  // Asked at a block where the pool is due, so `now` is at least the due time; a clock read a moment early is not.
  let now = input.now;
  const due = input.lastPriceTimestamp + input.updateInterval;
  if (now < due) now = due;
  try {
    const reward = keeperReward({
      gasPriceWei: input.keeperGasPrice,
      gasSpent,
      settlementPerEthWad: input.settlementPerEthWad,
      lastPriceTimestamp: input.lastPriceTimestamp,
      updateInterval: input.updateInterval,
      now,
      decimals: input.decimals,
    });
    const payment = payKeeperFromBalances(reward.reward, input.longBalance, input.shortBalance);
    const paid = payment.paid ? reward.reward : 0n;
    return {
      reward: paid,
      rewardWei: settlementToWei(paid, input.decimals, input.settlementPerEthWad),
      tipPercent: reward.tipPercent,
    };
  } catch (error) {
    // A negative settlement/ETH price makes KeeperRewards revert (§2.4): nothing is paid.
    if (error instanceof ContractRevert) return { reward: 0n, rewardWei: 0n, tipPercent: 0n };
    throw error;
  }
}

/** Does a reward of `rewardWei` pay for `gas` at `gasPrice`? */
export function covers(rewardWei: bigint, gas: bigint, gasPrice: bigint): boolean {
  return rewardWei >= gas * gasPrice;
}

/** Splits `gas` among `n` parts, the remainder to the first, so the shares add up to the whole. */
export function shareOf(gas: bigint, n: number, index: number): bigint {
  const each = gas / BigInt(n);
  return index === 0 ? gas - each * BigInt(n - 1) : each;
}

/**
 * Splits `gas` in proportion to `weights` (each part's gas when sent alone), the remainder to the first, so
 * that a pool executing many commits is seen to cost more than an idle one. Equal parts when all weigh 0.
 */
export function splitGas(gas: bigint, weights: readonly bigint[]): bigint[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) return weights.map((_, i) => shareOf(gas, weights.length, i));
  const parts = weights.map((w) => (gas * w) / total);
  parts[0] = gas - parts.slice(1).reduce((a, b) => a + b, 0n);
  return parts;
}

/** What a sent transaction cost and earned, as its log line reports it. */
export function spendFields(
  receipt: Pick<TransactionReceipt, 'transactionHash' | 'gasUsed' | 'effectiveGasPrice'>,
  gasEstimate: bigint,
  gasPrice: bigint,
  rewardWei: bigint,
) {
  return {
    tx: receipt.transactionHash,
    gasUsed: receipt.gasUsed,
    gasEstimate,
    gasPrice: receipt.effectiveGasPrice,
    costWei: receipt.gasUsed * receipt.effectiveGasPrice,
    rewardWei,
    profitable: covers(rewardWei, gasEstimate, gasPrice),
  };
}
