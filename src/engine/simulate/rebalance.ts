/**
 * One upkeep on doubles (docs/protocol.md §1, §2.1): the fast path that charts and Monte Carlo build on.
 * Same order as the exact path (fee on both sides, then the transfer strategy) but without the contract's
 * truncations, so it agrees with the exact path to about 1e-12 relative on realistic balances
 * (tests/engine/fast-vs-exact.test.ts).
 */
import { TRANSFER_STRATEGIES } from '../transfer.ts';
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

/** The fast counterpart of `valueTransfer`: a price ≤ 0 skips fee and transfer, as on chain (§1.2). */
export function valueTransferFast(input: FastTransferInput): FastBalances {
  const { oldPrice, newPrice, feeRate } = input;
  if (!(oldPrice > 0) || !(newPrice > 0))
    return { longBalance: input.longBalance, shortBalance: input.shortBalance };
  let long = input.longBalance * (1 - feeRate);
  let short = input.shortBalance * (1 - feeRate);
  const strategy = TRANSFER_STRATEGIES[input.transfer];
  const size = Math.abs(Math.log(newPrice / oldPrice));
  const m = strategy.lossFraction(input.leverage, size);
  const keep = strategy.keptFraction(input.leverage, size);
  if (newPrice >= oldPrice) {
    long += short * m;
    short *= keep;
  } else {
    short += long * m;
    long *= keep;
  }
  return { longBalance: long, shortBalance: short };
}
