/**
 * What the pools screens show, derived once per snapshot from the chain layer's PoolSnapshot through the
 * engine. Numbers here are for display only (charts, sorting, percentages); money stays bigint.
 */

import type { PoolSnapshot, PoolsSnapshot } from '../../chain/pools/poolReader.ts';
import { appropriateUpdateIntervalId, expectedExecutionTime } from '../../engine/commits.ts';
import { type KeeperTiming, keeperTiming } from '../../engine/keeperTiming.ts';
import {
  amountToNumber,
  collateralToUsd,
  effectiveLeverage,
  rebalancingRate,
  skew,
} from '../../engine/metrics.ts';
import { sideTokenValue, tokenPrice } from '../../engine/prices.ts';
import { quadToNumber } from '../../engine/quad.ts';
import { poolUpkeep } from '../../engine/upkeep.ts';
import { type HealthStatus, healthStatus } from './health.ts';

export interface SideView {
  balance: bigint;
  supply: bigint;
  pendingBurns: bigint;
  /** Settlement per token now (balance / (supply + pending burns)). */
  tokenPrice: number;
  /** After the next rebalance at today's oracle price, queued commits included. */
  nextTokenPrice: number | undefined;
  nextBalance: bigint | undefined;
  /** Undefined when both sides are empty; Infinity when the other side holds everything. */
  gainLeverage: number | undefined;
  lossLeverage: number;
}

export interface Holdings {
  longWallet: bigint;
  shortWallet: bigint;
  escrowLong: bigint;
  escrowShort: bigint;
  escrowSettlement: bigint;
  /** Everything above valued in collateral at today's token prices, raw units. */
  value: bigint;
}

export interface PoolRowView {
  snapshot: PoolSnapshot;
  address: string;
  name: string;
  market: string;
  leverage: number;
  collateral: string;
  decimals: number;
  paused: boolean;
  oraclePrice: number;
  lastRebalancePrice: number;
  /** Fractional change of the oracle price since the last rebalance (0.01 = +1%). */
  priceChange: number;
  long: SideView;
  short: SideView;
  /** Undefined while both sides are empty. */
  skew: number | undefined;
  rebalancingRate: number | undefined;
  /** long + short, raw collateral units. */
  tvl: number;
  tvlRaw: bigint;
  tvlUsd: number | undefined;
  usdPerCollateral: number | undefined;
  /** Unix seconds on the chain's clock. */
  nextRebalanceAt: number;
  /** A commit made now executes at this upkeep time (the front-running rule may push it one interval on). */
  commitExecutesAt: number;
  holdings: Holdings | undefined;
  holdingsValue: number | undefined;
  /**
   * Whether the next upkeep is counting down, due or late (engine/keeperTiming.ts): the one answer the
   * countdown, the badge and the pool page all give.
   */
  keeper: KeeperTiming;
  /** The pool's health at `chainNow` (health.ts, docs/protocol.md, "Pool health"). */
  health: HealthStatus;
  /** The same at the block the figures were read at: all a view may claim while they are stale. */
  healthAtRead: HealthStatus;
}

const wadToNumber = (value: bigint) => amountToNumber(value, 18);

