/**
 * One pool's charts on the protocol page: TVL over time, daily mint volume, and fees (charged at rebalances,
 * claimed by the protocol, claimed by the treasury). Each is a figure with its own table behind "Show as a
 * table" (ui/ChartFrame.tsx). The charts plot Numbers, which is all a picture needs; the tables show every
 * amount to the last unit, from the bigints.
 */
import { Bar } from 'recharts';
import { formatUnits } from 'viem';
import { ChartFrame, Plot, plotLines } from '../../ui/ChartFrame.tsx';
import { CHART_COLORS } from '../../ui/chartTheme.ts';
import type { Column } from '../../ui/DataTable.tsx';
import { exactAmount, formatNumber } from '../../ui/format.ts';
import type { ProtocolDayRow, ProtocolPoolView } from './protocolView.ts';

/** An amount for the picture only: a float is fine at a chart's resolution. */
const plotted = (value: bigint, decimals: number) => Number(formatUnits(value, decimals));

interface PlotRow {
  date: string;
  long: number;
  short: number;
  tvl: number;
  mintVolume: number;
  feesCharged: number;
  primaryFees: number;
  secondaryFees: number;
}

function plotRows(pool: ProtocolPoolView): PlotRow[] {
  const n = (v: bigint) => plotted(v, pool.decimals);
  return pool.days.map((d) => ({
    date: d.date,
    long: n(d.longBalance),
    short: n(d.shortBalance),
    tvl: n(d.tvl),
    mintVolume: n(d.mintVolume),
    feesCharged: n(d.feesCharged),
    primaryFees: n(d.primaryFees),
    secondaryFees: n(d.secondaryFees),
  }));
}

/** A column of exact amounts, sorted by the bigint. */
function amountColumn(
  header: string,
  value: (row: ProtocolDayRow) => bigint,
  decimals: number,
): Column<ProtocolDayRow> {
  return {
    header,
    cell: (row) => exactAmount(value(row), decimals),
    // Sorting only orders rows: a Number is close enough to order by, and the cell shows the exact value.
    sortBy: (row) => plotted(value(row), decimals),
  };
}

const dateColumn: Column<ProtocolDayRow> = {
  header: 'Day (UTC)',
  cell: (row) => row.date,
  sortBy: (row) => row.day,
};

const tick = (v: number) => formatNumber(v, 2);

export function ProtocolCharts({ pool }: { pool: ProtocolPoolView }) {
  const rows = plotRows(pool);
  const unit = pool.symbol;
  const table = (columns: Column<ProtocolDayRow>[]) => ({
    columns: [dateColumn, ...columns],
    rows: pool.days,
    rowKey: (row: ProtocolDayRow) => row.day,
  });
  const x = { dataKey: 'date' };
  const y = { domain: [0, 'auto'] as [number, 'auto'], width: 64, tickFormatter: tick };
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <ChartFrame
        caption={`TVL of ${pool.name} per day, in ${unit}`}
        table={table([
          amountColumn(`Long (${unit})`, (r) => r.longBalance, pool.decimals),
          amountColumn(`Short (${unit})`, (r) => r.shortBalance, pool.decimals),
          amountColumn(`TVL (${unit})`, (r) => r.tvl, pool.decimals),
        ])}
      >
        <Plot rows={rows} className="h-56" legend x={x} y={y}>
          {plotLines([
            { key: 'tvl', name: 'TVL', color: CHART_COLORS.sand, dots: rows.length < 3 },
            { key: 'long', name: 'Long', color: CHART_COLORS.long, dashed: true },
            { key: 'short', name: 'Short', color: CHART_COLORS.short, dashed: true },
          ])}
        </Plot>
      </ChartFrame>
      <ChartFrame
        caption={`Mint volume of ${pool.name} per day, in ${unit}`}
        table={table([
          amountColumn(`Minted (${unit})`, (r) => r.mintVolume, pool.decimals),
          { header: 'Commits', cell: (r) => String(r.commits), sortBy: (r) => r.commits },
        ])}
      >
        <Plot rows={rows} className="h-56" legend x={x} y={y}>
          <Bar dataKey="mintVolume" name="Minted" fill={CHART_COLORS.sand} isAnimationActive={false} />
        </Plot>
      </ChartFrame>
      <ChartFrame
        caption={`Fees of ${pool.name} per day, in ${unit}: charged at rebalances, and claimed by the protocol and by the Olympus treasury`}
        table={table([
          amountColumn(`Charged (${unit})`, (r) => r.feesCharged, pool.decimals),
          amountColumn(`Protocol claimed (${unit})`, (r) => r.primaryFees, pool.decimals),
          amountColumn(`Treasury claimed (${unit})`, (r) => r.secondaryFees, pool.decimals),
        ])}
      >
        <Plot rows={rows} className="h-56" legend x={x} y={y}>
          <Bar dataKey="feesCharged" name="Charged" fill={CHART_COLORS.axis} isAnimationActive={false} />
          <Bar dataKey="primaryFees" name="Protocol" fill={CHART_COLORS.short} isAnimationActive={false} />
          <Bar dataKey="secondaryFees" name="Treasury" fill={CHART_COLORS.long} isAnimationActive={false} />
        </Plot>
      </ChartFrame>
    </div>
  );
}
