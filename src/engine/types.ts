/**
 * The engine's plain input and output types: the boundary between the chain layer and the maths.
 * Amounts are raw integers in their token's own decimals (`bigint`), rates are WAD integers (1e18 = 100%),
 * prices are WAD integers as the oracle wrappers report them (docs/protocol.md §1.1).
 */

/** One of a pool's two sides, and its token: long gains when the price rises, short when it falls. */
export type Side = 'long' | 'short';

/** Which value-transfer function a pool uses: V2.1 `sigmoid` (tanh) or V1 `power` (§1.3, §1.4). */
export type TransferKind = 'sigmoid' | 'power';

/** The six per-interval sums of a PoolCommitter's `totalPoolCommitments(id)` (§3.3). */
export interface CommitTotals {
  /** Settlement, already net of the mint fee. */
  longMintSettlement: bigint;
  /** Pool tokens. */
  longBurnPoolTokens: bigint;
  shortMintSettlement: bigint;
  shortBurnPoolTokens: bigint;
  shortBurnLongMintPoolTokens: bigint;
  longBurnShortMintPoolTokens: bigint;
}

/** Commits queued for one update interval. */
export interface IntervalCommits {
  intervalId: bigint;
  totals: CommitTotals;
}

/** The pool-level quantities an interval's execution reads and changes (§3.4). */
export interface PoolBook {
  longBalance: bigint;
  shortBalance: bigint;
  longSupply: bigint;
  shortSupply: bigint;
  /** Global pending-burn counters of every queued interval (§3.3). */
  pendingLongBurnPoolTokens: bigint;
  pendingShortBurnPoolTokens: bigint;
}

/** Everything the engine needs to know about a V2.1 pool at one moment, already in engine order (long first). */
export interface PoolState extends PoolBook {
  /** Settlement token decimals; the pool tokens share them. */
  decimals: number;
  /** Integer leverage (`getLeverage()`). */
  leverage: number;
  transfer: TransferKind;
  /** Management fee per update interval, WAD (`getFee()`). */
  feePerIntervalWad: bigint;
  mintingFeeWad: bigint;
  burningFeeWad: bigint;
  changeIntervalWad: bigint;
  /** Percent (0..100) of the management fee accrued to the secondary (deployer, here the treasury) address. */
  secondaryFeeSplitPercent: bigint;
  /** Seconds. */
  updateInterval: number;
  frontRunningInterval: number;
  /** Unix seconds of the last upkeep. */
  lastPriceTimestamp: bigint;
  /** PoolCommitter.updateIntervalId(): the next interval to execute. */
  updateIntervalId: bigint;
  /** Price the keeper will use as `old` at the next upkeep (keeper.executionPrice), WAD. */
  lastPrice: bigint;
  /** Queued commits of the coming intervals, ascending by id. */
  commits: IntervalCommits[];
}
