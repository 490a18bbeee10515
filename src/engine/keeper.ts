/**
 * The keeper's reward (docs/protocol.md §2.4): gas compensation priced in settlement tokens, a tip that
 * grows with lateness, the conversion to the settlement token's decimals, and the pro-rata payment out of both
 * sides. Reading PoolKeeper: the reward is paid after `poolUpkeep` has returned, i.e. from the balances left
 * after the price change and every executed interval, so it dilutes the post-execution token prices; in V2 it is
 * paid whether or not `poolUpkeep` succeeded, and its tip uses the timestamp saved before the upkeep.
 */
import { KEEPER, WAD } from './constants.ts';
import { divIntegers, mulToUInt } from './quad/fused.ts';
import * as quad from './quad.ts';
import { ContractRevert, checkedSub } from './revert.ts';

export type KeeperVersion = 'v2' | 'v1';

const WAD_QUAD = quad.fromUInt(WAD);

/**
 * Gas compensation in settlement WAD: `toUInt(gasPrice · gas · price / 1e18)` through quads, where `price` is the
 * settlement token per ETH (WAD) and V2 adds its fixed 80,195 gas. A price of 0 (V1: ≤ 0) pays nothing. V2 casts
 * the signed oracle price to unsigned as the contract does (§2.4), so a negative price makes it revert.
 */
export function keeperGas(
  gasPriceWei: bigint,
  gasSpent: bigint,
  settlementPerEthWad: bigint,
  version: KeeperVersion = 'v2',
): bigint {
  if (version === 'v1' ? settlementPerEthWad <= 0n : settlementPerEthWad === 0n) return 0n;
  const gasUsed = version === 'v2' ? gasSpent + KEEPER.fixedGasOverhead : gasSpent;
  const weiSpentInteger = gasPriceWei * gasUsed;
  if (weiSpentInteger >= 1n << 256n) throw new ContractRevert('panic: arithmetic overflow', 'panic');
  const weiSpent = quad.fromUInt(weiSpentInteger);
  const price = quad.fromUInt(BigInt.asUintN(256, settlementPerEthWad));
  return quad.toUInt(quad.div(quad.mul(weiSpent, price), WAD_QUAD));
}

/**
 * Tip percent: 5 + ⌊5 · secondsLate / 13⌋, at most 100, where lateness counts from the moment the upkeep became
 * due (`lastPriceTimestamp + updateInterval`, before the upkeep). Reverts, like the contract, if not yet due.
 */
export function keeperTip(lastPriceTimestamp: bigint, updateInterval: bigint, now: bigint): bigint {
  const secondsLate = checkedSub(now, lastPriceTimestamp + updateInterval);
  const tip = KEEPER.baseTipPercent + (KEEPER.tipPercentPerBlock * secondsLate) / KEEPER.blockTimeSeconds;
  if (tip > KEEPER.maxTipPercent) return KEEPER.maxTipPercent;
  return tip;
}

export interface KeeperRewardInput {
  gasPriceWei: bigint;
  gasSpent: bigint;
  /** Settlement token per ETH, WAD (the settlement/ETH oracle's price). */
  settlementPerEthWad: bigint;
  /** The pool's timestamp before the upkeep. */
  lastPriceTimestamp: bigint;
  updateInterval: bigint;
  now: bigint;
  /** Settlement token decimals (≤ 18). */
  decimals: number;
  version?: KeeperVersion;
}

export interface KeeperReward {
  keeperGasWad: bigint;
  tipPercent: bigint;
  rewardWad: bigint;
  /** In the settlement token's own units: what `payKeeperFromBalances` is asked for. */
  reward: bigint;
}

/**
 * The reward (`KeeperRewards.keeperReward`). V2: `gas + ⌊gas · tip / 100⌋`, then divided by 10^(18 − decimals)
 * (§2.4). V1: no fixed overhead, and its tip went through an extra division by 1e18 in quads (§2.4), which
 * leaves less than a wei: the tip is effectively lost.
 */
export function keeperReward(input: KeeperRewardInput): KeeperReward {
  const version = input.version ?? 'v2';
  if (input.decimals < 0 || input.decimals > 18) throw new RangeError('settlement decimals must be 0…18');
  const keeperGasWad = keeperGas(input.gasPriceWei, input.gasSpent, input.settlementPerEthWad, version);
  const tipPercent = keeperTip(input.lastPriceTimestamp, input.updateInterval, input.now);
  let rewardWad: bigint;
  if (version === 'v2') {
    rewardWad = keeperGasWad + (keeperGasWad * tipPercent) / 100n;
  } else {
    const gas = quad.fromUInt(keeperGasWad);
    const tipFraction = quad.div(quad.fromUInt(tipPercent), quad.fromUInt(100n));
    rewardWad = quad.toInt(quad.add(gas, quad.div(quad.mul(gas, tipFraction), WAD_QUAD)));
  }
  const reward = rewardWad / 10n ** BigInt(18 - input.decimals);
  return { keeperGasWad, tipPercent, rewardWad, reward };
}

export interface KeeperPayment {
  paid: boolean;
  longBalance: bigint;
  shortBalance: bigint;
  /** Taken from each side (both 0 when not paid). */
  longPart: bigint;
  shortPart: bigint;
}

/**
 * `LeveragedPool.payKeeperFromBalances` (§2.4): nothing when the reward is at least both sides together;
 * otherwise the short side pays `toUInt(short / (short + long) · reward)` and the long side the rest.
 */
export function payKeeperFromBalances(
  reward: bigint,
  longBalance: bigint,
  shortBalance: bigint,
): KeeperPayment {
  const total = shortBalance + longBalance;
  if (reward >= total) return { paid: false, longBalance, shortBalance, longPart: 0n, shortPart: 0n };
  const shortShare = divIntegers(shortBalance, total);
  const shortPart = mulToUInt(shortShare, reward);
  const longPart = checkedSub(reward, shortPart);
  return {
    paid: true,
    longBalance: checkedSub(longBalance, longPart),
    shortBalance: checkedSub(shortBalance, shortPart),
    longPart,
    shortPart,
  };
}
