/**
 * Display figures users know by name (docs/protocol.md §1.5, §2.1), with the pools-js SDK's conventions:
 * skew = long / short, rebalancing rate = skew − 1, effective gain leverage L/S for longs and L·S for shorts,
 * loss leverage L for both.
 *
 * They are `number`s for display. An empty side has no finite skew: the functions say so with `Infinity` or
 * `undefined` (both sides empty), never NaN. Unlike pools-js, which reports a skew of 1 for an empty side,
 * these do not pretend the pool is balanced.
 */
import { SECONDS_PER_LEAP_YEAR, WAD } from './constants.ts';

/** A raw token amount as a decimal number (for display only). */
export function amountToNumber(amount: bigint, decimals: number): number {
  return Number(amount) / 10 ** decimals;
}

/** A raw collateral amount in dollars at a price per whole token (for display only). */
export function collateralToUsd(amount: bigint, decimals: number, usdPerCollateral: number): number {
  return amountToNumber(amount, decimals) * usdPerCollateral;
}

/**
 * long / short. `Infinity` when only the short side is empty, 0 when only the long side is, `undefined` when both
 * are empty.
 */
export function skew(longBalance: bigint, shortBalance: bigint): number | undefined {
  if (shortBalance === 0n) return longBalance === 0n ? undefined : Number.POSITIVE_INFINITY;
  // Divide in bigint first so that balances above 2^53 keep their ratio's precision.
  const scale = 10n ** 18n;
  return Number((longBalance * scale) / shortBalance) / 1e18;
}

/** skew − 1: positive when longs are over-subscribed, the implicit "funding" they pay shorts (§1.5). */
export function rebalancingRate(longBalance: bigint, shortBalance: bigint): number | undefined {
  const s = skew(longBalance, shortBalance);
  return s === undefined ? undefined : s - 1;
}

export interface EffectiveLeverage {
  /** Multiple of a favourable price move a long gains: L / skew (SDK `calcEffectiveLongGain`). */
  longGain: number | undefined;
  /** Multiple of a favourable price move a short gains: L · skew (SDK `calcEffectiveShortGain`). */
  shortGain: number | undefined;
  /** Losses are always L for both sides: the loser pays a fraction of its own balance (§1.5). */
  longLoss: number;
  shortLoss: number;
}

/**
 * Effective leverage of each side for small moves. With an empty short side the long gains nothing (0) and the
 * short side's gain is unbounded (Infinity); with an empty long side, the reverse; both empty: undefined.
 */
export function effectiveLeverage(
  longBalance: bigint,
  shortBalance: bigint,
  leverage: number,
): EffectiveLeverage {
  const s = skew(longBalance, shortBalance);
  const losses = { longLoss: leverage, shortLoss: leverage };
  if (s === undefined) return { longGain: undefined, shortGain: undefined, ...losses };
  if (s === Number.POSITIVE_INFINITY) return { longGain: 0, shortGain: Number.POSITIVE_INFINITY, ...losses };
  if (s === 0) return { longGain: Number.POSITIVE_INFINITY, shortGain: 0, ...losses };
  return { longGain: leverage / s, shortGain: leverage * s, ...losses };
}

/**
 * The annual management fee (a fraction, 0.02 = 2%) implied by the per-interval fee the pool charges per
 * upkeep, assuming an upkeep every interval over a 365.2425-day year (§2.1). The inverse of
 * `feePerIntervalFromAnnual` up to its integer truncation.
 */
export function annualFeeFromPerInterval(feePerIntervalWad: bigint, updateIntervalSeconds: number): number {
  if (updateIntervalSeconds <= 0) throw new RangeError('update interval must be positive');
  return (Number(feePerIntervalWad) / Number(WAD)) * (Number(SECONDS_PER_LEAP_YEAR) / updateIntervalSeconds);
}

/** Notional exposure of a position worth `value` on a pool of leverage L: value · L (display figure). */
export function notionalExposure(value: number, leverage: number): number {
  return value * leverage;
}

/**
 * The settlement value of `tokens` at a token price (settlement per token), for display; the exact
 * conversion a user receives is `settlementForTokens` in prices.ts.
 */
export function notionalValue(tokens: number, tokenPrice: number): number {
  return tokens * tokenPrice;
}
