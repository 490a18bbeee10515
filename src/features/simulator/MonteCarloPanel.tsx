/**
 * Monte Carlo: the distribution of each side's value after the horizon, as a quantile fan
 * over time and a table of quantiles, and the probability of losing more than a chosen share. The run happens
 * in a worker after the inputs settle (useMonteCarlo); the last result stays visible, marked, meanwhile.
 */
import { memo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Quantiles } from '../../engine/index.ts';
import { Card } from '../../ui/Card.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Stat } from '../../ui/Stat.tsx';
import {
  AXIS,
  COLORS,
  formatMultiple,
  formatProbability,
  TOOLTIP_STYLE,
  xAxisLabel,
  yAxisLabel,
} from './chartFormat.ts';
import { NumberInput } from './FormFields.tsx';
import type { FanRow, MonteCarloView } from './monteCarloData.ts';
import type { MonteCarloState } from './useMonteCarlo.ts';
import type { SimulatorFormApi } from './useSimulatorForm.ts';

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

function Fan({ rows, side }: { rows: FanRow[]; side: 'long' | 'short' }) {
  const color = side === 'long' ? COLORS.long : COLORS.short;
  return (
    <div className="h-56" aria-hidden>
      <ResponsiveContainer>
        <ComposedChart
          data={rows}
          margin={{ top: 8, right: 8, bottom: 24, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="days"
            domain={[0, 'dataMax']}
            {...AXIS}
            tickFormatter={(v: number) => formatNumber(v, 1)}
            label={xAxisLabel('Days')}
          />
          <YAxis
            {...AXIS}
            width={56}
            tickFormatter={(v: number) => formatMultiple(v, 2)}
            label={yAxisLabel('Value (× start)')}
          />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(label) => `Day ${formatNumber(Number(label), 1)}`}
            formatter={(value) =>
              Array.isArray(value)
                ? value.map((v) => formatMultiple(Number(v), 3)).join(' – ')
                : formatMultiple(Number(value))
            }
          />
          <Area
            dataKey={`${side}90`}
            name="5%–95%"
            stroke="none"
            fill={color}
            fillOpacity={0.15}
            isAnimationActive={false}
          />
          <Area
            dataKey={`${side}50`}
            name="25%–75%"
            stroke="none"
            fill={color}
            fillOpacity={0.3}
            isAnimationActive={false}
          />
          <Line dataKey={`${side}Median`} name="Median" stroke={color} dot isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Memoised: a new view arrives only when a run finishes, not on every keystroke. */
const Results = memo(function Results({ view }: { view: MonteCarloView }) {
  const title = `Value of a long and a short position over ${view.horizon} rebalances, ${view.paths.toLocaleString('en-US')} paths`;
  return (
    <>
      <dl
        className="mb-4 grid grid-cols-2 gap-4 lg:grid-cols-4"
        aria-label="Chance of a large loss at the horizon"
      >
        <Stat
          label={`Long loses > ${formatNumber(view.lossPercent, 2)}%`}
          value={<span className="text-long">{formatProbability(view.longLossProbability)}</span>}
        />
        <Stat
          label={`Short loses > ${formatNumber(view.lossPercent, 2)}%`}
          value={<span className="text-short">{formatProbability(view.shortLossProbability)}</span>}
        />
        <Stat label="Long, median" value={formatMultiple(view.long.p50, 3)} />
        <Stat label="Short, median" value={formatMultiple(view.short.p50, 3)} />
      </dl>
      <figure>
        <figcaption className="mb-2 text-sm text-ink-200">
          {title}: median and 25–75% / 5–95% bands at {view.fan.length - 1} points in time (fees included).
        </figcaption>
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
        <DataTable
          caption={title}
          rows={view.fan}
          rowKey={(row) => row.step}
          columns={[
            { header: 'Rebalance', cell: (row) => row.step },
            { header: 'Day', cell: (row) => formatNumber(row.days, 2) },
            { header: 'Long 5%', cell: (row) => formatMultiple(row.long90[0]) },
            { header: 'Long 25%', cell: (row) => formatMultiple(row.long50[0]) },
            { header: 'Long median', cell: (row) => formatMultiple(row.longMedian) },
            { header: 'Long 75%', cell: (row) => formatMultiple(row.long50[1]) },
            { header: 'Long 95%', cell: (row) => formatMultiple(row.long90[1]) },
            { header: 'Short 5%', cell: (row) => formatMultiple(row.short90[0]) },
            { header: 'Short 25%', cell: (row) => formatMultiple(row.short50[0]) },
            { header: 'Short median', cell: (row) => formatMultiple(row.shortMedian) },
            { header: 'Short 75%', cell: (row) => formatMultiple(row.short50[1]) },
            { header: 'Short 95%', cell: (row) => formatMultiple(row.short90[1]) },
          ]}
        />
      </figure>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left text-ink-200">Quantiles at the horizon (× start)</caption>
          <thead className="text-xs text-ink-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-normal">
                &nbsp;
              </th>
              {QUANTILE_COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" className="py-1 pr-3 font-normal">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="font-mono">
            {(
              [
                ['Long', view.long, 'text-long'],
                ['Short', view.short, 'text-short'],
                ['Asset price', view.underlying, 'text-sand-400'],
              ] as const
            ).map(([name, q, tone]) => (
              <tr key={name} className="border-t border-ink-800">
                <th scope="row" className={`py-1 pr-3 font-sans font-normal ${tone}`}>
                  {name}
                </th>
                {QUANTILE_COLUMNS.map(([key]) => (
                  <td key={key} className="py-1 pr-3">
                    {formatNumber(q[key], 3)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});

export function MonteCarloPanel({
  state,
  api,
  paths,
}: {
  state: MonteCarloState;
  api: SimulatorFormApi;
  paths: number;
}) {
  const { view, busy, error } = state;
  return (
    <Card
      title={
        <span className="flex items-center gap-3">
          Monte Carlo
          {busy ? (
            <span role="status" className="flex items-center gap-2 text-xs font-normal text-ink-400">
              <span
                className="size-3 animate-spin rounded-full border-2 border-sand-400 border-t-transparent"
                aria-hidden
              />
              {view ? 'Updating…' : `Running ${paths.toLocaleString('en-US')} paths…`}
            </span>
          ) : null}
        </span>
      }
    >
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <NumberInput field="paths" api={api} hint="100 to 20,000, run in the background." />
        <NumberInput field="lossPercent" api={api} />
      </div>
      <p className="mb-4 text-sm text-ink-400">
        Paths of the price model above (drift, volatility, horizon, seed), each rebalancing the pool every
        step with its skew moving as the sides' balances do.
      </p>
      {error ? (
        <Notice tone="error">The simulation failed: {error}. Change an input to try again.</Notice>
      ) : null}
      {view ? (
        <div
          className={busy ? 'opacity-60 transition-opacity' : 'transition-opacity'}
          aria-busy={busy || undefined}
        >
          <Results view={view} />
        </div>
      ) : error ? null : (
        <div className="grid gap-4 lg:grid-cols-2" aria-hidden>
          <Skeleton className="h-56 w-full" />
          <Skeleton className="h-56 w-full" />
        </div>
      )}
    </Card>
  );
}
