/**
 * Payoff chart: the value of an L or S token position against the asset's price move, after
 * one rebalance and after N, for the V2 sigmoid, the V1 power function and a traditional perpetual with its
 * liquidation marked; a read-out at one chosen move; the same rows as a table.
 */
import { memo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Card } from '../../ui/Card.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { formatPercentPoints } from '../../ui/format.ts';
import { Segmented } from '../../ui/Segmented.tsx';
import { MAX_MOVE, MIN_MOVE, type PayoffChartData, type PayoffRow } from './chartData.ts';
import {
  AXIS,
  COLORS,
  formatMultiple,
  formatUsd,
  TOOLTIP_STYLE,
  xAxisLabel,
  yAxisLabel,
} from './chartFormat.ts';
import { NumberInput, Toggles } from './FormFields.tsx';
import type { PayoffModel, SideChoice, SimulatorInputs } from './fieldRules.ts';
import { LiquidationNote, moveLabel, Readout } from './PayoffReadout.tsx';
import { payoffSeries, type Series, seriesMax } from './payoffSeries.ts';
import type { SimulatorFormApi } from './useSimulatorForm.ts';

const MODEL_LABELS: ReadonlyArray<readonly [PayoffModel, string]> = [
  ['sigmoid', 'V2 sigmoid'],
  ['power', 'V1 power'],
  ['perpetual', 'Perpetual'],
];
const SIDE_LABELS: ReadonlyArray<readonly [SideChoice, string]> = [
  ['long', 'Long (L)'],
  ['short', 'Short (S)'],
  ['both', 'Both'],
];
const MOVE_TICKS = [-90, -50, 0, 50, 100, 150, 200, 250, 300];

type Inputs = Pick<SimulatorInputs, 'leverage' | 'side' | 'models' | 'price' | 'movePercent'>;

export function PayoffChart({
  data,
  readout,
  inputs,
  api,
}: {
  data: PayoffChartData;
  readout: PayoffRow;
  inputs: Inputs;
  api: SimulatorFormApi;
}) {
  const { long: longLiquidation, short: shortLiquidation } = data.liquidationPercent;

  return (
    <Card title="Payoff">
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <NumberInput field="rebalances" api={api} hint="The move spread over N equal rebalances." />
        <NumberInput field="movePercent" api={api} hint="Figures below the chart are at this move." />
        <Segmented
          className="min-w-0"
          legend="Side"
          value={api.inputs.side}
          options={SIDE_LABELS}
          onChange={(side) => api.setChoice('side', side)}
          error={api.errors.side}
        />
        <Toggles
          legend="Models"
          selected={api.inputs.models}
          options={MODEL_LABELS}
          onChange={(models) => api.setChoice('models', models.join(','))}
          error={api.errors.models}
        />
      </div>
      <PayoffFigure
        data={data}
        side={inputs.side}
        models={inputs.models}
        leverage={inputs.leverage}
        price={inputs.price}
      />
      <LiquidationNote leverage={inputs.leverage} long={longLiquidation} short={shortLiquidation} />
      <Readout row={readout} steps={data.steps} startPrice={inputs.price} />
    </Card>
  );
}

/**
 * The chart and its table. Memoised: its props come from the deferred inputs, so a keystroke's urgent render
 * skips recharts entirely and only the deferred one redraws.
 */
