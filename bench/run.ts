/**
 * `npm run bench`: every speed and size figure in one run, each on its own line as `name: value unit`, then
 * each budget with its verdict. Figures only: nothing here fails a build. `docs/bench.md` describes them.
 *
 * `--app <dir>` builds and measures another checkout of the app (e.g. the previous version, for a
 * before/after comparison); `LIGHTHOUSE_RUNS` sets the Lighthouse runs per page and form factor (default 5).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startAppStage } from '../devnet/lib/stage.ts';
import { measureAppSize } from './appSize.ts';
import { measureInBrowser } from './browser.ts';
import { lighthouseRuns } from './lighthouse.ts';
import { lighthouseReport, lighthouseRunCount, median } from './lighthouseReport.ts';
import { buildWithWalletConnect, measureWalletModal, walletModalFigures } from './walletModal.ts';

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
// What the first page load fetches, gzip: the entry and its preloads.
const INITIAL_JS_KB = 110;

const appArg = process.argv.indexOf('--app');
const appRoot = appArg > 0 ? resolve(process.argv[appArg + 1] ?? '.') : undefined;

const stage = await startAppStage(appRoot ? { appRoot } : {});
try {
  const size = measureAppSize(stage.outDir);
  figure('app.js.initial.gzip', kb(size.initialGzipBytes), 'KB');
  figure('app.js.initial.files', size.initialFiles.length, 'files');
  figure('app.js.total.gzip', kb(size.totalGzipBytes), 'KB');
  figure('app.js.total.files', size.totalFiles, 'files');
  budget(
    'app.js.initial.gzip',
    size.initialGzipBytes <= INITIAL_JS_KB * 1024,
    `${kb(size.initialGzipBytes)} KB ≤ ${INITIAL_JS_KB} KB`,
  );

  const browser = await measureInBrowser(stage);
  figure('app.firstPoolRow.median', median(browser.firstRowMs).toFixed(0), 'ms');
  // The shell paints on the initial JS; the first pool row also needs viem and the pools page.
  figure('app.js.firstPoolRow.gzip', kb(browser.firstRowJsGzipBytes), 'KB');
  figure('app.firstPoolRow.runs', browser.firstRowMs.map((x) => x.toFixed(0)).join(','), 'ms');
  // Main-thread tasks over 50 ms that started before the first row with data was put on the page.
  for (const [suffix, watches] of [
    ['', browser.longTasks],
    ['.cpu4x', browser.longTasksCpu4x],
  ] as const) {
    figure(`app.longTasks.beforeFirstRow${suffix}`, median(watches.map((w) => w.count)), 'tasks');
    figure(`app.longTasks.beforeFirstRow${suffix}.runs`, watches.map((w) => w.count).join(','), 'tasks');
    figure(
      `app.longTasks.beforeFirstRow${suffix}.blocking`,
      median(watches.map((w) => w.blockingMs)).toFixed(0),
      'ms',
    );
  }
  figure(
    'app.firstPoolRow.cpu4x.median',
    median(browser.longTasksCpu4x.map((w) => w.rowAtMs)).toFixed(0),
    'ms',
  );
  figure('app.ethCallsPerRefresh', browser.ethCallsPerRefresh.toFixed(2), 'calls');
  figure('app.refreshesObserved', browser.refreshes, 'refreshes');
  budget(
    'app.ethCallsPerRefresh',
    browser.ethCallsPerRefresh <= 1,
    `${browser.ethCallsPerRefresh.toFixed(2)} ≤ 1`,
  );

  const runs = lighthouseRunCount();
  for (const [page, hash] of [
    ['pools', '#/pools'],
    ['simulator', '#/simulator'],
  ] as const) {
    for (const formFactor of ['desktop', 'mobile'] as const) {
      const report = lighthouseReport(
        page,
        formFactor,
        await lighthouseRuns(`${stage.baseUrl}${hash}`, formFactor, runs),
      );
      for (const [name, value, unit] of report.figures) figure(name, value, unit);
      for (const [name, met, detail] of report.budgets) budget(name, met, detail);
    }
  }
} finally {
  await stage.close();
}

// The wallet modal with WalletConnect, in a production build of its own (a project id, no devnet).
for (const [name, value, unit] of walletModalFigures(
  await measureWalletModal(await buildWithWalletConnect()),
))
  figure(name, value, unit);

// The engine's, the simulator's, the RPC and the history benches (the last two under the Arbitrum profile).
for (const script of ['bench/engine/run.ts', 'bench/simulator/run.ts', 'bench/rpc.ts', 'bench/history.ts']) {
  // The RPC bench builds the app too: the same checkout as above.
  const app = appRoot && script === 'bench/rpc.ts' ? ['--app', appRoot] : [];
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...app], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(`${script}: failed (${run.stderr.split('\n')[0]})`);
    continue;
  }
  process.stdout.write(run.stdout);
}
console.log('');
for (const line of budgets) console.log(line);
