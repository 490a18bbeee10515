/**
 * The value transfer of one upkeep (docs/protocol.md §1, §2.1): the management fee comes off both sides,
 * then the losing side pays the winner a fraction of its (post-fee) balance.
 *
 * The fraction is a strategy chosen per pool, never a branch in callers (transferStrategies.ts): `sigmoid`
 * (V2.1, §1.4) or `power` (V1 and the seed's "power leverage", §1.3).
 */
import { type FeeSplit, feeAmountQuad, managementFees, splitManagementFee } from './fees.ts';
import type { Quad } from './quad.ts';
import * as quad from './quad.ts';
import { checkedSub } from './revert.ts';
import { type SideBalances, sigmoidTransfer, TRANSFER_STRATEGIES } from './transferStrategies.ts';
import type { TransferKind } from './types.ts';

export * from './transferStrategies.ts';

export interface ValueTransferInput extends SideBalances {
  transfer: TransferKind;
  /** Integer leverage of the pool. */
  leverage: number;
  /** The keeper's stored execution price (old) and the oracle's new price, WAD integers (§1.2). */
  oldPrice: bigint;
  newPrice: bigint;
  feePerIntervalWad: bigint;
  /** Percent of the fee accrued to the secondary address (0…100); default 0. */
  secondaryFeeSplitPercent?: bigint;
}

export interface ValueTransferResult extends SideBalances {
  longFee: bigint;
  shortFee: bigint;
  feeSplit: FeeSplit;
  /** True when a price ≤ 0 made the pool skip both the fee and the transfer (§1.2). */
  skipped: boolean;
}

/** One upkeep's price change at pool level (§1.2, §1.6 step 2): fee first, then the strategy's transfer. */
export function valueTransfer(input: ValueTransferInput): ValueTransferResult {
  const { oldPrice, newPrice } = input;
  if (oldPrice <= 0n || newPrice <= 0n) {
    return {
      longBalance: input.longBalance,
      shortBalance: input.shortBalance,
      longFee: 0n,
      shortFee: 0n,
      feeSplit: { primary: 0n, secondary: 0n },
      skipped: true,
    };
  }
  const { longFee, shortFee } = managementFees(
    input.longBalance,
    input.shortBalance,
    input.feePerIntervalWad,
  );
  const afterFee = { longBalance: input.longBalance - longFee, shortBalance: input.shortBalance - shortFee };
  const leverage = quad.fromUInt(BigInt(input.leverage));
  const after = TRANSFER_STRATEGIES[input.transfer].transferExact(afterFee, leverage, oldPrice, newPrice);
  return {
    longBalance: after.longBalance,
    shortBalance: after.shortBalance,
    longFee,
    shortFee,
    feeSplit: splitManagementFee(longFee + shortFee, input.secondaryFeeSplitPercent ?? 0n),
    skipped: false,
  };
}

/**
 * The library function itself (`PoolSwapLibrary.calculateValueTransfer`, V2.1): fee on both sides, then the
 * sigmoid, with no guard on the prices (the pool guards them, §1.2). Arguments in the contract's order, long first
 * (§6 checklist 1); returns (long, short, longFee, shortFee).
 */
export function calculateValueTransfer(
  longBalance: bigint,
  shortBalance: bigint,
  leverage: Quad,
  oldPrice: bigint,
  newPrice: bigint,
  fee: Quad,
): [bigint, bigint, bigint, bigint] {
  const longFee = feeAmountQuad(fee, longBalance);
  const shortFee = feeAmountQuad(fee, shortBalance);
  const after = sigmoidTransfer.transferExact(
    { longBalance: checkedSub(longBalance, longFee), shortBalance: checkedSub(shortBalance, shortFee) },
    leverage,
    oldPrice,
    newPrice,
  );
  return [after.longBalance, after.shortBalance, longFee, shortFee];
}
