/** Colours, axes and number formats shared by the simulator's charts, so the four charts read alike. */
import { CHART_COLORS } from '../../ui/chartTheme.ts';
import { formatNumber } from '../../ui/format.ts';

/** The app's chart colours (ui/chartTheme.ts), by the name the simulator's charts use. */
export { CHART_COLORS as COLORS, TOOLTIP_STYLE } from '../../ui/chartTheme.ts';

/** The tick style every axis shares. */
export const AXIS = { stroke: CHART_COLORS.axis, fontSize: 11 } as const;

/** An axis title below the x axis. */
export function xAxisLabel(value: string) {
  return { value, position: 'insideBottom' as const, offset: -12, fill: CHART_COLORS.axis, fontSize: 12 };
}

/** An axis title along the left y axis. */
export function yAxisLabel(value: string) {
  return { value, angle: -90, position: 'insideLeft' as const, fill: CHART_COLORS.axis, fontSize: 12 };
}

/** A position's value relative to its start: "×1.266". */
export function formatMultiple(value: number, digits = 4): string {
  return `×${formatNumber(value, digits)}`;
}

export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const digits = value >= 100 ? 0 : value >= 1 ? 2 : 6;
  return `$${formatNumber(value, digits)}`;
}

/** A probability as a percentage with one decimal: "12.3%". */
export function formatProbability(value: number): string {
  return `${formatNumber(value * 100, 1)}%`;
}