/** `feedMaxAgeSeconds`: the chain's `priceFeedMaxAgeSeconds`, past which a feed counts as stale. */
export function poolRowView(
  pool: PoolSnapshot,
  snapshot: PoolsSnapshot,
  chainNow: number,
  feedMaxAgeSeconds: number,
): PoolRowView {
  const { state, info } = pool;
  const nextRebalanceAt = Number(state.lastPriceTimestamp) + state.updateInterval;
  const nextUpkeepTime = BigInt(Math.max(nextRebalanceAt, Math.floor(chainNow)));
  let next: PoolSnapshot['state'] | undefined;
  try {
    next = pool.paused ? undefined : poolUpkeep(state, pool.oraclePrice, nextUpkeepTime).state;
  } catch {
    next = undefined;
  }
  const side = (which: 'long' | 'short'): SideView => {
    const balance = which === 'long' ? state.longBalance : state.shortBalance;
    const supply = which === 'long' ? state.longSupply : state.shortSupply;
    const pendingBurns =
      which === 'long' ? state.pendingLongBurnPoolTokens : state.pendingShortBurnPoolTokens;
    const nextBalance = next ? (which === 'long' ? next.longBalance : next.shortBalance) : undefined;
    const nextPrice = next
      ? which === 'long'
        ? tokenPrice(next.longBalance, next.longSupply, next.pendingLongBurnPoolTokens)
        : tokenPrice(next.shortBalance, next.shortSupply, next.pendingShortBurnPoolTokens)
      : undefined;
    const leverage = effectiveLeverage(state.longBalance, state.shortBalance, state.leverage);
    return {
      balance,
      supply,
      pendingBurns,
      tokenPrice: quadToNumber(tokenPrice(balance, supply, pendingBurns)),
      nextTokenPrice: nextPrice === undefined ? undefined : quadToNumber(nextPrice),
      nextBalance,
      gainLeverage: which === 'long' ? leverage.longGain : leverage.shortGain,
      lossLeverage: which === 'long' ? leverage.longLoss : leverage.shortLoss,
    };
  };
  const long = side('long');
  const short = side('short');
  const decimals = state.decimals;
  const tvlRaw = state.longBalance + state.shortBalance;
  const usdWad = snapshot.collateralUsd[info.collateral.symbol];
  const usdPerCollateral = usdWad === undefined ? undefined : wadToNumber(usdWad);
  const oraclePrice = wadToNumber(pool.oraclePrice);
  const lastRebalancePrice = wadToNumber(state.lastPrice);

  let holdings: Holdings | undefined;
  if (pool.user) {
    const u = pool.user;
    const longTokens = u.longWallet + u.escrow.longTokens;
    const shortTokens = u.shortWallet + u.escrow.shortTokens;
    const value =
      sideTokenValue(state, 'long', longTokens) +
      sideTokenValue(state, 'short', shortTokens) +
      u.escrow.settlementTokens;
    holdings = {
      longWallet: u.longWallet,
      shortWallet: u.shortWallet,
      escrowLong: u.escrow.longTokens,
      escrowShort: u.escrow.shortTokens,
      escrowSettlement: u.escrow.settlementTokens,
      value,
    };
  }
  const now = BigInt(Math.floor(chainNow));
  const lastTimestamp = state.lastPriceTimestamp;
  const intervalForCommitNow = appropriateUpdateIntervalId(
    now < lastTimestamp ? lastTimestamp : now,
    lastTimestamp,
    BigInt(state.frontRunningInterval),
    BigInt(state.updateInterval),
    state.updateIntervalId,
  );
  const commitExecutesAt = Number(
    expectedExecutionTime(
      intervalForCommitNow,
      lastTimestamp,
      BigInt(state.updateInterval),
      state.updateIntervalId,
    ),
  );
  const tvl = amountToNumber(tvlRaw, decimals);
  return {
    snapshot: pool,
    address: info.address,
    name: info.name,
    market: info.market,
    leverage: info.leverage,
    collateral: info.collateral.symbol,
    decimals,
    paused: pool.paused,
    oraclePrice,
    lastRebalancePrice,
    priceChange: lastRebalancePrice > 0 ? oraclePrice / lastRebalancePrice - 1 : 0,
    long,
    short,
    skew: skew(state.longBalance, state.shortBalance),
    rebalancingRate: rebalancingRate(state.longBalance, state.shortBalance),
    tvl,
    tvlRaw,
    tvlUsd: usdPerCollateral === undefined ? undefined : collateralToUsd(tvlRaw, decimals, usdPerCollateral),
    usdPerCollateral,
    nextRebalanceAt,
    commitExecutesAt,
    holdings,
    holdingsValue: holdings ? amountToNumber(holdings.value, decimals) : undefined,
    keeper: keeperTiming({
      lastPriceTimestamp: state.lastPriceTimestamp,
      updateInterval: state.updateInterval,
      blockTimestamp: snapshot.blockTimestamp,
      chainNow,
    }),
    health: healthStatus(pool, chainNow, feedMaxAgeSeconds, Number(snapshot.blockTimestamp)),
    healthAtRead: healthStatus(pool, Number(snapshot.blockTimestamp), feedMaxAgeSeconds),
  };
}

/**
 * The pools list's two groups (docs/protocol.md §8): the Olympus pools, and the pools added by address that
 * fail verification. The second are never drawn among the first, whose list a holder trusts by its heading.
 */
export function splitByVerification(rows: readonly PoolRowView[]): {
  olympus: PoolRowView[];
  unverified: PoolRowView[];
} {
  return {
    olympus: rows.filter((row) => row.snapshot.info.verification.verified),
    unverified: rows.filter((row) => !row.snapshot.info.verification.verified),
  };
}
