/**
 * What one read of a chain's pools gives the app (poolReader.ts): every pool's engine PoolState with its
 * prices, fees and pause flag, the connected user's wallet and escrow, and the block it was all read at; and
 * the questions the pages ask of it.
 */
import type { Address } from 'viem';
import type { CommitTotals, PoolState } from '../../engine/types.ts';
import type { CollateralSymbol } from '../config/config.ts';
import type { PoolInfo } from './poolRegistry.ts';

export interface EscrowBalance {
  longTokens: bigint;
  shortTokens: bigint;
  settlementTokens: bigint;
}

export interface UserCommit {
  intervalId: bigint;
  totals: CommitTotals;
}

export interface UserPosition {
  longWallet: bigint;
  shortWallet: bigint;
  settlementWallet: bigint;
  /** Settlement-token allowance to the LeveragedPool (what mints spend). */
  allowance: bigint;
  /** Claimable now: `getAggregateBalance`, executed but not yet claimed. */
  escrow: EscrowBalance;
  /** The user's own commits in the coming intervals. */
  commits: UserCommit[];
  /**
   * The claim the user paid a keeper to make (`payForClaim`): it covers their commits of `intervalId`, and
   * whoever claims for them once that interval has executed earns `reward` wei.
   */
  paidClaim?: { intervalId: bigint; reward: bigint };
}

/** What a pool's health is judged on (docs/protocol.md, "Pool health"), read in the same call as the rest. */
export interface PoolHealthReads {
  /** `PoolKeeper.isUpkeepRequiredSinglePool` at this block: an upkeep now would rebalance the pool. */
  upkeepRequired: boolean;
  /** The market feed's last update (`latestRoundData().updatedAt`), chain seconds; undefined if it did not answer. */
  feedUpdatedAt: bigint | undefined;
  /** Settlement tokens per ETH, WAD (`settlementEthOracle.getPrice()`): prices the keeper reward (§2.4). */
  settlementEthPrice: bigint | undefined;
  /** The pool keeper's gas price for rewards (`PoolKeeper.gasPrice()`), wei; read once per keeper. */
  keeperGasPrice: bigint;
  /** Settlement tokens the pool holds (its `balanceOf`). */
  settlementHeld: bigint;
  /** The committer's `pendingMintSettlementAmount`: queued mints the pool holds for no side yet. */
  pendingMintSettlement: bigint;
}

export interface PoolSnapshot {
  info: PoolInfo;
  state: PoolState;
  /** The oracle's current price, WAD. */
  oraclePrice: bigint;
  paused: boolean;
  primaryFees: bigint;
  secondaryFees: bigint;
  feeAddress: Address;
  secondaryFeeAddress: Address;
  /** Pool tokens the pool itself holds: everyone's escrow (claims pay out of this). */
  escrowHeld: { longTokens: bigint; shortTokens: bigint };
  health: PoolHealthReads;
  user?: UserPosition;
}

export interface PoolsSnapshot {
  chainId: number;
  /** The block the state was read at. */
  blockNumber: bigint;
  /** The timestamp of the block read: the chain's clock, which the devnet runs ahead of the wall clock. */
  blockTimestamp: bigint;
  /** Wall-clock ms when this read came back: the age of every figure in it, and the anchor of its clock. */
  receivedAt: number;
  /** The factory's pool count at this block: when it moves, the registry is read again. */
  factoryPoolCount: bigint;
  pools: PoolSnapshot[];
  /** Collateral prices in USD, WAD, where the chain has a feed. */
  collateralUsd: Partial<Record<CollateralSymbol, bigint>>;
  /**
   * False when a pool's queued commits may reach past the ids read: its interval id moved since the hint, or
   * its keeper is so late that new commits land further ahead. Read again with `extraIntervals`.
   */
  commitsComplete: boolean;
}

/** Whether the user has anything in this pool's escrow to claim. */
export function hasEscrow(pool: Pick<PoolSnapshot, 'user'>): boolean {
  const e = pool.user?.escrow;
  return Boolean(e && (e.longTokens > 0n || e.shortTokens > 0n || e.settlementTokens > 0n));
}

/**
 * A claim that would revert: the user is owed more pool tokens than the pool holds. V2.1 credits a flip's
 * tokens at the mint fee current when the user settles, not the one its interval executed at; when the fee
 * fell in between, the user is owed more than was minted (docs/protocol.md §3.9; pinned in
 * tests/chain/engineDifferential.test.ts).
 */
export function claimWouldFail(pool: Pick<PoolSnapshot, 'escrowHeld' | 'user'>): boolean {
  const owed = pool.user?.escrow;
  if (!owed) return false;
  return owed.longTokens > pool.escrowHeld.longTokens || owed.shortTokens > pool.escrowHeld.shortTokens;
}
