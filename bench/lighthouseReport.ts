/**
 * Lighthouse runs turned into the bench's figures and budgets: medians over the runs (a single run's score
 * moves by several points on a 2-core machine), each run's LCP/TBT/CLS on one line, and what was painted
 * largest and what shifted, so a missed budget says where to look.
 */
import type { FormFactor, LighthouseRun } from './lighthouse.ts';

/** How many runs per page and form factor: `LIGHTHOUSE_RUNS` (default 5), fewer to check the bench quickly. */
export function lighthouseRunCount(env: NodeJS.ProcessEnv = process.env): number {
  const runs = Number(env.LIGHTHOUSE_RUNS ?? 5);
  return Number.isInteger(runs) && runs >= 1 ? runs : 5;
}

export type Figure = [name: string, value: number | string, unit: string];
export type Budget = [name: string, met: boolean, detail: string];

/** The middle value; with an even count, the mean of the two middle ones. */
export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Performance score floors, by form factor; accessibility has one floor for both. */
export const PERFORMANCE_FLOOR: Record<FormFactor, number> = { mobile: 95, desktop: 98 };
export const ACCESSIBILITY_FLOOR = 95;
export const MOBILE_LCP_MS = 2000;
/** Total blocking time under the mobile preset's 4× CPU slowdown. */
export const MOBILE_TBT_MS = 150;

const ms = (x: number) => x.toFixed(0);
const cls = (x: number) => x.toFixed(3);

export function lighthouseReport(page: string, formFactor: FormFactor, runs: LighthouseRun[]) {
  const name = `lighthouse.${page}.${formFactor}`;
  const performance = median(runs.map((r) => r.performance));
  const accessibility = median(runs.map((r) => r.accessibility));
  const lcp = median(runs.map((r) => r.lcpMs));
  const tbt = median(runs.map((r) => r.tbtMs));
  const shift = median(runs.map((r) => r.cls));
  const worstShift = Math.max(...runs.map((r) => r.cls));
  const failing = [...new Set(runs.flatMap((r) => r.failedAudits))];
  const lcpElements = [...new Set(runs.map((r) => r.lcpElement))];
  const shifts = runs.flatMap((r, i) => r.shifts.map((s) => `#${i + 1} ${s}`));

  const figures: Figure[] = [
    [`${name}.performance`, performance, 'score'],
    [`${name}.performance.runs`, runs.map((r) => r.performance).join(','), 'score'],
    [`${name}.accessibility`, accessibility, 'score'],
    [
      `${name}.runs`,
      runs.map((r) => `${ms(r.lcpMs)}/${ms(r.tbtMs)}/${cls(r.cls)}`).join(','),
      'lcp ms/tbt ms/cls',
    ],
    [`app.lcp.${page}.${formFactor}.ms`, ms(lcp), 'ms'],
    [`${name}.tbt.ms`, ms(tbt), 'ms'],
    [`${name}.cls`, cls(shift), ''],
    [`${name}.lcpElement`, lcpElements.join(' | '), ''],
  ];
  if (failing.length) figures.push([`${name}.accessibility.failing`, failing.join(','), '']);
  if (shifts.length) figures.push([`${name}.shifts`, shifts.join(', '), '']);

  const floor = PERFORMANCE_FLOOR[formFactor];
  const budgets: Budget[] = [
    [
      name,
      performance >= floor && accessibility >= ACCESSIBILITY_FLOOR,
      `${performance}/${accessibility} ≥ ${floor}/${ACCESSIBILITY_FLOOR}, median of ${runs.length}`,
    ],
    // Judged as printed, to two places: a shift of 0.004 is not one anybody sees.
    [`${name}.cls`, shift.toFixed(2) === '0.00', `${cls(shift)} = 0.00, worst run ${cls(worstShift)}`],
  ];
  if (formFactor === 'mobile')
    budgets.push(
      [`app.lcp.${page}.mobile`, lcp <= MOBILE_LCP_MS, `${ms(lcp)} ms ≤ ${MOBILE_LCP_MS} ms`],
      [`${name}.tbt`, tbt <= MOBILE_TBT_MS, `${ms(tbt)} ms ≤ ${MOBILE_TBT_MS} ms`],
    );
  return { figures, budgets };
}
