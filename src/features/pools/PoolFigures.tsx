/** A pool's figures now: balances, skew, next rebalance, effective leverage, token and index prices. */
import { Card } from '../../ui/Card.tsx';
import { formatFractionPercent, formatLeverage, formatNumber, formatUsd } from '../../ui/format.ts';
import { Stat } from '../../ui/Stat.tsx';
import { formatSkew, Money, type PoolAtClock, RebalanceCountdown } from './poolCells.tsx';
import type { SideView } from './poolView.ts';

function TokenPriceStat({ label, side }: { label: string; side: SideView }) {
  return (
    <Stat
      label={label}
      value={formatNumber(side.tokenPrice, 6)}
      hint={side.nextTokenPrice === undefined ? undefined : `next ${formatNumber(side.nextTokenPrice, 6)}`}
    />
  );
}

export function PoolFigures({ row, chainNow, stale }: PoolAtClock) {
  const { state } = row.snapshot;
  return (
    <Card className="mb-6">
      <dl className="grid grid-cols-2 gap-6 md:grid-cols-4">
        <Stat label="Long balance" value={<Money row={row} raw={state.longBalance} unit="collateral" />} />
        <Stat label="Short balance" value={<Money row={row} raw={state.shortBalance} unit="collateral" />} />
        <Stat
          label="Skew"
          value={formatSkew(row.skew)}
          hint={`Rebalancing rate ${formatFractionPercent(row.rebalancingRate)}`}
        />
        <Stat
          label="Next rebalance"
          value={<RebalanceCountdown row={row} chainNow={chainNow} stale={stale} />}
        />
        <Stat
          label="Long gain / loss"
          value={`${formatLeverage(row.long.gainLeverage)} / ${formatLeverage(row.long.lossLeverage)}`}
        />
        <Stat
          label="Short gain / loss"
          value={`${formatLeverage(row.short.gainLeverage)} / ${formatLeverage(row.short.lossLeverage)}`}
        />
        <TokenPriceStat label="L token price" side={row.long} />
        <TokenPriceStat label="S token price" side={row.short} />
        <Stat
          label="Index price"
          value={formatUsd(row.oraclePrice)}
          hint={`${formatFractionPercent(row.priceChange)} since the last rebalance (${formatUsd(row.lastRebalancePrice)})`}
        />
      </dl>
    </Card>
  );
}
