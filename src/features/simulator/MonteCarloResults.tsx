/**
 * A finished Monte Carlo run: the chance of a large loss, a quantile fan over time for each side with the
 * same rows as a table, and the quantiles at the horizon. Memoised: a new view arrives only when a run
 * finishes, not on every keystroke.
 */
import { memo } from 'react';
import { Area } from 'recharts';
import type { Quantiles } from '../../engine/index.ts';
import { ChartFrame, Plot, plotLines } from '../../ui/ChartFrame.tsx';
import type { Column } from '../../ui/DataTable.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Stat } from '../../ui/Stat.tsx';
import { SummaryTable } from '../../ui/SummaryTable.tsx';
import {
  COLORS,
  DAYS_AXIS,
  formatMultiple,
  formatProbability,
  multipleTooltip,
  VALUE_AXIS,
} from './chartFormat.ts';
import type { FanRow, MonteCarloView } from './monteCarloData.ts';
import { multipleColumn, timeColumns } from './tableColumns.ts';

type Side = 'long' | 'short';

const QUANTILE_COLUMNS: ReadonlyArray<readonly [keyof Quantiles, string]> = [
  ['p01', '1%'],
  ['p05', '5%'],
  ['p25', '25%'],
  ['p50', 'Median'],
  ['p75', '75%'],
  ['p95', '95%'],
  ['p99', '99%'],
  ['mean', 'Mean'],
];

/** A side's band edges and median, low to high, as the fan's table lists them. */
function sideColumns(side: Side, name: string): Array<Column<FanRow>> {
  const points: ReadonlyArray<readonly [string, (row: FanRow) => number]> = [
    ['5%', (row) => row[`${side}90`][0]],
    ['25%', (row) => row[`${side}50`][0]],
    ['median', (row) => row[`${side}Median`]],
    ['75%', (row) => row[`${side}50`][1]],
    ['95%', (row) => row[`${side}90`][1]],
  ];
  return points.map(([point, value]) => multipleColumn(`${name} ${point}`, value));
}

const FAN_COLUMNS: ReadonlyArray<Column<FanRow>> = [
  ...timeColumns<FanRow>(),
  ...sideColumns('long', 'Long'),
  ...sideColumns('short', 'Short'),
];

/** The 5–95% and 25–75% bands, lighter to darker. */
const BANDS = [
  { suffix: '90', name: '5%–95%', opacity: 0.15 },
  { suffix: '50', name: '25%–75%', opacity: 0.3 },
] as const;

function Fan({ rows, side }: { rows: FanRow[]; side: Side }) {
  const color = side === 'long' ? COLORS.long : COLORS.short;
  return (
    <Plot
      rows={rows}
      className="h-56"
      margin={{ right: 8 }}
      x={DAYS_AXIS}
      y={VALUE_AXIS}
      tooltip={{ label: (day) => `Day ${formatNumber(day, 1)}`, value: multipleTooltip }}
    >
      {BANDS.map((band) => (
        <Area
          key={band.suffix}
          dataKey={`${side}${band.suffix}`}
          name={band.name}
          stroke="none"
          fill={color}
          fillOpacity={band.opacity}
          isAnimationActive={false}
        />
      ))}
      {plotLines([{ key: `${side}Median`, name: 'Median', color, dots: true }])}
    </Plot>
  );
}

export const MonteCarloResults = memo(function MonteCarloResults({ view }: { view: MonteCarloView }) {
  const title = `Value of a long and a short position over ${view.horizon} rebalances, ${view.paths.toLocaleString('en-US')} paths`;
  const loses = `loses > ${formatNumber(view.lossPercent, 2)}%`;
  return (
    <>
      <dl
        className="mb-4 grid grid-cols-2 gap-4 lg:grid-cols-4"
        aria-label="Chance of a large loss at the horizon"
      >
        <Stat
          label={`Long ${loses}`}
          value={<span className="text-long">{formatProbability(view.longLossProbability)}</span>}
        />
        <Stat
          label={`Short ${loses}`}
          value={<span className="text-short">{formatProbability(view.shortLossProbability)}</span>}
        />
        <Stat label="Long, median" value={formatMultiple(view.long.p50, 3)} />
        <Stat label="Short, median" value={formatMultiple(view.short.p50, 3)} />
      </dl>
      <ChartFrame
        caption={`${title}: median and 25–75% / 5–95% bands at ${view.fan.length - 1} points in time (fees included).`}
        table={{ caption: title, rows: view.fan, rowKey: (row) => row.step, columns: FAN_COLUMNS }}
      >
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <p className="text-xs uppercase tracking-wide text-long">Long (L token)</p>
            <Fan rows={view.fan} side="long" />
          </div>
          <div>
            <p className="text-xs uppercase tracking-wide text-short">Short (S token)</p>
            <Fan rows={view.fan} side="short" />
          </div>
        </div>
      </ChartFrame>
      <SummaryTable
        caption="Quantiles at the horizon (× start)"
        columns={QUANTILE_COLUMNS.map(([, label]) => ({ header: label }))}
        rows={(
          [
            ['Long', view.long, 'text-long'],
            ['Short', view.short, 'text-short'],
            ['Asset price', view.underlying, 'text-sand-400'],
          ] as const
        ).map(([name, q, tone]) => ({
          name,
          tone,
          cells: QUANTILE_COLUMNS.map(([key]) => formatNumber(q[key], 3)),
        }))}
      />
    </>
  );
});
