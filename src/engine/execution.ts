/**
 * Execution of queued commits at pool level (docs/protocol.md §3.2, §3.4): one interval at a time, up to
 * 15 per upkeep, each at the balances the previous one left, followed by one dynamic minting fee update and the
 * V2.1 timestamp rule.
 */
import { emptyTotals } from './commits.ts';
import { MAX_ITERATIONS } from './constants.ts';
import { nextMintingFee } from './fees.ts';
import { flipProceeds, poolBurnAmount, poolMintAmount, tokenPrice } from './prices.ts';
import type { Quad } from './quad.ts';
import { checkedSub } from './revert.ts';
import type { CommitTotals, IntervalCommits, PoolBook } from './types.ts';

export type { PoolBook } from './types.ts';

export interface ExecutedInterval {
  intervalId: bigint;
  /** `priceHistory[id]`: the prices every user of this interval settles at (§3.5). */
  longPrice: Quad;
  shortPrice: Quad;
  /** `burnFeeHistory[id]`: the burn fee rate in force at execution (§2.3). */
  burningFeeWad: bigint;
  longTokensMinted: bigint;
  shortTokensMinted: bigint;
  /** Settlement that left each side for burns and flips (gross of fees, §3.4 step 5). */
  longSettlementOut: bigint;
  shortSettlementOut: bigint;
}

/**
 * One interval's commits at pool level (§3.4 steps 1–7). Prices are taken before anything changes, with every
 * pending burn in the denominator; mints and burns of the batch all trade at those prices. Reverts like the
 * contract: a side with balance 0 but tokens outstanding prices at 0 and its flip step reverts (§3.8).
 */
export function executeInterval(
  book: PoolBook,
  intervalId: bigint,
  totals: CommitTotals,
  mintingFeeWad: bigint,
  burningFeeWad: bigint,
): { book: PoolBook; executed: ExecutedInterval } {
  const { longBalance, shortBalance, longSupply, shortSupply } = book;
  const pendingLong = book.pendingLongBurnPoolTokens;
  const pendingShort = book.pendingShortBurnPoolTokens;

  const longPrice = tokenPrice(longBalance, longSupply, pendingLong);
  const shortPrice = tokenPrice(shortBalance, shortSupply, pendingShort);

  // Flips pay the burn fee, then the mint fee on the rest, at the rates in force now (§3.4 step 2).
  const flipped = (tokens: bigint, burnPrice: Quad) =>
    flipProceeds(tokens, burnPrice, burningFeeWad, mintingFeeWad).settlement;
  const toShort = flipped(totals.longBurnShortMintPoolTokens, longPrice);
  const toLong = flipped(totals.shortBurnLongMintPoolTokens, shortPrice);

  const longBurned = totals.longBurnPoolTokens + totals.longBurnShortMintPoolTokens;
  const shortBurned = totals.shortBurnPoolTokens + totals.shortBurnLongMintPoolTokens;

  // Settlement minted into each side: its own mints and the flips into it (§3.4 steps 3 and 5).
  const longMintIn = totals.longMintSettlement + toLong;
  const shortMintIn = totals.shortMintSettlement + toShort;

  const longTokensMinted = poolMintAmount(longSupply, longMintIn, longBalance, pendingLong);
  const longSettlementOut = poolBurnAmount(longSupply, longBurned, longBalance, pendingLong);
  const shortTokensMinted = poolMintAmount(shortSupply, shortMintIn, shortBalance, pendingShort);
  const shortSettlementOut = poolBurnAmount(shortSupply, shortBurned, shortBalance, pendingShort);

  const next: PoolBook = {
    longBalance: checkedSub(longBalance + longMintIn, longSettlementOut),
    shortBalance: checkedSub(shortBalance + shortMintIn, shortSettlementOut),
    longSupply: longSupply + longTokensMinted,
    shortSupply: shortSupply + shortTokensMinted,
    pendingLongBurnPoolTokens: checkedSub(pendingLong, longBurned),
    pendingShortBurnPoolTokens: checkedSub(pendingShort, shortBurned),
  };
  return {
    book: next,
    executed: {
      intervalId,
      longPrice,
      shortPrice,
      burningFeeWad,
      longTokensMinted,
      shortTokensMinted,
      longSettlementOut,
      shortSettlementOut,
    },
  };
}

export interface ExecuteCommitmentsInput {
  book: PoolBook;
  commits: readonly IntervalCommits[];
  updateIntervalId: bigint;
  /** The pool's timestamp before this upkeep (the contract passes the value saved before its reentrancy guard). */
  lastPriceTimestamp: bigint;
  updateInterval: bigint;
  now: bigint;
  mintingFeeWad: bigint;
  burningFeeWad: bigint;
  changeIntervalWad: bigint;
}

export interface ExecuteCommitmentsResult {
  book: PoolBook;
  executed: ExecutedInterval[];
  updateIntervalId: bigint;
  lastPriceTimestamp: bigint;
  mintingFeeWad: bigint;
  /** Queued intervals not executed by this upkeep. */
  commits: IntervalCommits[];
}

/**
 * `executeCommitments` (§3.2): every interval whose time has come, oldest first, at most 15; the minting fee is
 * updated once afterwards; the timestamp becomes `now` unless the 15-interval cap left more intervals due, in which
 * case it advances by exactly 15 intervals so the next upkeep continues the backlog.
 */
export function executeCommitments(input: ExecuteCommitmentsInput): ExecuteCommitmentsResult {
  const { lastPriceTimestamp, updateInterval, now } = input;
  let book = input.book;
  let id = input.updateIntervalId;
  const executed: ExecutedInterval[] = [];
  const byId = new Map(input.commits.map((c) => [c.intervalId, c.totals]));

  let counter = 1;
  while (counter <= MAX_ITERATIONS && now >= lastPriceTimestamp + updateInterval * BigInt(counter)) {
    const step = executeInterval(
      book,
      id,
      byId.get(id) ?? emptyTotals(),
      input.mintingFeeWad,
      input.burningFeeWad,
    );
    book = step.book;
    executed.push(step.executed);
    byId.delete(id);
    id += 1n;
    counter += 1;
  }

  // The fee update reads post-execution prices without the pending burns (§2.2).
  const mintingFeeWad = nextMintingFee(
    tokenPrice(book.longBalance, book.longSupply),
    tokenPrice(book.shortBalance, book.shortSupply),
    input.mintingFeeWad,
    input.changeIntervalWad,
  );

  const cappedEnd = lastPriceTimestamp + updateInterval * BigInt(counter - 1);
  const backlogLeft = counter > MAX_ITERATIONS && now - cappedEnd >= updateInterval;
  return {
    book,
    executed,
    updateIntervalId: id,
    lastPriceTimestamp: backlogLeft ? cappedEnd : now,
    mintingFeeWad,
    commits: input.commits.filter((c) => byId.has(c.intervalId)),
  };
}
