import type { PoolHistory } from '../../chain/history/poolHistory.ts';
import { quadToNumber } from '../../engine/quad.ts';
import { ChartFrame, Plot, plotLines } from '../../ui/ChartFrame.tsx';
import { CHART_COLORS } from '../../ui/chartTheme.ts';
import { type Column, numberColumn } from '../../ui/DataTable.tsx';
import { formatNumber } from '../../ui/format.ts';

export interface PoolChartRow {
  label: string;
  long: number | undefined;
  short: number | undefined;
  longPrice: number | undefined;
  shortPrice: number | undefined;
}

const when = (p: { timestamp?: number; blockNumber: bigint }) =>
  p.timestamp
    ? new Date(p.timestamp * 1000).toLocaleString(undefined, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : `block ${p.blockNumber}`;

/** Token prices at each rebalance, as the committer stored them. */
export function priceRows(history: PoolHistory): PoolChartRow[] {
  return history.rebalances.map((p) => ({
    label: when(p),
    long: undefined,
    short: undefined,
    longPrice: p.longTokenPrice === undefined ? undefined : quadToNumber(p.longTokenPrice),
    shortPrice: p.shortTokenPrice === undefined ? undefined : quadToNumber(p.shortTokenPrice),
  }));
}

/** Side balances as the pool recorded them at commits and claims, then as they are now. */
export function balanceRows(
  history: PoolHistory,
  now: { longBalance: bigint; shortBalance: bigint },
  decimals: number,
): PoolChartRow[] {
  const scale = 10 ** decimals;
  const row = (label: string, long: bigint, short: bigint): PoolChartRow => ({
    label,
    long: Number(long) / scale,
    short: Number(short) / scale,
    longPrice: undefined,
    shortPrice: undefined,
  });
  return [
    ...history.balances.map((b) => row(when(b), b.longBalance, b.shortBalance)),
    row('now', now.longBalance, now.shortBalance),
  ];
}

const price = (value: number) => formatNumber(value, 6);

const PRICE_COLUMNS: ReadonlyArray<Column<PoolChartRow>> = [
  { header: 'Rebalance', cell: (row) => row.label },
  numberColumn('L price', (row) => row.longPrice, price),
  numberColumn('S price', (row) => row.shortPrice, price),
];

/** One long line and one short line against the rebalances. */
function LongShortChart({
  rows,
  keys,
  names,
  digits,
  domain,
}: {
  rows: PoolChartRow[];
  keys: readonly [keyof PoolChartRow, keyof PoolChartRow];
  names: readonly [string, string];
  digits: number;
  domain: [number | 'auto', 'auto'];
}) {
  return (
    <Plot
      rows={rows}
      className="h-64"
      legend
      x={{ dataKey: 'label' }}
      y={{ domain, width: 64, tickFormatter: (v: number) => formatNumber(v, digits) }}
    >
      {plotLines(
        keys.map((key, i) => ({
          key,
          name: names[i]!,
          color: i === 0 ? CHART_COLORS.long : CHART_COLORS.short,
          curve: 'monotone' as const,
        })),
      )}
    </Plot>
  );
}

/**
 * Side balances as the pool recorded them and token prices at each rebalance, with a table of the prices for
 * screen readers. Both come from logs and stored prices only, so a pruned node can serve them.
 */
export function PoolHistoryChart({
  history,
  now,
  decimals,
  collateral,
}: {
  history: PoolHistory;
  now: { longBalance: bigint; shortBalance: bigint };
  decimals: number;
  collateral: string;
}) {
  const rows = priceRows(history);
  const balances = balanceRows(history, now, decimals);
  if (rows.length === 0) return <p className="text-sm text-ink-400">No rebalance yet.</p>;
  return (
    <ChartFrame
      captionHidden
      caption={`Long and short balances in ${collateral} as the pool recorded them, and token prices at each of the pool's last ${rows.length} rebalances since block ${history.fromBlock.toString()}.`}
      table={{
        columns: PRICE_COLUMNS,
        rows,
        // Rebalances are append-only and ordered, and two may share a label.
        rowKey: (_, index) => index,
        renderClosed: true,
      }}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <LongShortChart
          rows={balances}
          keys={['long', 'short']}
          names={[`Long (${collateral})`, `Short (${collateral})`]}
          digits={2}
          domain={[0, 'auto']}
        />
        <LongShortChart
          rows={rows}
          keys={['longPrice', 'shortPrice']}
          names={['L token price', 'S token price']}
          digits={3}
          domain={['auto', 'auto']}
        />
      </div>
    </ChartFrame>
  );
}
