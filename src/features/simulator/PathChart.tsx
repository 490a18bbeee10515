/**
 * Path view: one seeded GBM price path and the L and S token values along it, next to a
 * position re-levered to L every rebalance, to show volatility decay (docs/protocol.md §1.5).
 * Its price-model inputs are shared with the Monte Carlo below.
 */
import { memo } from 'react';
import { YAxis } from 'recharts';
import { Card } from '../../ui/Card.tsx';
import { ChartFrame, type LineSpec, Plot, plotLines } from '../../ui/ChartFrame.tsx';
import { AXIS } from '../../ui/chartTheme.ts';
import type { Column } from '../../ui/DataTable.tsx';
import { formatNumber, formatPercentPoints, formatUsd } from '../../ui/format.ts';
import { Stat } from '../../ui/Stat.tsx';
import { COLORS, DAYS_AXIS, formatMultiple, multipleTooltip, VALUE_AXIS } from './chartFormat.ts';
import { NumberInput } from './FormFields.tsx';
import type { SideChoice, SimulatorInputs } from './fieldRules.ts';
import type { PathChartData, PathRow } from './pathData.ts';
import { rebalanceDays } from './simulationInputs.ts';
import { multipleColumn, timeColumns } from './tableColumns.ts';
import type { SimulatorFormApi } from './useSimulatorForm.ts';

type PathLine = LineSpec & { key: 'poolLong' | 'poolShort' | 'constantLong' | 'constantShort' };

/** The pool's tokens (solid) and a position re-levered every rebalance (dashed), for the sides chosen. */
function lines(side: SideChoice, transferName: string, leverage: number): PathLine[] {
  const all: PathLine[] = [
    { key: 'poolLong', name: `L token (${transferName})`, color: COLORS.long },
    { key: 'poolShort', name: `S token (${transferName})`, color: COLORS.short },
    { key: 'constantLong', name: `${leverage}x constant long`, color: COLORS.long, dashed: true },
    { key: 'constantShort', name: `${leverage}x constant short`, color: COLORS.short, dashed: true },
  ];
  return all
    .filter((l) => side === 'both' || (side === 'long') === l.key.endsWith('Long'))
    .map((l) => ({ ...l, yAxisId: 'value' }));
}

function pathColumns(shown: readonly PathLine[], priceKnown: boolean): Array<Column<PathRow>> {
  return [
    ...timeColumns<PathRow>(),
    {
      header: priceKnown ? 'Price (USD)' : 'Price (× start)',
      cell: (row) => (row.price === undefined ? formatMultiple(row.priceRelative) : formatUsd(row.price)),
      sortBy: (row) => row.priceRelative,
    },
    ...shown.map((l) => multipleColumn(l.name, (row: PathRow) => row[l.key])),
  ];
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
  const days = rebalanceDays(inputs.horizon, inputs.intervalSeconds);
  const title = `Token values along one simulated price path of ${inputs.horizon} rebalances (${formatNumber(days, 1)} days)`;
  return (
    <ChartFrame
      caption={
        <>
          {title}. Solid: pool tokens (fees included); dashed: a position re-levered to {inputs.leverage}x at
          every rebalance (no fees); gold: the asset's price (right axis, × start). A pool only moves value
          between its sides, so what one side loses to the path's swings the other gains; a constant-leverage
          position can lose on both.
          {data.stride > 1 ? ` Every ${data.stride}th rebalance is drawn.` : ''}
        </>
      }
      table={{
        caption: title,
        rows: data.rows,
        rowKey: (row) => row.step,
        columns: pathColumns(shown, inputs.price !== undefined),
      }}
    >
      <Plot
        rows={data.rows}
        className="h-72"
        margin={{ right: 8 }}
        legend
        x={DAYS_AXIS}
        y={{ ...VALUE_AXIS, yAxisId: 'value' }}
        tooltip={{ label: (day) => `Day ${formatNumber(day, 2)}`, value: multipleTooltip }}
      >
        <YAxis
          yAxisId="price"
          orientation="right"
          domain={['auto', 'auto']}
          {...AXIS}
          stroke={COLORS.sand}
          width={56}
          tickFormatter={VALUE_AXIS.tickFormatter}
        />
        {plotLines([
          { key: 'priceRelative', name: 'Asset price', color: COLORS.sand, opacity: 0.7, yAxisId: 'price' },
          ...shown,
        ])}
      </Plot>
    </ChartFrame>
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
