/**
 * Which payoff curves to draw for the chosen side and models, how each looks, and the vertical range that keeps
 * the pool curves readable (a 10x perpetual reaches ×31 at +300%, which would flatten them).
 */
import type { PayoffRow } from './chartData.ts';
import { COLORS } from './chartFormat.ts';
import type { PayoffModel, SideChoice } from './fieldRules.ts';

type ValueKey = Exclude<keyof PayoffRow, 'movePercent' | 'price'>;

export interface Series {
  key: ValueKey;
  name: string;
  color: string;
  dashed: boolean;
  model: PayoffModel;
}

const COLOR: Record<PayoffModel, Record<'long' | 'short', string>> = {
  sigmoid: { long: COLORS.long, short: COLORS.short },
  power: { long: 'oklch(0.72 0.15 265)', short: 'oklch(0.74 0.16 325)' },
  perpetual: { long: 'oklch(0.85 0.01 255)', short: 'oklch(0.62 0.01 255)' },
};

const MODEL_NAME: Record<PayoffModel, string> = { sigmoid: 'V2', power: 'V1', perpetual: 'Perp' };

export function payoffSeries(side: SideChoice, models: readonly PayoffModel[], steps: number): Series[] {
  const sides = side === 'both' ? (['long', 'short'] as const) : ([side] as const);
  const out: Series[] = [];
  for (const model of models) {
    for (const s of sides) {
      const sideName = s === 'long' ? 'L' : 'S';
      const color = COLOR[model][s];
      if (model === 'perpetual') {
        out.push({
          key: s === 'long' ? 'perpetualLong' : 'perpetualShort',
          name: `Perp ${sideName}`,
          color,
          dashed: false,
          model,
        });
        continue;
      }
      const base = `${model}${s === 'long' ? 'Long' : 'Short'}` as const;
      out.push({
        key: `${base}One`,
        name: `${MODEL_NAME[model]} ${sideName}, 1 rebalance`,
        color,
        dashed: false,
        model,
      });
      out.push({
        key: `${base}N`,
        name: `${MODEL_NAME[model]} ${sideName}, ${steps} rebalances`,
        color,
        dashed: true,
        model,
      });
    }
  }
  return out;
}

/**
 * Top of the value axis: the largest pool value drawn with 15% headroom (at least ×2, rounded up to a half);
 * the perpetual only sets it when no pool curve is drawn. `clipped` says a curve runs off the top.
 */
export function seriesMax(
  rows: readonly PayoffRow[],
  series: readonly Series[],
): { value: number; clipped: boolean; ticks: number[] } {
  const pools = series.filter((s) => s.model !== 'perpetual');
  const scaled = pools.length > 0 ? pools : series;
  let top = 0;
  let all = 0;
  for (const row of rows) {
    for (const s of series) {
      const v = row[s.key];
      if (!Number.isFinite(v)) continue;
      if (v > all) all = v;
      if (scaled.includes(s) && v > top) top = v;
    }
  }
  const value = Math.max(2, Math.ceil(top * 1.15 * 2) / 2);
  // Round steps (0.5, 1, 2, 5…) so that ticks read ×0.5, ×1, ×1.5 rather than ×0.65.
  const step = [0.25, 0.5, 1, 2, 5, 10, 20, 50].find((s) => value / s <= 6) ?? value / 5;
  const ticks: number[] = [];
  for (let t = 0; t <= value + 1e-9; t += step) ticks.push(t);
  return { value, clipped: all > value, ticks };
}
