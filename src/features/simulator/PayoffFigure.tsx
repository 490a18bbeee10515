/**
 * The payoff chart and its table: a line per model and side after one rebalance (solid) and after N (dashed),
 * with the perpetual's liquidation points marked. Memoised: its props come from the deferred inputs, so a
 * keystroke's urgent render skips recharts entirely and only the deferred one redraws.
 */
import { memo } from 'react';
import { ReferenceDot, ReferenceLine } from 'recharts';
import { ChartFrame, Plot, plotLines } from '../../ui/ChartFrame.tsx';
import { type Column, numberColumn } from '../../ui/DataTable.tsx';
import { formatPercentPoints, formatUsd } from '../../ui/format.ts';
import { MAX_MOVE, MIN_MOVE, type PayoffChartData, type PayoffRow } from './chartData.ts';
import { COLORS, multipleTooltip, VALUE_AXIS } from './chartFormat.ts';
import type { PayoffModel, SideChoice } from './fieldRules.ts';
import { moveLabel } from './PayoffReadout.tsx';
import { payoffSeries, type Series, seriesMax } from './payoffSeries.ts';
import { multipleColumn } from './tableColumns.ts';

const MOVE_TICKS = [-90, -50, 0, 50, 100, 150, 200, 250, 300];

/** Where the perpetual is wiped out, for each side drawn whose point falls on the chart. */
function liquidations(data: PayoffChartData, side: SideChoice, models: readonly PayoffModel[]) {
  if (!models.includes('perpetual')) return [];
  const inRange = (percent: number) => percent >= MIN_MOVE * 100 && percent <= MAX_MOVE * 100;
  const { long, short } = data.liquidationPercent;
  return (
    [
      { side: 'long', x: long, color: COLORS.long, position: 'insideTopRight' },
      { side: 'short', x: short, color: COLORS.short, position: 'insideTopLeft' },
    ] as const
  ).filter((mark) => (side === 'both' || side === mark.side) && inRange(mark.x));
}

function payoffColumns(series: readonly Series[], startPrice: number | undefined): Array<Column<PayoffRow>> {
  return [
    numberColumn(
      'Price move',
      (row: PayoffRow) => row.movePercent,
      (v) => formatPercentPoints(v, 2),
    ),
    ...(startPrice === undefined
      ? []
      : [numberColumn('Price (USD)', (row: PayoffRow) => row.price, formatUsd)]),
    ...series.map((s) => multipleColumn(s.name, (row: PayoffRow) => row[s.key])),
  ];
}

export const PayoffFigure = memo(function PayoffFigure({
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
  if (series.length === 0)
    return <p className="py-12 text-center text-sm text-ink-400">Pick at least one model to draw.</p>;
  const yMax = seriesMax(data.rows, series);
  const title = `Payoff of a ${leverage}x position against the price move`;
  const priceAt = (percent: number) => (price === undefined ? undefined : price * (1 + percent / 100));

  return (
    <ChartFrame
      caption={
        <>
          {title}: value of the position (× its start) after 1 rebalance (solid) and after {data.steps}{' '}
          (dashed). Pool tokens include the mint and burn fees; the perpetual has no fees
          {yMax.clipped ? ' and is cut off at the top' : ''}.
        </>
      }
      table={{
        caption: title,
        rows: data.rows,
        rowKey: (row) => row.movePercent,
        columns: payoffColumns(series, price),
      }}
    >
      <Plot
        rows={data.plotRows}
        className="h-80"
        margin={{ top: 16 }}
        legend
        x={{
          type: 'number',
          dataKey: 'movePercent',
          domain: [MIN_MOVE * 100, MAX_MOVE * 100],
          ticks: MOVE_TICKS,
          tickFormatter: (v: number) => formatPercentPoints(v, 0),
          label: 'Price move',
        }}
        y={{
          domain: [0, yMax.value],
          ticks: yMax.ticks,
          allowDataOverflow: true,
          ...VALUE_AXIS,
        }}
        tooltip={{ label: (percent) => moveLabel(percent, priceAt(percent), price), value: multipleTooltip }}
      >
        <ReferenceLine y={1} stroke={COLORS.axis} strokeOpacity={0.5} />
        <ReferenceLine x={0} stroke={COLORS.axis} strokeOpacity={0.5} />
        {liquidations(data, side, models).flatMap((mark) => [
          <ReferenceLine
            key={`${mark.side}-line`}
            x={mark.x}
            stroke={mark.color}
            strokeDasharray="2 4"
            label={{
              value: `Perp ${mark.side} liquidated`,
              fill: mark.color,
              fontSize: 11,
              position: mark.position,
            }}
          />,
          <ReferenceDot key={`${mark.side}-dot`} x={mark.x} y={0} r={5} fill={mark.color} stroke="none" />,
        ])}
        {plotLines(series.map((s) => ({ ...s, width: s.dashed ? 1.5 : 2 })))}
      </Plot>
    </ChartFrame>
  );
});
