/** The rows the payoff chart draws: fewer than the table's, and the same lines within a third of a pixel. */
import { describe, expect, it } from 'vitest';
import {
  PAYOFF_KEYS,
  PAYOFF_POINTS,
  type PayoffRow,
  payoffChartData,
} from '../../../src/features/simulator/chartData.ts';
import { PLOT_TOLERANCE, plotRows } from '../../../src/features/simulator/plotRows.ts';
import { DEFAULT_INPUTS } from '../../../src/features/simulator/simulatorParams.ts';

const KEYS = PAYOFF_KEYS;

/** The largest gap, over every row and series, between a row's value and the line the kept rows draw. */
function largestGap(rows: readonly PayoffRow[], kept: readonly PayoffRow[]): number {
  let gap = 0;
  let segment = 0;
  for (const row of rows) {
    while (kept[segment + 1]!.movePercent < row.movePercent) segment++;
    const a = kept[segment]!;
    const b = kept[segment + 1]!;
    const t = (row.movePercent - a.movePercent) / (b.movePercent - a.movePercent);
    for (const key of KEYS) gap = Math.max(gap, Math.abs(row[key] - (a[key] + (b[key] - a[key]) * t)));
  }
  return gap;
}

describe('the payoff chart’s drawn rows', () => {
  it.each([
    [1, 1, 1],
    [3, 24, 1],
    [10, 720, 1.3],
    [7, 1000, 0.2],
    [2, 5, 6],
  ])(
    'at %sx, %s rebalances, skew %s: a subset of the rows, ends kept, every line within the tolerance',
    (leverage, rebalances, skew) => {
      const data = payoffChartData({ ...DEFAULT_INPUTS, leverage, rebalances, skew });
      expect(data.rows).toHaveLength(PAYOFF_POINTS);
      expect(data.plotRows.length).toBeLessThan(PAYOFF_POINTS / 4);
      expect(data.plotRows[0]).toBe(data.rows[0]);
      expect(data.plotRows.at(-1)).toBe(data.rows.at(-1));
      for (const row of data.plotRows) expect(data.rows).toContain(row);
      expect(largestGap(data.rows, data.plotRows)).toBeLessThanOrEqual(PLOT_TOLERANCE + 1e-12);
    },
  );

  it('keeps the corner where the perpetual is wiped out', () => {
    const data = payoffChartData({ ...DEFAULT_INPUTS, leverage: 5 });
    const zeroFrom = data.rows.findIndex((row) => row.perpetualLong > 0);
    expect(data.plotRows).toContain(data.rows[zeroFrom - 1]);
  });
});

describe('plotRows', () => {
  const rows = (ys: number[]) => ys.map((y, x) => ({ x, y }));
  const thin = (ys: number[]) => plotRows(rows(ys), (r) => r.x, [(r) => r.y], 0.01).map((r) => r.x);

  it('draws a straight line from its ends, a corner from its three points', () => {
    expect(thin([0, 1, 2, 3, 4])).toEqual([0, 4]);
    expect(thin([0, 1, 2, 1, 0])).toEqual([0, 2, 4]);
    expect(thin([0, 0.005, 0, 0.005, 0])).toEqual([0, 4]);
  });

  it('keeps a row whose value is not a number, and short inputs whole', () => {
    expect(thin([0, 1, Number.NaN, 3, 4])).toContain(2);
    expect(thin([5, 7])).toEqual([0, 1]);
  });
});
