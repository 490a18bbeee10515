/**
 * The look every chart shares, the pools' and the simulator's alike: colours matching the --color-* tokens of
 * styles.css (recharts takes colours as props, not classes), and the grid, axis, tooltip and legend styles
 * that ui/ChartFrame.tsx draws with.
 */
export const CHART_COLORS = {
  long: 'oklch(0.78 0.15 155)',
  short: 'oklch(0.72 0.17 25)',
  sand: 'oklch(0.86 0.1 78)',
  power: 'oklch(0.75 0.12 250)',
  perpetual: 'oklch(0.7 0.012 255)',
  grid: '#334155',
  axis: '#94a3b8',
} as const;

export const TOOLTIP_STYLE = { background: '#0f172a', border: '1px solid #334155', fontSize: 12 } as const;

export const GRID_STYLE = { stroke: CHART_COLORS.grid, strokeDasharray: '3 3' } as const;

export const LEGEND_STYLE = { fontSize: 12 } as const;

/**
 * The tick style of every axis. Ticks are thinned to what fits: the first and last always stay, and any tick
 * closer than `minTickGap` pixels to the one before is dropped, so a 390 px phone shows a few readable labels
 * instead of overlapping ones.
 */
export const AXIS = {
  stroke: CHART_COLORS.axis,
  fontSize: 11,
  interval: 'preserveStartEnd',
  minTickGap: 16,
} as const;

/** An axis title below the x axis. */
export function xAxisLabel(value: string) {
  return { value, position: 'insideBottom' as const, offset: -12, fill: CHART_COLORS.axis, fontSize: 12 };
}

/** An axis title along the left y axis. */
export function yAxisLabel(value: string) {
  return { value, angle: -90, position: 'insideLeft' as const, fill: CHART_COLORS.axis, fontSize: 12 };
}
