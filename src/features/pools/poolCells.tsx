/**
 * The figures of one pool, drawn the same in every place that shows them (the list, the pool page); its health
 * badge is HealthBadge.tsx.
 */
import type { ReactNode } from 'react';
import { collateralToUsd } from '../../engine/metrics.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import { formatFractionPercent, formatLeverage, formatNumber, formatUsd } from '../../ui/format.ts';
import { DUE_NOW, WAITING_FOR_KEEPER } from '../../ui/keeperWords.ts';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import type { ValueUnit } from './links.ts';
import type { PoolRowView, SideView } from './poolView.ts';

export function formatSkew(value: number | undefined): string {
  if (value === undefined) return '—';
  return Number.isFinite(value) ? formatNumber(value, 3) : '∞';
}

/** A collateral amount in the unit chosen: "12.5 gOHM" or "$74,012.35". */
export function Money({ row, raw, unit }: { row: PoolRowView; raw: bigint; unit: ValueUnit }) {
  if (unit === 'usd' && row.usdPerCollateral !== undefined) {
    const usd = collateralToUsd(raw, row.decimals, row.usdPerCollateral);
    return <span className="font-mono">{formatUsd(usd)}</span>;
  }
  return (
    <span className="font-mono">
      <TokenAmount value={raw} decimals={row.decimals} />{' '}
      <span className="text-ink-400">{row.collateral}</span>
    </span>
  );
}

export function TokenPrice({ row, side, unit }: { row: PoolRowView; side: SideView; unit: ValueUnit }) {
  const perUnit = unit === 'usd' ? row.usdPerCollateral : undefined;
  // In collateral, a token price to four decimals; in dollars, to the cent.
  const price = (value: number) =>
    perUnit === undefined ? formatNumber(value, 4) : formatUsd(value * perUnit);
  return (
    <span className="font-mono">
      {price(side.tokenPrice)}
      {side.nextTokenPrice !== undefined ? (
        <span className="text-ink-400">
          {' → '}
          {price(side.nextTokenPrice)}
        </span>
      ) : null}
    </span>
  );
}

export function SideLines({ long, short }: { long: ReactNode; short: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <span>
        <span className="mr-1 text-xs font-semibold text-long">L</span>
        {long}
      </span>
      <span>
        <span className="mr-1 text-xs font-semibold text-short">S</span>
        {short}
      </span>
    </div>
  );
}

/** A pool's figures at a moment of the chain's clock; `stale` when they are old: no precise countdown then. */
export interface PoolAtClock {
  row: PoolRowView;
  chainNow: number;
  stale: boolean;
}

/**
 * When the pool next rebalances, or that it is paused. Past the due time it says "Due now" until the block read
 * shows a whole interval missed (row.keeper, engine/keeperTiming.ts): only then is the keeper called late.
 */
export function RebalanceCountdown({ row, chainNow, stale }: PoolAtClock) {
  if (row.paused) return <span className="text-short">Paused</span>;
  const { keeper } = row;
  const left = keeper.kind === 'on-time' ? keeper.secondsLeft : Math.min(0, keeper.dueAt - chainNow);
  const inWindow = row.commitExecutesAt > row.nextRebalanceAt;
  return (
    <div className="flex flex-col">
      <Countdown
        seconds={left}
        overdueLabel={keeper.kind === 'late' ? WAITING_FOR_KEEPER : DUE_NOW}
        overdueWarn={keeper.kind === 'late'}
        approximate={stale}
      />
      {inWindow && left > 0 && !stale ? (
        <span
          className="text-xs text-ink-400"
          title="Commits made inside the front-running window wait one more rebalance"
        >
          New commits: next one after
        </span>
      ) : null}
    </div>
  );
}

/** Leverage, collateral, and whether the pool was added by address or is paused. */
export function PoolBadges({ row }: { row: PoolRowView }) {
  return (
    <div className="mt-1 flex flex-wrap gap-1 text-xs">
      <span className="rounded bg-ink-800 px-1.5 py-0.5">{row.leverage}x</span>
      <span className="rounded bg-ink-800 px-1.5 py-0.5">{row.collateral}</span>
      {row.snapshot.info.imported ? <span className="rounded bg-ink-800 px-1.5 py-0.5">imported</span> : null}
      {row.snapshot.info.verification.verified ? null : (
        <span className="rounded bg-short/20 px-1.5 py-0.5 text-short">not an Olympus pool</span>
      )}
      {row.paused ? <span className="rounded bg-short/20 px-1.5 py-0.5 text-short">paused</span> : null}
    </div>
  );
}

/** The market's price and its move since the last rebalance. */
export function IndexPrice({ row }: { row: PoolRowView }) {
  return (
    <>
      <div className="font-mono">{formatUsd(row.oraclePrice)}</div>
      <div
        className={`text-xs ${row.priceChange > 0 ? 'text-long' : row.priceChange < 0 ? 'text-short' : 'text-ink-400'}`}
        title="Change since the last rebalance"
      >
        {formatFractionPercent(row.priceChange)} since rebalance
      </div>
    </>
  );
}

/** Skew and the rebalancing rate it gives (skew − 1). */
export function SkewFigures({ row }: { row: PoolRowView }) {
  return (
    <>
      <div className="font-mono">{formatSkew(row.skew)}</div>
      <div className="text-xs text-ink-400" title="Rebalancing rate: skew − 1">
        rate {formatFractionPercent(row.rebalancingRate)}
      </div>
    </>
  );
}

/** Effective leverage on gains / on losses, per side. */
export function LeverageLines({ row }: { row: PoolRowView }) {
  return (
    <SideLines
      long={
        <span className="font-mono">
          {formatLeverage(row.long.gainLeverage)} / {formatLeverage(row.long.lossLeverage)}
        </span>
      }
      short={
        <span className="font-mono">
          {formatLeverage(row.short.gainLeverage)} / {formatLeverage(row.short.lossLeverage)}
        </span>
      }
    />
  );
}

/** Each side's balance, L over S. */
export function BalanceLines({ row, unit }: { row: PoolRowView; unit: ValueUnit }) {
  return (
    <SideLines
      long={<Money row={row} raw={row.long.balance} unit={unit} />}
      short={<Money row={row} raw={row.short.balance} unit={unit} />}
    />
  );
}

/** Each side's token price now and after the next rebalance, L over S. */
export function PriceLines({ row, unit }: { row: PoolRowView; unit: ValueUnit }) {
  return (
    <SideLines
      long={<TokenPrice row={row} side={row.long} unit={unit} />}
      short={<TokenPrice row={row} side={row.short} unit={unit} />}
    />
  );
}
