import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RebalancePoint } from '../../chain/poolHistory.ts';
import { quadToNumber } from '../../engine/quad.ts';
import { CHART_COLORS, TOOLTIP_STYLE } from '../../ui/chartTheme.ts';
import { formatNumber } from '../../ui/format.ts';

export interface HistoryRow {
  label: string;
  long: number;
  short: number;
  longPrice: number | undefined;
  shortPrice: number | undefined;
}

export function historyRows(points: RebalancePoint[], decimals: number): HistoryRow[] {
  const scale = 10 ** decimals;
  return points.map((p, i) => ({
    label: p.timestamp ? new Date(p.timestamp * 1000).toLocaleTimeString() : `#${i + 1}`,
    long: Number(p.longBalance) / scale,
    short: Number(p.shortBalance) / scale,
    longPrice: p.longTokenPrice === undefined ? undefined : quadToNumber(p.longTokenPrice),
    shortPrice: p.shortTokenPrice === undefined ? undefined : quadToNumber(p.shortTokenPrice),
  }));
}

/** One long line and one short line against the rebalances. */
function LongShortChart({
  rows,
  keys,
  names,
  digits,
  domain,
}: {
  rows: HistoryRow[];
  keys: readonly [keyof HistoryRow, keyof HistoryRow];
  names: readonly [string, string];
  digits: number;
  domain: [number | 'auto', 'auto'];
}) {
  return (
    <div className="h-64">
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={CHART_COLORS.axis} fontSize={11} minTickGap={24} />
          <YAxis
            stroke={CHART_COLORS.axis}
            fontSize={11}
            domain={domain}
            tickFormatter={(v: number) => formatNumber(v, digits)}
            width={64}
          />
          <Tooltip contentStyle={TOOLTIP_STYLE} />
          <Legend />
          {keys.map((key, i) => (
            <Line
              key={key}
              type="monotone"
              dataKey={key}
              name={names[i]}
              stroke={i === 0 ? CHART_COLORS.long : CHART_COLORS.short}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Side balances and token prices at each rebalance, with a table of the same data for screen readers. */
export function PoolHistoryChart({
  points,
  decimals,
  collateral,
}: {
  points: RebalancePoint[];
  decimals: number;
  collateral: string;
}) {
  const rows = historyRows(points, decimals);
  if (rows.length === 0) return <p className="text-sm text-ink-400">No rebalance yet.</p>;
  return (
    <figure>
      <figcaption className="sr-only">
        Long and short balances in {collateral} and token prices at each of the pool's {rows.length}{' '}
        rebalances.
      </figcaption>
      <div className="grid gap-6 lg:grid-cols-2" aria-hidden>
        <LongShortChart
          rows={rows}
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
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-ink-400">Show as a table</summary>
        <table className="mt-2 w-full text-left font-mono text-xs">
          <thead>
            <tr>
              <th scope="col">Rebalance</th>
              <th scope="col">Long ({collateral})</th>
              <th scope="col">Short ({collateral})</th>
              <th scope="col">L price</th>
              <th scope="col">S price</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rebalances are append-only and ordered
              <tr key={i}>
                <td>{r.label}</td>
                <td>{formatNumber(r.long, 4)}</td>
                <td>{formatNumber(r.short, 4)}</td>
                <td>{r.longPrice === undefined ? '—' : formatNumber(r.longPrice, 6)}</td>
                <td>{r.shortPrice === undefined ? '—' : formatNumber(r.shortPrice, 6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
