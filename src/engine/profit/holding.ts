/**
 * One side's holding as the split walks through a pool's history: its tokens, the price they were last valued
 * at, and the books every change of their value goes to (split.ts).
 */
import { CommitType } from '../commits.ts';
import { feeAmount, mintFeeAtCommit } from '../fees.ts';
import { flipProceeds, settlementForTokens, tokensForSettlement } from '../prices.ts';
import type { Quad } from '../quad.ts';
import * as quad from '../quad.ts';
import type { IntervalPrices } from '../settlement.ts';
import type { Side } from '../types.ts';
import { type PositionSplit, type SplitEvent, type SplitStep, zeroParts } from './types.ts';

/** What `tokens` fetch at `price`, 0 on a side emptied while tokens were outstanding (§3.8). */
export function valueAt(price: Quad, tokens: bigint): bigint {
  if (tokens === 0n || price === quad.POSITIVE_ZERO || price === quad.NEGATIVE_ZERO) return 0n;
  return settlementForTokens(price, tokens);
}

const OTHER: Record<Side, Side> = { long: 'short', short: 'long' };

export class Holding {
  readonly split: PositionSplit = {
    parts: zeroParts(),
    total: 0n,
    cost: 0n,
    proceeds: 0n,
    tokens: 0n,
    value: 0n,
    received: { tokens: 0n, value: 0n },
    sent: { tokens: 0n, value: 0n },
    pendingMint: 0n,
  };
  /** The price the tokens were last valued at, and the block of that valuation. */
  price: Quad | undefined;
  interval: bigint | undefined;
  pricedAt = -1n;

  get tokens() {
    return this.split.tokens;
  }

  /** Revalues the holding at `price` and books the move to the rest: no step explains it. */
  moveTo(price: Quad, interval: bigint | undefined, block: bigint) {
    if (this.price !== undefined && this.tokens > 0n)
      this.split.parts.other += valueAt(price, this.tokens) - valueAt(this.price, this.tokens);
    this.price = price;
    this.interval = interval;
    this.pricedAt = block;
  }

  /** Tokens in or out at the current price; returns the change in the holding's value. */
  change(tokens: bigint): bigint {
    const price = this.price ?? quad.ONE;
    const next = this.tokens + tokens;
    const delta = valueAt(price, next) - valueAt(price, this.tokens);
    this.split.tokens = next;
    return delta;
  }
}

/** The holder's share, in value, of `amount` of a side whose balance after the transfer is `after`. */
const shareOf = (value: bigint, amount: bigint, after: bigint) => (value * amount) / after;

export function bookUpkeep(
  h: Holding,
  side: Side,
  step: SplitStep,
  previous: SplitStep | undefined,
  pct: bigint,
) {
  const price = step.prices?.[side === 'long' ? 'longPrice' : 'shortPrice'];
  if (price === undefined) return;
  if (h.price === undefined || h.tokens === 0n || !step.before) {
    h.moveTo(price, step.firstInterval, step.blockNumber);
    return;
  }
  const other = OTHER[side];
  const v0 = valueAt(h.price, h.tokens);
  const v1 = valueAt(price, h.tokens);
  // `PoolRebalance` reports each side's whole change, the fee included: the transfer alone is change + fee.
  const moved = (s: Side) => step.change[s] + step.fee[s];
  const afterFee = step.before[side] - step.fee[side];
  const after = step.before[side] + step.change[side];
  const parts = h.split.parts;
  let explained = 0n;
  if (after > 0n) {
    const transfer = shareOf(v1, moved(side), after);
    // The winning side gains the losing side's loss; a balanced pool would have given it its own balance times
    // the loser's loss fraction. The difference is the rebalancing rate's doing (S − 1).
    const otherAfterFee = step.before[other] - step.fee[other];
    const balanced =
      moved(side) > 0n && otherAfterFee > 0n
        ? shareOf(v1, (afterFee * -moved(other)) / otherAfterFee, after)
        : transfer;
    const fee = shareOf(v1, step.fee[side], after);
    const secondary = (fee * pct) / 100n;
    let keeper = 0n;
    if (previous && previous.keeperReward > 0n && h.pricedAt <= previous.blockNumber) {
      const total = step.before.long + step.before.short;
      const shortPart = total === 0n ? 0n : (previous.keeperReward * step.before.short) / total;
      keeper = shareOf(v1, side === 'short' ? shortPart : previous.keeperReward - shortPart, after);
    }
    parts.market += balanced;
    parts.rebalancingRate += transfer - balanced;
    parts.managementSecondary -= secondary;
    parts.managementPrimary -= fee - secondary;
    parts.keeper -= keeper;
    explained = transfer - fee - keeper;
  }
  parts.other += v1 - v0 - explained;
  h.price = price;
  h.interval = step.firstInterval;
  h.pricedAt = step.blockNumber;
}

