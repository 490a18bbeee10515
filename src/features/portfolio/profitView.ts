/**
 * What the Portfolio's "Profit explained" card shows (docs/ledger.md): per position (pool and side) the engine's
 * split of its profit, and per collateral the sum over positions, the fees paid and what the management fee
 * gave the pools' secondary address (the Olympus treasury, for a verified pool). Positions in OHM and gOHM
 * are never added together.
 */
import type { LedgerPoolView } from '../../chain/history/userLedger.ts';
import { type PositionSplit, type SplitParts, zeroParts } from '../../engine/profit/split.ts';
import type { Side } from '../../engine/types.ts';

export interface PositionProfit {
  pool: LedgerPoolView['pool'];
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

/** The positions' splits, as the ledger computed them (ledger.ts), gathered per position and per collateral. */
export function profitView(pools: readonly LedgerPoolView[] | undefined): ProfitView {
  if (!pools) return { kind: 'loading' };
  const traded = pools.filter((p) => p.figures.traded);
  if (traded.length === 0) return { kind: 'none' };
  if (traded.some((p) => !p.figures.split)) return { kind: 'needs-indexer' };
  const positions: PositionProfit[] = [];
  for (const { pool, figures } of traded) {
    const split = figures.split!;
    for (const side of ['long', 'short'] as const) {
      if (!active(split[side])) continue;
      const fees = feesOf(split[side].parts);
      positions.push({
        pool,
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
  const through = traded
    .flatMap((p) => p.figures.stepsThrough ?? [])
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];
  return { kind: 'split', positions, totals: [...totals.values()], through };
}
