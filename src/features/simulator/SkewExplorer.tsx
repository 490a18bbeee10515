/**
 * Skew explorer: each side's effective gain and loss leverage as the skew changes
 * (docs/protocol.md §1.5). The loser always pays a fraction of its own balance, so losses stay at L
 * while the winner's gain is scaled by the other side's size: L/S for longs, L·S for shorts.
 */
import { memo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Card } from '../../ui/Card.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { formatLeverage, formatNumber, formatPercentPoints } from '../../ui/format.ts';
import { Stat } from '../../ui/Stat.tsx';
import type { SkewRow } from './chartData.ts';
import { AXIS, COLORS, TOOLTIP_STYLE, xAxisLabel, yAxisLabel } from './chartFormat.ts';

/** Ticks of the log-scale skew axis: ¼, ½, 1, 2, 4… within the rows' range. */
function powersOfTwo(rows: readonly SkewRow[]): number[] {
  const low = rows[0]?.skew ?? 1;
  const high = rows[rows.length - 1]?.skew ?? 1;
  const ticks: number[] = [];
  for (let k = Math.ceil(Math.log2(low)); k <= Math.floor(Math.log2(high)); k++) ticks.push(2 ** k);
  return ticks;
}

/** Memoised: its props come from the page's deferred inputs, so typing does not redraw it twice. */
export const SkewExplorer = memo(function SkewExplorer({
  leverage,
  figures,
  rows,
}: {
  leverage: number;
  figures: SkewRow;
  rows: SkewRow[];
}) {
  const title = `Effective leverage of each side of a ${leverage}x pool against the skew`;
  return (
    <Card title="Skew explorer">
      <p className="mb-3 text-sm text-ink-400">
        At a skew of <span className="font-mono text-ink-200">{formatNumber(figures.skew, 4)}</span> (long ÷
        short; rebalancing rate{' '}
        <span className="font-mono text-ink-200">{formatPercentPoints(figures.ratePercent, 2)}</span>), for
        small moves:
      </p>
      <dl
        className="mb-4 grid grid-cols-2 gap-4 sm:grid-cols-4"
        aria-label="Effective leverage at the chosen skew"
      >
        <Stat
          label="Long gains"
          value={<span className="text-long">{formatLeverage(figures.longGain, 3)}</span>}
        />
        <Stat
          label="Long losses"
          value={<span className="text-long">{formatLeverage(figures.longLoss, 3)}</span>}
        />
        <Stat
          label="Short gains"
          value={<span className="text-short">{formatLeverage(figures.shortGain, 3)}</span>}
        />
        <Stat
          label="Short losses"
          value={<span className="text-short">{formatLeverage(figures.shortLoss, 3)}</span>}
        />
      </dl>
      <figure>
        <figcaption className="mb-2 text-sm text-ink-200">
          {title} (log scale). Losses stay at {leverage}x on both sides; the side in the minority gains more.
        </figcaption>
        <div className="h-64" aria-hidden>
          <ResponsiveContainer>
            <LineChart
              data={rows}
              margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
              <XAxis
                type="number"
                dataKey="skew"
                scale="log"
                domain={['dataMin', 'dataMax']}
                {...AXIS}
                ticks={powersOfTwo(rows)}
                tickFormatter={(v: number) => formatNumber(v, 2)}
                label={xAxisLabel('Skew (long ÷ short)')}
              />
              <YAxis
                {...AXIS}
                width={56}
                tickFormatter={(v: number) => formatLeverage(v, 3)}
                label={yAxisLabel('Effective leverage')}
              />
              <Tooltip
                contentStyle={TOOLTIP_STYLE}
                labelFormatter={(label) => `Skew ${formatNumber(Number(label), 3)}`}
                formatter={(value) => formatLeverage(Number(value), 3)}
              />
              <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
              <ReferenceLine x={figures.skew} stroke={COLORS.sand} strokeDasharray="4 4" />
              <Line
                dataKey="longGain"
                name="Long gains"
                stroke={COLORS.long}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                dataKey="shortGain"
                name="Short gains"
                stroke={COLORS.short}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                dataKey="longLoss"
                name="Losses (both sides)"
                stroke={COLORS.perpetual}
                strokeDasharray="6 4"
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <DataTable
          caption={title}
          rows={rows}
          rowKey={(row) => row.skew}
          columns={[
            { header: 'Skew', cell: (row) => formatNumber(row.skew, 4) },
            { header: 'Rebalancing rate', cell: (row) => formatPercentPoints(row.ratePercent, 2) },
            { header: 'Long gains', cell: (row) => formatLeverage(row.longGain, 3) },
            { header: 'Long losses', cell: (row) => formatLeverage(row.longLoss, 3) },
            { header: 'Short gains', cell: (row) => formatLeverage(row.shortGain, 3) },
            { header: 'Short losses', cell: (row) => formatLeverage(row.shortLoss, 3) },
          ]}
        />
      </figure>
    </Card>
  );
});
