/**
 * A user's settlement ("aggregate balance update", docs/protocol.md §3.5): the user's per-interval
 * commitments are turned into pool tokens and settlement at the prices stored for each executed interval, lazily,
 * whenever the user next commits or claims (or anyone calls `updateAggregateBalance`).
 *
 * Rates are WAD integers; the chain layer converts the `bytes16` of `burnFeeHistory` and `mintingFee` with
 * `quad.toUInt`, which is exact because the contracts only ever store integer WADs there (§1.1).
 */
import { MAX_ITERATIONS } from './constants.ts';
import { burnProceeds, flipProceeds, tokensForSettlement } from './prices.ts';
import type { Quad } from './quad.ts';
import { OTHER_SIDE } from './sides.ts';
import type { CommitTotals, Side } from './types.ts';

export interface IntervalPrices {
  longPrice: Quad;
  shortPrice: Quad;
}

export interface AggregateDelta {
  newLongTokens: bigint;
  newShortTokens: bigint;
  /** Fees the long side is credited with now (burn fees of long burns/flips, mint fees of flips into long). */
  longSettlementFee: bigint;
  shortSettlementFee: bigint;
  /** Settlement from burns, net of the burn fee. */
  newSettlementTokens: bigint;
}

/**
 * One executed interval's commitments of one user (`getUpdatedAggregateBalance`). Flips take the burn fee at the
 * interval's recorded rate and the mint fee at the rate current now (§3.5: they can differ from the pool-level
 * execution, which used the rate of the execution time). A flip's proceeds are minted together with the user's
 * plain mint of that side, in one conversion.
 */
export function aggregateDelta(
  commitment: CommitTotals,
  prices: IntervalPrices,
  burningFeeWad: bigint,
  mintingFeeWad: bigint,
): AggregateDelta {
  const price = { long: prices.longPrice, short: prices.shortPrice };
  const fee = { long: 0n, short: 0n };
  let newSettlementTokens = 0n;
  /** A flip out of `from`: its burn fee is owed to `from`, its mint fee to the other side. */
  const flipOut = (from: Side, tokens: bigint): bigint => {
    if (tokens <= 0n) return 0n;
    const flip = flipProceeds(tokens, price[from], burningFeeWad, mintingFeeWad);
    fee[from] += flip.burnFee;
    fee[OTHER_SIDE[from]] += flip.mintFee;
    return flip.settlement;
  };
  /** A side's own mint and the flips into it, converted together. */
  const mintInto = (side: Side, settlement: bigint, flippedIn: bigint): bigint =>
    settlement > 0n || flippedIn > 0n ? tokensForSettlement(price[side], settlement + flippedIn) : 0n;
  /** A burn from `side`: its burn fee is owed to `side`, the rest is the user's settlement. */
  const burnFrom = (side: Side, tokens: bigint): void => {
    if (tokens <= 0n) return;
    const burn = burnProceeds(tokens, price[side], burningFeeWad);
    fee[side] += burn.burnFee;
    newSettlementTokens += burn.settlement;
  };

  const intoLong = flipOut('short', commitment.shortBurnLongMintPoolTokens);
  const intoShort = flipOut('long', commitment.longBurnShortMintPoolTokens);
  const newLongTokens = mintInto('long', commitment.longMintSettlement, intoLong);
  const newShortTokens = mintInto('short', commitment.shortMintSettlement, intoShort);
  burnFrom('long', commitment.longBurnPoolTokens);
  burnFrom('short', commitment.shortBurnPoolTokens);
  return {
    newLongTokens,
    newShortTokens,
    longSettlementFee: fee.long,
    shortSettlementFee: fee.short,
    newSettlementTokens,
  };
}

export interface AggregateBalance {
  longTokens: bigint;
  shortTokens: bigint;
  settlementTokens: bigint;
}

