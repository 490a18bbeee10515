/**
 * Lighthouse in Debian's Chromium: a page's performance and accessibility scores with the three metrics the
 * budgets name (LCP, TBT, CLS), over several runs, since one run's score moves by several points on a
 * 2-core machine.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../devnet/lib/stage.ts';

export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  failedAudits: string[];
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The element Lighthouse took for the largest paint (its CSS selector), to know what to make paint early. */
  lcpElement: string;
  /** Each layout shift's element and weighted score, `selector=0.190`: where a nonzero CLS came from. */
  shifts: string[];
}

interface NodeItem {
  type?: string;
  selector?: string;
  nodeLabel?: string;
}
interface TableLike {
  type?: string;
  items?: Array<Record<string, unknown>>;
}

const describeNode = (node: unknown): string => {
  const n = node as NodeItem | undefined;
  return n?.type === 'node' ? (n.selector ?? n.nodeLabel ?? '?') : '?';
};

/** The element table inside `largest-contentful-paint-element`'s list of tables. */
function lcpElementOf(details: unknown): string {
  const list = details as TableLike | undefined;
  for (const table of (list?.items ?? []) as TableLike[])
    for (const row of table.items ?? []) if ('node' in row) return describeNode(row.node);
  // Lighthouse names no element when it cannot find the one painted largest after the load, e.g. a
  // skeleton the data replaced.
  return 'unresolved';
}

function shiftsOf(details: unknown): string[] {
  const table = details as TableLike | undefined;
  return (table?.items ?? []).map((row) => `${describeNode(row.node)}=${Number(row.score ?? 0).toFixed(3)}`);
}

/**
 * `mobile` is Lighthouse's default (a mid-range phone on slow 4G, CPU slowed 4×); `desktop` its desktop
 * preset, closer to where a trading table like this one is used. A fresh Chromium (and so an empty cache)
 * for each run.
 */
export async function lighthouseRun(url: string, formFactor: FormFactor): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const failedAudits = (categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
    const metric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
      failedAudits,
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      lcpElement: lcpElementOf(audits['largest-contentful-paint-element']?.details),
      shifts: shiftsOf(audits['layout-shifts']?.details),
    };
  } finally {
    chrome.kill();
  }
}

export async function lighthouseRuns(url: string, formFactor: FormFactor, runs: number) {
  const all: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouseRun(url, formFactor));
  return all;
}
