/**
 * The rows a line chart needs to draw the same picture: a row is left out where the straight line between
 * the rows kept on either side passes within `tolerance` of every series' value in it. The payoff curves are
 * straight or gently bent over most of their range, so a few dozen rows draw what 400 do, and the chart
 * library's work grows with every row of every line. The table keeps every row.
 */

/** A third of a pixel on the smallest value axis the payoff chart draws (×0 to ×2 over ~300 px). */
export const PLOT_TOLERANCE = 0.002;

export function plotRows<Row>(
  rows: readonly Row[],
  x: (row: Row) => number,
  values: ReadonlyArray<(row: Row) => number>,
  tolerance = PLOT_TOLERANCE,
): Row[] {
  if (rows.length <= 2) return [...rows];
  const xs = rows.map(x);
  const columns = values.map((value) => rows.map(value));
  // The line from the anchor (a kept row) passes within the tolerance of a row in between exactly when its
  // slope lies in that row's window; the windows met so far are intersected, one pair of bounds per series.
  let anchor = 0;
  let low = columns.map(() => Number.NEGATIVE_INFINITY);
  let high = columns.map(() => Number.POSITIVE_INFINITY);
  const kept = [rows[0]!];
  for (let end = 2; end < rows.length; end++) {
    const between = end - 1;
    const dxBetween = xs[between]! - xs[anchor]!;
    const dxEnd = xs[end]! - xs[anchor]!;
    let straight = true;
    columns.forEach((column, s) => {
      const start = column[anchor]!;
      low[s] = Math.max(low[s]!, (column[between]! - tolerance - start) / dxBetween);
      high[s] = Math.min(high[s]!, (column[between]! + tolerance - start) / dxBetween);
      const slope = (column[end]! - start) / dxEnd;
      // A value that is not a finite number fails the comparison, so its row is kept.
      if (!(slope >= low[s]! && slope <= high[s]!)) straight = false;
    });
    if (straight) continue;
    anchor = between;
    kept.push(rows[anchor]!);
    low = columns.map(() => Number.NEGATIVE_INFINITY);
    high = columns.map(() => Number.POSITIVE_INFINITY);
    end = anchor + 1; // the loop steps it to the first row that can end a segment from the new anchor
  }
  kept.push(rows[rows.length - 1]!);
  return kept;
}
