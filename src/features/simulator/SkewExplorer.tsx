/**
 * Skew explorer: each side's effective gain and loss leverage as the skew changes
 * (docs/protocol.md §1.5). The loser always pays a fraction of its own balance, so losses stay at L
 * while the winner's gain is scaled by the other side's size: L/S for longs, L·S for shorts.
 */
import { memo } from 'react';
import { ReferenceLine } from 'recharts';
import { Card } from '../../ui/Card.tsx';
import { ChartFrame, Plot, plotLines } from '../../ui/ChartFrame.tsx';
import { type Column, numberColumn } from '../../ui/DataTable.tsx';
import { formatLeverage, formatNumber, formatPercentPoints } from '../../ui/format.ts';
import { Stat } from '../../ui/Stat.tsx';
import type { SkewRow } from './chartData.ts';
import { COLORS } from './chartFormat.ts';

/** Ticks of the log-scale skew axis: ¼, ½, 1, 2, 4… within the rows' range. */
function powersOfTwo(rows: readonly SkewRow[]): number[] {
  const low = rows[0]?.skew ?? 1;
  const high = rows[rows.length - 1]?.skew ?? 1;
  const ticks: number[] = [];
  for (let k = Math.ceil(Math.log2(low)); k <= Math.floor(Math.log2(high)); k++) ticks.push(2 ** k);
  return ticks;
}

type LeverageKey = 'longGain' | 'longLoss' | 'shortGain' | 'shortLoss';

/** The four figures, in the order the list above the chart and the table show them. */
const FIGURES: ReadonlyArray<readonly [LeverageKey, string, string]> = [
  ['longGain', 'Long gains', 'text-long'],
  ['longLoss', 'Long losses', 'text-long'],
  ['shortGain', 'Short gains', 'text-short'],
  ['shortLoss', 'Short losses', 'text-short'],
];

const leverage3 = (value: number) => formatLeverage(value, 3);

const SKEW_COLUMNS: ReadonlyArray<Column<SkewRow>> = [
  numberColumn(
    'Skew',
    (row) => row.skew,
    (skew) => formatNumber(skew, 4),
  ),
  numberColumn(
    'Rebalancing rate',
    (row) => row.ratePercent,
    (rate) => formatPercentPoints(rate, 2),
  ),
  ...FIGURES.map(([key, label]) => numberColumn(label, (row: SkewRow) => row[key], leverage3)),
];

/** Losses are the same on both sides, so one dashed line stands for both. */
const SKEW_LINES = [
  { key: 'longGain', name: 'Long gains', color: COLORS.long },
  { key: 'shortGain', name: 'Short gains', color: COLORS.short },
  { key: 'longLoss', name: 'Losses (both sides)', color: COLORS.perpetual, dashed: true },
];

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
        {FIGURES.map(([key, label, tone]) => (
          <Stat key={key} label={label} value={<span className={tone}>{leverage3(figures[key])}</span>} />
        ))}
      </dl>
      <ChartFrame
        caption={`${title} (log scale). Losses stay at ${leverage}x on both sides; the side in the minority gains more.`}
        table={{ caption: title, rows, rowKey: (row) => row.skew, columns: SKEW_COLUMNS }}
      >
        <Plot
          rows={rows}
          className="h-64"
          legend
          x={{
            type: 'number',
            dataKey: 'skew',
            scale: 'log',
            domain: ['dataMin', 'dataMax'],
            ticks: powersOfTwo(rows),
            tickFormatter: (v: number) => formatNumber(v, 2),
            label: 'Skew (long ÷ short)',
          }}
          y={{ tickFormatter: leverage3, label: 'Effective leverage' }}
          tooltip={{
            label: (skew) => `Skew ${formatNumber(skew, 3)}`,
            value: (value) => leverage3(Number(value)),
          }}
        >
          <ReferenceLine x={figures.skew} stroke={COLORS.sand} strokeDasharray="4 4" />
          {plotLines(SKEW_LINES)}
        </Plot>
      </ChartFrame>
    </Card>
  );
});
