/**
 * Path view: one seeded GBM price path and the L and S token values along it, next to a
 * position re-levered to L every rebalance, to show volatility decay (docs/protocol.md §1.5).
 * Its price-model inputs are shared with the Monte Carlo below.
 */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '../../ui/Card.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { formatNumber, formatPercentPoints } from '../../ui/format.ts';
import { Stat } from '../../ui/Stat.tsx';
import {
  AXIS,
  COLORS,
  formatMultiple,
  formatUsd,
  TOOLTIP_STYLE,
  xAxisLabel,
  yAxisLabel,
} from './chartFormat.ts';
import { NumberInput } from './FormFields.tsx';
import type { SideChoice, SimulatorInputs } from './fieldRules.ts';
import type { PathChartData, PathRow } from './pathData.ts';
import type { SimulatorFormApi } from './useSimulatorForm.ts';

type LineKey = 'poolLong' | 'poolShort' | 'constantLong' | 'constantShort';

function lines(side: SideChoice, transferName: string, leverage: number) {
  const all: Array<{ key: LineKey; name: string; color: string; dashed: boolean; side: 'long' | 'short' }> = [
    { key: 'poolLong', name: `L token (${transferName})`, color: COLORS.long, dashed: false, side: 'long' },
    {
      key: 'poolShort',
      name: `S token (${transferName})`,
      color: COLORS.short,
      dashed: false,
      side: 'short',
    },
    {
      key: 'constantLong',
      name: `${leverage}x constant long`,
      color: COLORS.long,
      dashed: true,
      side: 'long',
    },
    {
      key: 'constantShort',
      name: `${leverage}x constant short`,
      color: COLORS.short,
      dashed: true,
      side: 'short',
    },
  ];
  return all.filter((l) => side === 'both' || l.side === side);
}

type PathInputs = Pick<
  SimulatorInputs,
  'leverage' | 'transfer' | 'side' | 'price' | 'horizon' | 'intervalSeconds'
>;

/**
 * The chart and its table. Memoised: `inputs` is the page's deferred inputs object, unchanged during a
 * keystroke's urgent render, so recharts only redraws in the deferred one.
 */
const PathFigure = memo(function PathFigure({ data, inputs }: { data: PathChartData; inputs: PathInputs }) {
  const transferName = inputs.transfer === 'sigmoid' ? 'V2 sigmoid' : 'V1 power';
  const shown = lines(inputs.side, transferName, inputs.leverage);
  const days = (inputs.horizon * inputs.intervalSeconds) / 86_400;
  const title = `Token values along one simulated price path of ${inputs.horizon} rebalances (${formatNumber(days, 1)} days)`;
  return (
    <figure>
      <figcaption className="mb-2 text-sm text-ink-200">
        {title}. Solid: pool tokens (fees included); dashed: a position re-levered to {inputs.leverage}x at
        every rebalance (no fees); gold: the asset's price (right axis, × start). A pool only moves value
        between its sides, so what one side loses to the path's swings the other gains; a constant-leverage
        position can lose on both.
        {data.stride > 1 ? ` Every ${data.stride}th rebalance is drawn.` : ''}
      </figcaption>
      <div className="h-72" aria-hidden>
        <ResponsiveContainer>
          <LineChart
            data={data.rows}
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
              yAxisId="value"
              {...AXIS}
              width={56}
              tickFormatter={(v: number) => formatMultiple(v, 2)}
              label={yAxisLabel('Value (× start)')}
            />
            <YAxis
              yAxisId="price"
              orientation="right"
              domain={['auto', 'auto']}
              stroke={COLORS.sand}
              fontSize={11}
              width={56}
              tickFormatter={(v: number) => formatMultiple(v, 2)}
            />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(label) => `Day ${formatNumber(Number(label), 2)}`}
              formatter={(value) => formatMultiple(Number(value))}
            />
            <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
            <Line
              yAxisId="price"
              dataKey="priceRelative"
              name="Asset price"
              stroke={COLORS.sand}
              strokeOpacity={0.7}
              dot={false}
              isAnimationActive={false}
            />
            {shown.map((l) => (
              <Line
                key={l.key}
                yAxisId="value"
                dataKey={l.key}
                name={l.name}
                stroke={l.color}
                strokeDasharray={l.dashed ? '6 4' : undefined}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption={title}
        rows={data.rows}
        rowKey={(row) => row.step}
        columns={[
          { header: 'Rebalance', cell: (row: PathRow) => row.step },
          { header: 'Day', cell: (row: PathRow) => formatNumber(row.days, 2) },
          {
            header: inputs.price === undefined ? 'Price (× start)' : 'Price (USD)',
            cell: (row: PathRow) =>
              row.price === undefined ? formatMultiple(row.priceRelative) : formatUsd(row.price),
          },
          ...shown.map((l) => ({ header: l.name, cell: (row: PathRow) => formatMultiple(row[l.key]) })),
        ]}
      />
    </figure>
  );
});

export function PathChart({
  data,
  inputs,
  api,
}: {
  data: PathChartData;
  inputs: PathInputs;
  api: SimulatorFormApi;
}) {
  const { summary } = data;
  const pathEffect = (pool: number, equal: number) =>
    equal > 0 ? formatPercentPoints((pool / equal - 1) * 100, 2) : '—';

  return (
    <Card title="Price path and volatility decay">
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <NumberInput field="driftPercent" api={api} />
        <NumberInput field="volatilityPercent" api={api} />
        <NumberInput field="horizon" api={api} hint="Also the Monte Carlo's horizon." />
        <NumberInput field="seed" api={api} hint="Same seed, same path." />
      </div>
      <PathFigure data={data} inputs={inputs} />
      <dl className="mt-4 grid grid-cols-2 gap-4 lg:grid-cols-4" aria-label="At the end of the path">
        <Stat label="Price at the end" value={formatPercentPoints(summary.finalMovePercent, 2)} />
        <Stat
          label="L token"
          value={<span className="text-long">{formatMultiple(summary.poolLong)}</span>}
          hint={`same move in equal steps: ${formatMultiple(summary.equalStepsLong)}; path effect ${pathEffect(summary.poolLong, summary.equalStepsLong)}`}
        />
        <Stat
          label="S token"
          value={<span className="text-short">{formatMultiple(summary.poolShort)}</span>}
          hint={`same move in equal steps: ${formatMultiple(summary.equalStepsShort)}; path effect ${pathEffect(summary.poolShort, summary.equalStepsShort)}`}
        />
        <Stat
          label={`${inputs.leverage}x constant, long / short`}
          value={`${formatMultiple(summary.constantLong, 3)} / ${formatMultiple(summary.constantShort, 3)}`}
        />
      </dl>
    </Card>
  );
}
