/**
 * A user's cost basis and profit in one pool, from their own history: every `CreateCommit` of theirs, valued
 * at the prices the pool stored for its interval (docs/protocol.md §3.5), and the pool tokens they sent or
 * received outside the pool. Average cost per side, in collateral units; all amounts `bigint`. Pure, so the
 * browser (from the log scan) and the history indexer (for its ledger route) compute the same figures.
 */

import { CommitType } from '../commits.ts';
import { feeAmount, mintFeeAtCommit } from '../fees.ts';
import { flipProceeds, settlementForTokens, tokensForSettlement } from '../prices.ts';
import type { Quad } from '../quad.ts';
import type { IntervalPrices } from '../settlement.ts';
import type { SplitEvent } from './types.ts';

/**
 * An event as the cost basis reads it: the split's (commits, transfers) and the history sources' other kinds
 * (claims, AutoClaim's records), which change no position.
 */
export type CostEvent =
  | SplitEvent
  | (Pick<SplitEvent, 'blockNumber' | 'logIndex'> & { kind: 'claim' | 'autoClaimRequest' | 'autoClaimPaid' });

export interface SidePosition {
  /** Tokens held (wallet and escrow), as far as the history tells. */
  tokens: bigint;
  /** Collateral paid for them, fees included. */
  cost: bigint;
  /** Tokens received from someone else: their cost is not known. */
  unknownCostTokens: bigint;
}

export interface CostBasisRow<E extends CostEvent = CostEvent> {
  event: E;
  /** What the event gave: tokens for mints and flips, collateral for burns; undefined while it is pending. */
  received?: bigint;
  /** Fees it paid, collateral units. */
  fees: bigint;
  pending: boolean;
  /**
   * Where an executed commit executed: its interval and the token price the pool stored for it, of the side
   * it minted (mints, flips) or burned (burns). Absent while pending, and for events that are not commits.
   */
  execution?: { intervalId: bigint; price: Quad };
}

/** A position's figures without its rows: what the ledger sends for each pool. */
export interface PoolPosition {
  long: SidePosition;
  short: SidePosition;
  /** Profit already taken by burns and flips, collateral units (may be negative). */
  realized: bigint;
  /** Collateral committed to mints that have not executed yet. */
  pendingMint: bigint;
}

export interface PoolPnl<E extends CostEvent = CostEvent> extends PoolPosition {
  rows: CostBasisRow<E>[];
}

export interface CostBasisInput<E extends CostEvent = CostEvent> {
  events: readonly E[];
  priceHistory: ReadonlyMap<bigint, IntervalPrices>;
  burnFeeHistory: ReadonlyMap<bigint, bigint>;
  /** The committer's `updateIntervalId`: intervals below it have executed. */
  updateIntervalId: bigint;
  /** The current minting fee, which the user-level flip uses (§3.5). */
  mintingFeeWad: bigint;
}

const emptySide = (): SidePosition => ({ tokens: 0n, cost: 0n, unknownCostTokens: 0n });

/** The position of an account with no event in the pool. */
export const emptyPosition = (): PoolPosition => ({
  long: emptySide(),
  short: emptySide(),
  realized: 0n,
  pendingMint: 0n,
});

/** Takes `tokens` out of a side at its average cost; returns the cost that left with them. */
function reduce(side: SidePosition, tokens: bigint): bigint {
  const held = side.tokens;
  const share = held === 0n ? 0n : (side.cost * (tokens < held ? tokens : held)) / held;
  side.cost -= share;
  side.tokens = tokens > held ? 0n : held - tokens;
  if (side.unknownCostTokens > side.tokens) side.unknownCostTokens = side.tokens;
  return share;
}

export function order(
  a: Pick<SplitEvent, 'blockNumber' | 'logIndex'>,
  b: Pick<SplitEvent, 'blockNumber' | 'logIndex'>,
): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

export function costBasis<E extends CostEvent>(input: CostBasisInput<E>): PoolPnl<E> {
  const result: PoolPnl<E> = {
    long: emptySide(),
    short: emptySide(),
    realized: 0n,
    pendingMint: 0n,
    rows: [],
  };
  for (const original of [...input.events].sort(order)) {
    // Narrowed as a CostEvent (a generic does not narrow); each row keeps the caller's own event.
    const event: CostEvent = original;
    const row = (figures: Omit<CostBasisRow<E>, 'event'>) =>
      result.rows.push({ event: original, ...figures });
    if (event.kind === 'transfer') {
      const side = result[event.side];
      if (event.direction === 'in') {
        side.tokens += event.amount;
        side.unknownCostTokens += event.amount;
      } else {
        reduce(side, event.amount);
      }
      row({ received: event.amount, fees: 0n, pending: false });
      continue;
    }
    // Claims move what is already the user's from escrow to the wallet, and AutoClaim's rewards are paid in
    // the chain's native currency: neither changes a position or its cost.
    if (event.kind !== 'commit') {
      row({ fees: 0n, pending: false });
      continue;
    }
    const executed = event.intervalId < input.updateIntervalId;
    const prices = input.priceHistory.get(event.intervalId);
    const { commitType, amount } = event;
    const isMint = commitType === CommitType.LongMint || commitType === CommitType.ShortMint;
    if (!executed || !prices) {
      if (isMint) result.pendingMint += amount;
      row({
        fees: isMint ? mintFeeAtCommit(amount, event.mintingFeeWad).fee : 0n,
        pending: true,
      });
      continue;
    }
    const burnFeeWad = input.burnFeeHistory.get(event.intervalId) ?? 0n;
    const at = (long: boolean) => ({
      intervalId: event.intervalId,
      price: long ? prices.longPrice : prices.shortPrice,
    });
    switch (commitType) {
      case CommitType.LongMint:
      case CommitType.ShortMint: {
        const long = commitType === CommitType.LongMint;
        const { fee, queued } = mintFeeAtCommit(amount, event.mintingFeeWad);
        const tokens = tokensForSettlement(long ? prices.longPrice : prices.shortPrice, queued);
        const side = long ? result.long : result.short;
        side.tokens += tokens;
        side.cost += amount;
        row({ received: tokens, fees: fee, pending: false, execution: at(long) });
        break;
      }
      case CommitType.LongBurn:
      case CommitType.ShortBurn: {
        const long = commitType === CommitType.LongBurn;
        const gross = settlementForTokens(long ? prices.longPrice : prices.shortPrice, amount);
        const fee = feeAmount(burnFeeWad, gross);
        const costOut = reduce(long ? result.long : result.short, amount);
        result.realized += gross - fee - costOut;
        row({ received: gross - fee, fees: fee, pending: false, execution: at(long) });
        break;
      }
      case CommitType.LongBurnShortMint:
      case CommitType.ShortBurnLongMint: {
        const fromLong = commitType === CommitType.LongBurnShortMint;
        const flip = flipProceeds(
          amount,
          fromLong ? prices.longPrice : prices.shortPrice,
          burnFeeWad,
          input.mintingFeeWad,
        );
        const costOut = reduce(fromLong ? result.long : result.short, amount);
        // The burned side's profit is taken; what it fetched, mint fee included, is the new side's cost.
        const fetched = flip.settlement + flip.mintFee;
        result.realized += fetched - costOut;
        const tokens = tokensForSettlement(fromLong ? prices.shortPrice : prices.longPrice, flip.settlement);
        const into = fromLong ? result.short : result.long;
        into.tokens += tokens;
        into.cost += fetched;
        row({
          received: tokens,
          fees: flip.burnFee + flip.mintFee,
          pending: false,
          execution: at(!fromLong),
        });
        break;
      }
    }
  }
  return result;
}
