/**
 * `npm run bench`: every speed and size figure in one run, each on its own line as `name: value unit`, then
 * each budget with its verdict. Figures only: nothing here fails a build.
 */
import { spawnSync } from 'node:child_process';
import { startAppStage } from '../devnet/lib/stage.ts';
import { measureAppSize } from './appSize.ts';
import { measureInBrowser } from './browser.ts';
import { lighthouseScores } from './lighthouse.ts';

const lines: string[] = [];
const budgets: string[] = [];
const figure = (name: string, value: number | string, unit: string) => {
  const line = `${name}: ${value} ${unit}`.trimEnd();
  lines.push(line);
  console.log(line);
};
const budget = (name: string, met: boolean, detail: string) =>
  budgets.push(`budget.${name}: ${met ? 'met' : 'missed'} (${detail})`);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const stage = await startAppStage();
try {
  const size = measureAppSize(stage.outDir);
  figure('app.js.initial.gzip', kb(size.initialGzipBytes), 'KB');
  figure('app.js.initial.files', size.initialFiles.length, 'files');
  figure('app.js.total.gzip', kb(size.totalGzipBytes), 'KB');
  figure('app.js.total.files', size.totalFiles, 'files');
  budget(
    'app.js.initial.gzip',
    size.initialGzipBytes <= 207 * 1024,
    `${kb(size.initialGzipBytes)} KB ≤ 207 KB`,
  );

  const browser = await measureInBrowser(stage);
  figure('app.firstPoolRow.median', median(browser.firstRowMs).toFixed(0), 'ms');
  // The shell paints on the initial JS; the first pool row also needs viem and the pools page.
  figure('app.js.firstPoolRow.gzip', kb(browser.firstRowJsGzipBytes), 'KB');
  figure('app.firstPoolRow.runs', browser.firstRowMs.map((x) => x.toFixed(0)).join(','), 'ms');
  figure('app.ethCallsPerRefresh', browser.ethCallsPerRefresh.toFixed(2), 'calls');
  figure('app.refreshesObserved', browser.refreshes, 'refreshes');
  budget(
    'app.ethCallsPerRefresh',
    browser.ethCallsPerRefresh <= 1,
    `${browser.ethCallsPerRefresh.toFixed(2)} ≤ 1`,
  );

  for (const [page, hash] of [
    ['pools', '#/pools'],
    ['simulator', '#/simulator'],
  ] as const) {
    for (const formFactor of ['desktop', 'mobile'] as const) {
      const scores = await lighthouseScores(`${stage.baseUrl}${hash}`, formFactor);
      const name = `lighthouse.${page}.${formFactor}`;
      figure(`${name}.performance`, scores.performance, 'score');
      figure(`${name}.accessibility`, scores.accessibility, 'score');
      if (scores.failedAudits.length)
        figure(`${name}.accessibility.failing`, scores.failedAudits.join(','), '');
      const met = scores.performance >= 95 && scores.accessibility >= 95;
      budget(name, met, `${scores.performance}/${scores.accessibility} ≥ 95/95`);
    }
  }
} finally {
  await stage.close();
}

// The engine's, the simulator's, the RPC and the history benches (the last two under the Arbitrum profile).
for (const script of ['bench/engine/run.ts', 'bench/simulator/run.ts', 'bench/rpc.ts', 'bench/history.ts']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(`${script}: failed (${run.stderr.split('\n')[0]})`);
    continue;
  }
  process.stdout.write(run.stdout);
}
console.log('');
for (const line of budgets) console.log(line);