const PayoffFigure = memo(function PayoffFigure({
  data,
  side,
  models,
  leverage,
  price,
}: {
  data: PayoffChartData;
  side: SideChoice;
  models: readonly PayoffModel[];
  leverage: number;
  price: number | undefined;
}) {
  const series = payoffSeries(side, models, data.steps);
  const yMax = seriesMax(data.rows, series);
  const { long: longLiquidation, short: shortLiquidation } = data.liquidationPercent;
  const showPerpetual = models.includes('perpetual');
  const showLong = side !== 'short';
  const showShort = side !== 'long';
  const inRange = (percent: number) => percent >= MIN_MOVE * 100 && percent <= MAX_MOVE * 100;
  const title = `Payoff of a ${leverage}x position against the price move`;

  return series.length === 0 ? (
    <p className="py-12 text-center text-sm text-ink-400">Pick at least one model to draw.</p>
  ) : (
    <figure>
      <figcaption className="mb-2 text-sm text-ink-200">
        {title}: value of the position (× its start) after 1 rebalance (solid) and after {data.steps}{' '}
        (dashed). Pool tokens include the mint and burn fees; the perpetual has no fees
        {yMax.clipped ? ' and is cut off at the top' : ''}.
      </figcaption>
      <div className="h-80" aria-hidden>
        <ResponsiveContainer>
          <LineChart
            data={data.rows}
            margin={{ top: 16, right: 16, bottom: 24, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="movePercent"
              domain={[MIN_MOVE * 100, MAX_MOVE * 100]}
              ticks={MOVE_TICKS}
              {...AXIS}
              tickFormatter={(v: number) => formatPercentPoints(v, 0)}
              label={xAxisLabel('Price move')}
            />
            <YAxis
              domain={[0, yMax.value]}
              ticks={yMax.ticks}
              allowDataOverflow
              {...AXIS}
              width={56}
              tickFormatter={(v: number) => formatMultiple(v, 2)}
              label={yAxisLabel('Value (× start)')}
            />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(label) => {
                const percent = Number(label);
                return moveLabel(
                  percent,
                  price === undefined ? undefined : price * (1 + percent / 100),
                  price,
                );
              }}
              formatter={(value) => formatMultiple(Number(value))}
            />
            <Legend verticalAlign="top" height={40} wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={1} stroke={COLORS.axis} strokeOpacity={0.5} />
            <ReferenceLine x={0} stroke={COLORS.axis} strokeOpacity={0.5} />
            {showPerpetual && showLong && inRange(longLiquidation) ? (
              <ReferenceLine
                x={longLiquidation}
                stroke={COLORS.long}
                strokeDasharray="2 4"
                label={{
                  value: 'Perp long liquidated',
                  fill: COLORS.long,
                  fontSize: 11,
                  position: 'insideTopRight',
                }}
              />
            ) : null}
            {showPerpetual && showShort && inRange(shortLiquidation) ? (
              <ReferenceLine
                x={shortLiquidation}
                stroke={COLORS.short}
                strokeDasharray="2 4"
                label={{
                  value: 'Perp short liquidated',
                  fill: COLORS.short,
                  fontSize: 11,
                  position: 'insideTopLeft',
                }}
              />
            ) : null}
            {showPerpetual && showLong && inRange(longLiquidation) ? (
              <ReferenceDot x={longLiquidation} y={0} r={5} fill={COLORS.long} stroke="none" />
            ) : null}
            {showPerpetual && showShort && inRange(shortLiquidation) ? (
              <ReferenceDot x={shortLiquidation} y={0} r={5} fill={COLORS.short} stroke="none" />
            ) : null}
            {series.map((s) => (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                strokeWidth={s.dashed ? 1.5 : 2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <PayoffTable rows={data.rows} series={series} startPrice={price} caption={title} />
    </figure>
  );
});

function PayoffTable({
  rows,
  series,
  startPrice,
  caption,
}: {
  rows: PayoffRow[];
  series: Series[];
  startPrice: number | undefined;
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.movePercent}
      columns={[
        { header: 'Price move', cell: (row) => formatPercentPoints(row.movePercent, 2) },
        ...(startPrice === undefined
          ? []
          : [
              {
                header: 'Price (USD)',
                cell: (row: PayoffRow) => (row.price === undefined ? '—' : formatUsd(row.price)),
              },
            ]),
        ...series.map((s) => ({ header: s.name, cell: (row: PayoffRow) => formatMultiple(row[s.key]) })),
      ]}
    />
  );
}
