/** Colours, axes and number formats shared by the simulator's charts and tables, so the four charts read alike. */
import type { TooltipValue } from '../../ui/ChartFrame.tsx';
import { formatNumber } from '../../ui/format.ts';

/** The app's chart colours (ui/chartTheme.ts), by the name the simulator's charts use. */
export { CHART_COLORS as COLORS } from '../../ui/chartTheme.ts';

/** A position's value relative to its start: "×1.266". */
export function formatMultiple(value: number, digits = 4): string {
  return `×${formatNumber(value, digits)}`;
}

/** The x axis of a series over time: days since the start. */
export const DAYS_AXIS = {
  type: 'number',
  dataKey: 'days',
  domain: [0, 'dataMax'],
  tickFormatter: (v: number) => formatNumber(v, 1),
  label: 'Days',
} as const;

/** The y axis of a position's value, as a multiple of its start. */
export const VALUE_AXIS = {
  tickFormatter: (v: number) => formatMultiple(v, 2),
  label: 'Value (× start)',
} as const;

/** A tooltip's value in a value chart: one multiple, or a band's two ends to three digits. */
export function multipleTooltip(value: TooltipValue): string {
  return typeof value === 'number'
    ? formatMultiple(value)
    : value.map((v) => formatMultiple(v, 3)).join(' – ');
}

/** A probability as a percentage with one decimal: "12.3%". */
export function formatProbability(value: number): string {
  return `${formatNumber(value * 100, 1)}%`;
}
