import { describe, expect, it } from 'vitest';
import type { LighthouseRun } from '../../bench/lighthouse.ts';
import { lighthouseReport, lighthouseRunCount, median } from '../../bench/lighthouseReport.ts';

const run = (
  performance: number,
  lcpMs: number,
  tbtMs: number,
  cls: number,
  shifts: string[] = [],
): LighthouseRun => ({
  performance,
  accessibility: 100,
  failedAudits: [],
  lcpMs,
  tbtMs,
  cls,
  lcpElement: 'main > h1',
  shifts,
});

const byName = <T extends [string, ...unknown[]]>(rows: T[]) =>
  new Map(rows.map(([name, ...rest]) => [name, rest]));

describe('the bench’s Lighthouse report', () => {
  it('takes medians, the even count’s as the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('prints each run’s LCP/TBT/CLS on one line and the medians under the names the budgets use', () => {
    const runs = [
      run(90, 2400, 300, 0),
      run(96, 1800, 100, 0.19, ['div.table=0.190']),
      run(97, 1700, 90, 0),
      run(95, 1900, 120, 0),
      run(80, 3000, 500, 0),
    ];
    const { figures, budgets } = lighthouseReport('pools', 'mobile', runs);
    const f = byName(figures);
    expect(f.get('lighthouse.pools.mobile.performance')).toEqual([95, 'score']);
    expect(f.get('lighthouse.pools.mobile.runs')?.[0]).toBe(
      '2400/300/0.000,1800/100/0.190,1700/90/0.000,1900/120/0.000,3000/500/0.000',
    );
    expect(f.get('app.lcp.pools.mobile.ms')).toEqual(['1900', 'ms']);
    expect(f.get('lighthouse.pools.mobile.tbt.ms')).toEqual(['120', 'ms']);
    expect(f.get('lighthouse.pools.mobile.cls')).toEqual(['0.000', '']);
    expect(f.get('lighthouse.pools.mobile.shifts')?.[0]).toBe('#2 div.table=0.190');

    const b = byName(budgets);
    expect(b.get('lighthouse.pools.mobile')?.[0]).toBe(true);
    expect(b.get('lighthouse.pools.mobile.cls')).toEqual([true, '0.000 = 0.00, worst run 0.190']);
    expect(b.get('app.lcp.pools.mobile')?.[0]).toBe(true);
    expect(b.get('lighthouse.pools.mobile.tbt')?.[0]).toBe(true);
  });

  it('holds desktop to 98 and has no LCP or TBT budget there', () => {
    const { budgets } = lighthouseReport('simulator', 'desktop', [run(97, 900, 0, 0.01)]);
    const b = byName(budgets);
    expect(b.get('lighthouse.simulator.desktop')).toEqual([false, '97/100 ≥ 98/95, median of 1']);
    expect(b.get('lighthouse.simulator.desktop.cls')?.[0]).toBe(false);
    expect(b.has('app.lcp.simulator.desktop')).toBe(false);
  });

  it('runs five times unless LIGHTHOUSE_RUNS says otherwise', () => {
    expect(lighthouseRunCount({})).toBe(5);
    expect(lighthouseRunCount({ LIGHTHOUSE_RUNS: '1' })).toBe(1);
    expect(lighthouseRunCount({ LIGHTHOUSE_RUNS: 'x' })).toBe(5);
  });
});
