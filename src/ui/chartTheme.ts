/**
 * Colours of every chart, matching the --color-* tokens of styles.css: recharts takes colours as props, not
 * classes, so they live here once for the pools' and the simulator's charts alike.
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
