/**
 * One upkeep on doubles (docs/protocol.md §1, §2.1): the fast path that charts and Monte Carlo build on.
 * Same order as the exact path (fee on both sides, then the transfer strategy) but without the contract's
 * truncations, so it agrees with the exact path to about 1e-12 relative on realistic balances
 * (tests/engine/fast-vs-exact.test.ts).
 */
import { TRANSFER_STRATEGIES } from '../transferStrategies.ts';
import type { TransferKind } from '../types.ts';

export interface FastBalances {
  longBalance: number;
  shortBalance: number;
}

export interface FastTransferInput extends FastBalances {
  transfer: TransferKind;
  leverage: number;
  oldPrice: number;
  newPrice: number;
  /** Management fee per upkeep as a fraction (feeWad / 1e18). */
  feeRate: number;
}

/**
 * One step on doubles: the fee comes off both sides (`keepAfterFee` is 1 − fee), then the loser pays the
 * winner the fraction `m` of its balance and keeps `keep` = 1 − m (§1.2). Every fast-path loop steps through
 * here. The pair is returned from one object literal: with a single allocation site the optimiser keeps it off
 * the heap inside the callers' loops, which a return from each branch defeats.
 */
export function rebalanceStep(
  long: number,
  short: number,
  keepAfterFee: number,
  longWins: boolean,
  m: number,
  keep: number,
): { long: number; short: number } {
  let nextLong = long * keepAfterFee;
  let nextShort = short * keepAfterFee;
  if (longWins) {
    nextLong += nextShort * m;
    nextShort *= keep;
  } else {
    nextShort += nextLong * m;
    nextLong *= keep;
  }
  return { long: nextLong, short: nextShort };
}

/** The fast counterpart of `valueTransfer`: a price ≤ 0 skips fee and transfer, as on chain (§1.2). */
export function valueTransferFast(input: FastTransferInput): FastBalances {
  const { oldPrice, newPrice, feeRate } = input;
  if (!(oldPrice > 0) || !(newPrice > 0))
    return { longBalance: input.longBalance, shortBalance: input.shortBalance };
  const strategy = TRANSFER_STRATEGIES[input.transfer];
  const size = Math.abs(Math.log(newPrice / oldPrice));
  const m = strategy.lossFraction(input.leverage, size);
  const keep = strategy.keptFraction(input.leverage, size);
  const after = rebalanceStep(
    input.longBalance,
    input.shortBalance,
    1 - feeRate,
    newPrice >= oldPrice,
    m,
    keep,
  );
  return { longBalance: after.long, shortBalance: after.short };
}
