/** Shared builders for the engine tests. */
import { emptyTotals } from '../../src/engine/commits.ts';
import { valueTransfer } from '../../src/engine/transfer.ts';
import type { CommitTotals, PoolState, TransferKind } from '../../src/engine/types.ts';

export const WAD = 10n ** 18n;
/** A price in WAD from a decimal number of units (e.g. 100 → 100e18). */
export const price = (units: number): bigint => BigInt(Math.round(units * 1e6)) * 10n ** 12n;

/** A V2.1-like pool with every field explicit; override what a test is about. */
export function poolState(overrides: Partial<PoolState> = {}): PoolState {
  return {
    decimals: 6,
    leverage: 3,
    transfer: 'sigmoid',
    longBalance: 1_000_000_000n,
    shortBalance: 1_000_000_000n,
    longSupply: 1_000_000_000n,
    shortSupply: 1_000_000_000n,
    pendingLongBurnPoolTokens: 0n,
    pendingShortBurnPoolTokens: 0n,
    feePerIntervalWad: 0n,
    mintingFeeWad: 0n,
    burningFeeWad: 0n,
    changeIntervalWad: 0n,
    secondaryFeeSplitPercent: 10n,
    updateInterval: 3600,
    frontRunningInterval: 300,
    lastPriceTimestamp: 1_700_000_000n,
    updateIntervalId: 1n,
    lastPrice: price(100),
    commits: [],
    ...overrides,
  };
}

/** |a − b| ≤ tolerance, for numbers printed to a given number of decimals. */
export function decimalsOf(printed: string): number {
  const dot = printed.indexOf('.');
  return dot < 0 ? 0 : printed.length - dot - 1;
}

/** Commit totals with nothing committed but what a test names. */
export function totalsWith(overrides: Partial<CommitTotals> = {}): CommitTotals {
  return { ...emptyTotals(), ...overrides };
}

/** TV10's pool (docs/protocol.md §5): both sides empty, with a 1% minting fee. */
export function emptyPool(overrides: Partial<PoolState> = {}): PoolState {
  return poolState({
    longBalance: 0n,
    longSupply: 0n,
    shortBalance: 0n,
    shortSupply: 0n,
    mintingFeeWad: WAD / 100n,
    ...overrides,
  });
}

/** The side balances after each price move of a 3x pool with no fees, from the first price on. */
export function balancesAlong(
  kind: TransferKind,
  start: { long: bigint; short: bigint },
  prices: bigint[],
): Array<[bigint, bigint]> {
  let { long, short } = start;
  const out: Array<[bigint, bigint]> = [];
  for (let i = 1; i < prices.length; i++) {
    const r = valueTransfer({
      transfer: kind,
      longBalance: long,
      shortBalance: short,
      leverage: 3,
      oldPrice: prices[i - 1]!,
      newPrice: prices[i]!,
      feePerIntervalWad: 0n,
    });
    long = r.longBalance;
    short = r.shortBalance;
    out.push([long, short]);
  }
  return out;
}