export interface SettleAggregateInput {
  /** `unAggregatedCommitments[user]`, in storage order. */
  intervalIds: readonly bigint[];
  /** `userCommitments[user][id]`; an id without an entry counts as an empty, already-cleared commitment. */
  commitments: ReadonlyMap<bigint, CommitTotals>;
  /** The committer's `updateIntervalId`: intervals below it have executed. */
  currentUpdateIntervalId: bigint;
  /** `priceHistory` and `burnFeeHistory` of executed intervals. */
  priceHistory: ReadonlyMap<bigint, IntervalPrices>;
  burnFeeHistory: ReadonlyMap<bigint, bigint>;
  /** The committer's current `mintingFee`, WAD. */
  mintingFeeWad: bigint;
  /** The escrow before the update; defaults to empty. */
  balance?: AggregateBalance;
}

export interface SettleAggregateResult {
  /** The escrow after the update (`userAggregateBalance[user]`). */
  balance: AggregateBalance;
  /** Fees credited to each side's balance by this update (`setNewPoolBalances`, §2.3 lazy crediting). */
  longFeeCredit: bigint;
  shortFeeCredit: bigint;
  settledIntervalIds: bigint[];
  /** `unAggregatedCommitments[user]` afterwards. */
  remainingIntervalIds: bigint[];
}

const ZERO_PRICES: IntervalPrices = { longPrice: 0n as Quad, shortPrice: 0n as Quad };

/**
 * `updateAggregateBalance(user)` (§3.5): looks at the first 15 entries of the user's interval list, settles those
 * that have executed, and rewrites the list as the contract does (kept in order when it had at most 15 entries;
 * otherwise settled entries are replaced by the last one, so the order changes).
 */
export function settleAggregateBalance(input: SettleAggregateInput): SettleAggregateResult {
  const ids = [...input.intervalIds];
  const storage = [...ids];
  const kept: bigint[] = [];
  const settled: bigint[] = [];
  const total: AggregateDelta = {
    newLongTokens: 0n,
    newShortTokens: 0n,
    longSettlementFee: 0n,
    shortSettlementFee: 0n,
    newSettlementTokens: 0n,
  };
  const length = ids.length;
  const iterations = Math.min(length, MAX_ITERATIONS);
  for (let i = 0; i < iterations; i++) {
    const id = ids[i]!;
    if (id === 0n) continue;
    const commitment = input.commitments.get(id);
    // A cleared commitment reads back with interval id 0, which counts as executed and settles to nothing.
    const executedId = commitment ? id : 0n;
    if (executedId < input.currentUpdateIntervalId) {
      if (commitment) {
        const prices = input.priceHistory.get(id) ?? ZERO_PRICES;
        const delta = aggregateDelta(
          commitment,
          prices,
          input.burnFeeHistory.get(id) ?? 0n,
          input.mintingFeeWad,
        );
        total.newLongTokens += delta.newLongTokens;
        total.newShortTokens += delta.newShortTokens;
        total.newSettlementTokens += delta.newSettlementTokens;
        total.longSettlementFee += delta.longSettlementFee;
        total.shortSettlementFee += delta.shortSettlementFee;
      }
      settled.push(id);
      if (length > MAX_ITERATIONS && storage.length > 1 && i < storage.length - 1) {
        storage[i] = storage[storage.length - 1]!;
      }
      storage.pop();
    } else if (length <= MAX_ITERATIONS) {
      kept.push(id);
    }
  }
  const before = input.balance ?? { longTokens: 0n, shortTokens: 0n, settlementTokens: 0n };
  return {
    balance: {
      longTokens: before.longTokens + total.newLongTokens,
      shortTokens: before.shortTokens + total.newShortTokens,
      settlementTokens: before.settlementTokens + total.newSettlementTokens,
    },
    longFeeCredit: total.longSettlementFee,
    shortFeeCredit: total.shortSettlementFee,
    settledIntervalIds: settled,
    remainingIntervalIds: length <= MAX_ITERATIONS ? kept : storage,
  };
}
