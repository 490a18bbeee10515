/**
 * The protocol page's figures (docs/indexer.md, "Protocol view"): the indexer's per-pool days, grouped by
 * pool, days in order, with exact totals. Amounts stay bigints in the pool's settlement units; pools of
 * different collateral (OHM, gOHM) are never added together, so the all-pools totals are per collateral.
 */
import { type Address, getAddress } from 'viem';
import { toAddress } from '../../chain/config/addressText.ts';
import type { PoolDayFigures } from '../../chain/history/indexerApi.ts';

/** What the page knows of a pool from the registry: its name and its settlement token. */
export interface NamedPool {
  address: Address;
  name: string;
  collateral: { symbol: string; decimals: number };
}

export interface ProtocolDayRow {
  /** Unix seconds of the day's start (UTC). */
  day: number;
  /** The day as YYYY-MM-DD, UTC. */
  date: string;
  longBalance: bigint;
  shortBalance: bigint;
  /** Long plus short balance: the pool's last recorded balances that day. */
  tvl: bigint;
  mintVolume: bigint;
  commits: number;
  feesCharged: bigint;
  /** Claimed by the protocol's fee address. */
  primaryFees: bigint;
  /** Claimed by the secondary fee address: the Olympus treasury's. */
  secondaryFees: bigint;
}

export interface FeeTotals {
  mintVolume: bigint;
  feesCharged: bigint;
  primaryFees: bigint;
  secondaryFees: bigint;
}

export interface ProtocolPoolView {
  address: Address;
  name: string;
  symbol: string;
  decimals: number;
  days: ProtocolDayRow[];
  totals: FeeTotals;
  /** The TVL of the last recorded day. */
  latestTvl: bigint;
  /** The treasury's part of the fees claimed, as "10.00%" (rounded down); undefined before any claim. */
  treasuryShare: string | undefined;
}

export interface CollateralTotals extends FeeTotals {
  symbol: string;
  decimals: number;
  /** The sum of each pool's latest TVL. */
  tvl: bigint;
  treasuryShare: string | undefined;
}

export interface ProtocolView {
  pools: ProtocolPoolView[];
  totals: CollateralTotals[];
  /** Pools the indexer served that the app's registry does not list: their settlement units are unknown. */
  unlisted: number;
}

const DAY_SECONDS = 86_400;

export function dayDate(day: number): string {
  return new Date(Math.floor(day / DAY_SECONDS) * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

/**
 * `part` of `whole` as a percentage with two decimals, rounded down, in bigint arithmetic: "10.00%".
 * Undefined when `whole` is zero.
 */
export function shareText(part: bigint, whole: bigint): string | undefined {
  if (whole <= 0n) return undefined;
  const hundredths = (part * 10_000n) / whole;
  const fraction = (hundredths % 100n).toString().padStart(2, '0');
  return `${hundredths / 100n}.${fraction}%`;
}

const zero = (): FeeTotals => ({ mintVolume: 0n, feesCharged: 0n, primaryFees: 0n, secondaryFees: 0n });

function add(into: FeeTotals, from: FeeTotals): void {
  into.mintVolume += from.mintVolume;
  into.feesCharged += from.feesCharged;
  into.primaryFees += from.primaryFees;
  into.secondaryFees += from.secondaryFees;
}

function dayRow(figures: PoolDayFigures): ProtocolDayRow {
  return {
    day: figures.day,
    date: dayDate(figures.day),
    longBalance: figures.longBalance,
    shortBalance: figures.shortBalance,
    tvl: figures.longBalance + figures.shortBalance,
    mintVolume: figures.mintVolume,
    commits: figures.commits,
    feesCharged: figures.feesCharged,
    primaryFees: figures.primaryFees,
    secondaryFees: figures.secondaryFees,
  };
}

export function protocolView(days: readonly PoolDayFigures[], pools: readonly NamedPool[]): ProtocolView {
  // Keyed by checksummed address: the indexer may answer in lower case.
  const named = new Map<string, NamedPool>(pools.map((p) => [getAddress(p.address), p]));
  const byPool = new Map<string, ProtocolDayRow[]>();
  const unlisted = new Set<string>();
  for (const figures of days) {
    const key = toAddress(figures.pool) ?? figures.pool;
    if (!named.has(key)) {
      unlisted.add(key);
      continue;
    }
    const rows = byPool.get(key) ?? [];
    rows.push(dayRow(figures));
    byPool.set(key, rows);
  }
  const views: ProtocolPoolView[] = [];
  for (const [key, rows] of byPool) {
    const pool = named.get(key)!;
    rows.sort((a, b) => a.day - b.day);
    const totals = zero();
    for (const row of rows) add(totals, row);
    views.push({
      address: pool.address,
      name: pool.name,
      symbol: pool.collateral.symbol,
      decimals: pool.collateral.decimals,
      days: rows,
      totals,
      latestTvl: rows.at(-1)?.tvl ?? 0n,
      treasuryShare: shareText(totals.secondaryFees, totals.primaryFees + totals.secondaryFees),
    });
  }
  views.sort((a, b) => a.name.localeCompare(b.name) || a.address.localeCompare(b.address));

  const bySymbol = new Map<string, CollateralTotals>();
  for (const view of views) {
    const totals = bySymbol.get(view.symbol) ?? {
      symbol: view.symbol,
      decimals: view.decimals,
      tvl: 0n,
      treasuryShare: undefined,
      ...zero(),
    };
    add(totals, view.totals);
    totals.tvl += view.latestTvl;
    bySymbol.set(view.symbol, totals);
  }
  const totals = [...bySymbol.values()]
    .map((t) => ({ ...t, treasuryShare: shareText(t.secondaryFees, t.primaryFees + t.secondaryFees) }))
    .sort((a, b) => a.symbol.localeCompare(b.symbol));
  return { pools: views, totals, unlisted: unlisted.size };
}
