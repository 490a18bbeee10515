/**
 * The frame of every chart. `ChartFrame` is the figure: its caption, the chart or charts, and behind them the
 * same rows as a sortable table (DataTable), which is what assistive technology reads. `Plot` is one chart in
 * it: sized to its box, hidden from assistive technology, with the grid, axes, tooltip and legend of
 * ui/chartTheme.ts, so a chart only says what it plots. `plotLines` draws a set of lines alike.
 */
import type { ReactNode } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  type Margin,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  type XAxisProps,
  YAxis,
  type YAxisProps,
} from 'recharts';
import { AXIS, GRID_STYLE, LEGEND_STYLE, TOOLTIP_STYLE, xAxisLabel, yAxisLabel } from './chartTheme.ts';
import { DataTable, type DataTableProps } from './DataTable.tsx';
import { useHydrated } from './useHydrated.ts';

export function ChartFrame<Row>({
  caption,
  captionHidden = false,
  table,
  children,
}: {
  caption: ReactNode;
  /** Read to assistive technology only, where the page around the chart already says what it shows. */
  captionHidden?: boolean;
  /** The chart's rows as a table: the chart's accessible view. */
  table: DataTableProps<Row>;
  /** One or more `Plot`s, laid out as the chart needs. */
  children: ReactNode;
}) {
  return (
    <figure>
      <figcaption className={captionHidden ? 'sr-only' : 'mb-2 text-sm text-ink-200'}>{caption}</figcaption>
      {children}
      <DataTable {...table} />
    </figure>
  );
}

/** An axis as recharts takes it, with its title as plain text (styled by the theme). */
type Axis<Props> = Omit<Props, 'label'> & { label?: string };

/** A tooltip value: one number, or the two ends of a band. */
export type TooltipValue = number | readonly number[];

export function Plot<Row>({
  rows,
  className,
  x,
  y,
  tooltip = {},
  legend = false,
  margin,
  children,
}: {
  rows: readonly Row[];
  /** The box's height, as a class ("h-64"); the chart takes the box's width. */
  className: string;
  x: Axis<XAxisProps>;
  y: Axis<YAxisProps>;
  /** How the tooltip shows the x value and the series' values; recharts' own text where omitted. */
  tooltip?: { label?: (x: number) => ReactNode; value?: (value: TooltipValue) => ReactNode };
  /** A legend above the chart. Its height is measured, not fixed, so on a phone it wraps onto more lines
   * and pushes the plot down instead of covering it. */
  legend?: boolean;
  margin?: Partial<Margin>;
  /** The series, reference lines and any second axis. */
  children: ReactNode;
}) {
  const { label: xLabel, ...xAxis } = x;
  const { label: yLabel, ...yAxis } = y;
  const { label: showLabel, value: showValue } = tooltip;
  const hydrated = useHydrated();
  // A chart measures its box in the browser: the prerendered page, and hydration, hold the empty box (of the
  // same height) and the chart draws just after.
  if (!hydrated) return <div className={className} aria-hidden />;
  return (
    <div className={className} aria-hidden>
      <ResponsiveContainer>
        <ComposedChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: xLabel === undefined ? 8 : 24, left: 8, ...margin }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID_STYLE} />
          <XAxis {...AXIS} {...xAxis} label={xLabel === undefined ? undefined : xAxisLabel(xLabel)} />
          <YAxis
            {...AXIS}
            width={56}
            {...yAxis}
            label={yLabel === undefined ? undefined : yAxisLabel(yLabel)}
          />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={showLabel && ((label) => showLabel(Number(label)))}
            formatter={
              showValue && ((value) => showValue(Array.isArray(value) ? value.map(Number) : Number(value)))
            }
          />
          {legend ? <Legend verticalAlign="top" wrapperStyle={LEGEND_STYLE} /> : null}
          {children}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface LineSpec {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  width?: number;
  opacity?: number;
  yAxisId?: string;
  curve?: 'linear' | 'monotone';
  /** A dot at every row, for a line through a few points. */
  dots?: boolean;
}

/** Lines without animation, one per spec, dashed ones "6 4". */
export function plotLines(specs: readonly LineSpec[]) {
  return specs.map((s) => (
    <Line
      key={s.key}
      type={s.curve ?? 'linear'}
      dataKey={s.key}
      name={s.name}
      stroke={s.color}
      strokeDasharray={s.dashed ? '6 4' : undefined}
      strokeWidth={s.width}
      strokeOpacity={s.opacity}
      yAxisId={s.yAxisId}
      dot={s.dots ?? false}
      isAnimationActive={false}
    />
  ));
}
