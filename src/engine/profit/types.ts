/** The profit split's inputs and outputs (split.ts). */
import type { CommitType } from '../commits.ts';
import type { IntervalPrices } from '../settlement.ts';
import type { Side } from '../types.ts';

export type BySide = { long: bigint; short: bigint };

/** One upkeep of the pool, from its logs and the balances read around it. */
export interface SplitStep {
  blockNumber: bigint;
  logIndex: number;
  firstInterval?: bigint;
  lastInterval?: bigint;
  /** What the committer stored for `firstInterval`. */
  prices?: IntervalPrices;
  /** Side balances before the upkeep; without them the upkeep's move is booked to the rest. */
  before?: BySide;
  fee: BySide;
  /** `PoolRebalance`'s balance changes: the fee and the transfer together, as the event reports them. */
  change: BySide;
  keeperReward: bigint;
}

interface Placed {
  blockNumber: bigint;
  logIndex: number;
}

/** The holder's own events, as the history sources give them (other kinds are ignored). */
export type SplitEvent = Placed &
  (
    | { kind: 'commit'; commitType: CommitType; amount: bigint; intervalId: bigint; mintingFeeWad: bigint }
    | { kind: 'transfer'; side: Side; direction: 'in' | 'out'; amount: bigint }
    | { kind: 'other' }
  );

export interface SplitInput {
  steps: readonly SplitStep[];
  events: readonly SplitEvent[];
  /** Prices and burn fees the committer stored for the holder's commit intervals. */
  priceHistory: ReadonlyMap<bigint, IntervalPrices>;
  burnFeeHistory: ReadonlyMap<bigint, bigint>;
  /** Intervals below this have executed. */
  updateIntervalId: bigint;
  /** The current minting fee: a flip's is charged at the rate current when its holder settles (§3.5). */
  mintingFeeWad: bigint;
  /** The pool's `secondaryFeeSplitPercent`: the secondary address's share of the management fee. */
  secondaryFeePercent: bigint;
}

export interface SplitParts {
  market: bigint;
  rebalancingRate: bigint;
  managementPrimary: bigint;
  managementSecondary: bigint;
  keeper: bigint;
  mintFee: bigint;
  burnFee: bigint;
  /** Fees other traders paid into the side while it was held, executions' rounding, and moves not read. */
  other: bigint;
}

export const PART_NAMES = [
  'market',
  'rebalancingRate',
  'managementPrimary',
  'managementSecondary',
  'keeper',
  'mintFee',
  'burnFee',
  'other',
] as const satisfies readonly (keyof SplitParts)[];

export interface PositionSplit {
  parts: SplitParts;
  /** `proceeds + value − cost`: what the parts add up to. */
  total: bigint;
  /** Paid for mints and flips in that have executed, fees included, plus the arrival value of tokens received. */
  cost: bigint;
  /** Burns and flips out, after their fees, plus the value of tokens sent away when they left. */
  proceeds: bigint;
  /** Tokens held now (wallet, escrow and queued burns) and their value at `valuedAtInterval`'s price. */
  tokens: bigint;
  value: bigint;
  valuedAtInterval?: bigint;
  /** Tokens received from another account: the chain cannot tell what was paid for them. */
  received: { tokens: bigint; value: bigint };
  sent: { tokens: bigint; value: bigint };
  /** Collateral committed to mints that have not executed: not in the split yet. */
  pendingMint: bigint;
}

export type PoolSplit = Record<Side, PositionSplit>;

export const zeroParts = (): SplitParts => ({
  market: 0n,
  rebalancingRate: 0n,
  managementPrimary: 0n,
  managementSecondary: 0n,
  keeper: 0n,
  mintFee: 0n,
  burnFee: 0n,
  other: 0n,
});

export const sumParts = (parts: SplitParts): bigint =>
  PART_NAMES.reduce((sum, name) => sum + parts[name], 0n);
