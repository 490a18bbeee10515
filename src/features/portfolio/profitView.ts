/**
 * What the Portfolio's "Profit explained" card shows (docs/ledger.md): per position (pool and side) the engine's
 * split of its profit, and per collateral the sum over positions, the fees paid and what the management fee
 * gave the pools' secondary address (the Olympus treasury, for a verified pool). Positions in OHM and gOHM
 * are never added together.
 */
import type { UserPoolHistory } from '../../chain/history/userHistory.ts';
import {
  type PositionSplit,
  type SplitParts,
  type SplitStep,
  splitProfit,
  zeroParts,
} from '../../engine/profit/split.ts';
import type { Side } from '../../engine/types.ts';

export interface PositionProfit {
  pool: UserPoolHistory['pool'];
  side: Side;
  split: PositionSplit;
  feesPaid: bigint;
  /** The management fee's share the pool's secondary address receives. */
  toSecondary: bigint;
}

export interface CollateralProfit {
  symbol: string;
  decimals: number;
  parts: SplitParts;
  total: bigint;
  feesPaid: bigint;
  toSecondary: bigint;
  /** Whether every position in it is in a verified Olympus pool, whose secondary address is the treasury. */
  allVerified: boolean;
}

export type ProfitView =
  | { kind: 'loading' }
  /** Some pool's history came without upkeep steps: only the indexer keeps them. */
  | { kind: 'needs-indexer' }
  | { kind: 'none' }
  | { kind: 'split'; positions: PositionProfit[]; totals: CollateralProfit[]; through?: bigint };

/** Fees in a split are negative parts; as paid they are positive. */
export function feesOf(parts: SplitParts): { paid: bigint; toSecondary: bigint } {
  const paid = -(
    parts.mintFee +
    parts.burnFee +
    parts.managementPrimary +
    parts.managementSecondary +
    parts.keeper
  );
  return { paid, toSecondary: -parts.managementSecondary };
}

const active = (s: PositionSplit) =>
  s.cost !== 0n || s.proceeds !== 0n || s.tokens !== 0n || s.received.tokens !== 0n || s.pendingMint !== 0n;

/** The engine's split of one pool's history, with its upkeep steps and the pool's secondary fee split. */
export function splitHistory(h: UserPoolHistory, steps: readonly SplitStep[], secondaryFeePercent: bigint) {
  return splitProfit({
    steps,
    // Claims and AutoClaim's records change no position.
    events: h.events.map((e) => (e.kind === 'commit' || e.kind === 'transfer' ? e : { ...e, kind: 'other' })),
    priceHistory: h.priceHistory,
    burnFeeHistory: h.burnFeeHistory,
    updateIntervalId: h.updateIntervalId,
    mintingFeeWad: h.mintingFeeWad,
    secondaryFeePercent,
  });
}

export function profitView(
  histories: readonly UserPoolHistory[] | undefined,
  /** The pool's `secondaryFeeSplitPercent`, from its live state; undefined while it is not read. */
  secondaryPercentOf: (pool: UserPoolHistory['pool']) => bigint | undefined,
): ProfitView {
  if (!histories) return { kind: 'loading' };
  const traded = histories.filter((h) => h.events.some((e) => e.kind === 'commit' || e.kind === 'transfer'));
  if (traded.length === 0) return { kind: 'none' };
  if (traded.some((h) => !h.steps)) return { kind: 'needs-indexer' };
  const positions: PositionProfit[] = [];
  for (const h of traded) {
    const pct = secondaryPercentOf(h.pool);
    if (pct === undefined) return { kind: 'loading' };
    const split = splitHistory(h, h.steps!.steps, pct);
    for (const side of ['long', 'short'] as const) {
      if (!active(split[side])) continue;
      const fees = feesOf(split[side].parts);
      positions.push({
        pool: h.pool,
        side,
        split: split[side],
        feesPaid: fees.paid,
        toSecondary: fees.toSecondary,
      });
    }
  }
  const totals = new Map<string, CollateralProfit>();
  for (const p of positions) {
    const { symbol, decimals } = p.pool.collateral;
    const t = totals.get(symbol) ?? {
      symbol,
      decimals,
      parts: zeroParts(),
      total: 0n,
      feesPaid: 0n,
      toSecondary: 0n,
      allVerified: true,
    };
    for (const name of Object.keys(t.parts) as (keyof SplitParts)[]) t.parts[name] += p.split.parts[name];
    t.total += p.split.total;
    t.feesPaid += p.feesPaid;
    t.toSecondary += p.toSecondary;
    t.allVerified &&= p.pool.verification.verified;
    totals.set(symbol, t);
  }
  // The upkeeps are indexed to the lowest of the pools' blocks (bigints: no Math.min).
  const through = traded.map((h) => h.steps!.through).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];
  return { kind: 'split', positions, totals: [...totals.values()], through };
}