export const SIDE_OF: Record<CommitType, { from?: Side; into?: Side }> = {
  [CommitType.LongMint]: { into: 'long' },
  [CommitType.ShortMint]: { into: 'short' },
  [CommitType.LongBurn]: { from: 'long' },
  [CommitType.ShortBurn]: { from: 'short' },
  [CommitType.LongBurnShortMint]: { from: 'long', into: 'short' },
  [CommitType.ShortBurnLongMint]: { from: 'short', into: 'long' },
};

/** Tokens leave a holding; any the history did not show arriving are taken as received at this price. */
function leave(h: Holding, tokens: bigint) {
  if (tokens > h.tokens) {
    const missing = tokens - h.tokens;
    const value = h.change(missing);
    h.split.received.tokens += missing;
    h.split.received.value += value;
    h.split.cost += value;
  }
  return h.change(-tokens);
}

export function transfer(h: Holding, direction: 'in' | 'out', tokens: bigint) {
  const split = h.split;
  if (direction === 'in') {
    const value = h.change(tokens);
    split.received.tokens += tokens;
    split.received.value += value;
    split.cost += value;
  } else {
    const value = -leave(h, tokens);
    split.sent.tokens += tokens;
    split.sent.value += value;
    split.proceeds += value;
  }
}

export function execute(
  holdings: Record<Side, Holding>,
  event: Extract<SplitEvent, { kind: 'commit' }>,
  prices: IntervalPrices,
  burnFeeWad: bigint,
  mintingFeeWad: bigint,
  block: bigint,
) {
  const priceOf = (side: Side) => (side === 'long' ? prices.longPrice : prices.shortPrice);
  const { from, into } = SIDE_OF[event.commitType];
  let queued: bigint;
  let cost: bigint;
  let mintFee: bigint;
  if (from) {
    const h = holdings[from];
    h.moveTo(priceOf(from), event.intervalId, block);
    const flip = into ? flipProceeds(event.amount, priceOf(from), burnFeeWad, mintingFeeWad) : undefined;
    const gross = flip ? flip.settlement + flip.burnFee + flip.mintFee : valueAt(priceOf(from), event.amount);
    const burnFee = flip ? flip.burnFee : feeAmount(burnFeeWad, gross);
    const delta = leave(h, event.amount);
    h.split.parts.other += gross + delta;
    h.split.parts.burnFee -= burnFee;
    h.split.proceeds += gross - burnFee;
    if (!flip || !into) return;
    ({ settlement: queued, mintFee } = flip);
    cost = flip.settlement + flip.mintFee;
  } else {
    ({ fee: mintFee, queued } = mintFeeAtCommit(event.amount, event.mintingFeeWad));
    cost = event.amount;
  }
  if (!into) return;
  const h = holdings[into];
  h.moveTo(priceOf(into), event.intervalId, block);
  const price = priceOf(into);
  const tokens = price === quad.POSITIVE_ZERO ? 0n : tokensForSettlement(price, queued);
  const delta = h.change(tokens);
  h.split.cost += cost;
  h.split.parts.mintFee -= mintFee;
  h.split.parts.other += delta - queued;
}
