/** Colours and number formats shared by the simulator's charts: one place, so the four charts read alike. */
import { formatNumber } from '../../ui/format.ts';

/** Matching the --color-* tokens of styles.css: recharts takes colours as props, not classes. */
export const COLORS = {
  long: 'oklch(0.78 0.15 155)',
  short: 'oklch(0.72 0.17 25)',
  sand: 'oklch(0.86 0.1 78)',
  power: 'oklch(0.75 0.12 250)',
  perpetual: 'oklch(0.7 0.012 255)',
  grid: '#334155',
  axis: '#94a3b8',
} as const;

export const TOOLTIP_STYLE = { background: '#0f172a', border: '1px solid #334155', fontSize: 12 } as const;

/** "+12.5%" / "−40%": moves read with their sign. */
export function formatPercent(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  const text = formatNumber(Math.abs(value), digits);
  if (text === '0') return '0%';
  return `${value < 0 ? '−' : '+'}${text}%`;
}

/** A position's value relative to its start: "×1.266". */
export function formatMultiple(value: number, digits = 4): string {
  return `×${formatNumber(value, digits)}`;
}

/** An effective leverage: "1.1x". */
export function formatLeverage(value: number): string {
  return `${formatNumber(value, 3)}x`;
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
