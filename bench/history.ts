/**
 * `npm run bench:history`: the first pool history and the first portfolio history a fresh browser reads,
 * under the Arbitrum profile at real age (the chain at block 400,000,000, the factory's history said to start
 * at 13,387,522, the provider-like proxy), with the history indexer and without it. Requests are the page's
 * history requests to the RPC and the indexer together: the indexer's routes, `eth_getLogs`, and the
 * `eth_getBlockByNumber` that names the chain; the one `eth_call` that reads the executed intervals' token
 * prices, where the browser makes it (the indexer's ledger route reads them itself), is counted apart, except
 * in `ledger.portfolio.first.*`: the activity, profit split and fees on screen, which count it with the
 * history's requests. Seconds run from the page's first history
 * request to the history on screen. Then the indexer's catch-up and memory, and the log scan of a pool the
 * configuration does not list (found from the factory's block): the time left it shows after a minute. Last,
 * the portfolio's first read without the indexer behind a hostile endpoint (a 2,000-block log cap, 60% of
 * requests answered 429, 100–800 ms added to each): how long until the history is on screen, and how many
 * history requests it took. `HISTORY_BENCH=hostile` measures only that, `HISTORY_BENCH=ledger` only the reads
 * with the indexer.
 * One figure a line; figures only, nothing fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { toFunctionSelector } from 'viem';
import { ARBITRUM_PROFILE } from '../devnet/lib/profile.ts';
import { type AppStage, startAppStage } from '../devnet/lib/stage.ts';
import { connect, countCalls, newContext } from './browserKit.ts';

const MINUTE = 60_000;
const figure = (name: string, value: number | string, unit: string) =>
  console.log(`${name}: ${value} ${unit}`.trimEnd());

/**
 * The portfolio history's one multicall (src/chain/history/userHistory.ts): the only one that asks both the minting
 * fee and the stored burn fees (the positions' reads ask the first, the pending settlement's the second).
 */
const HISTORY_MULTICALL = ['getMintingFee()', 'burnFeeHistory(uint256)'].map((f) =>
  toFunctionSelector(f).slice(2),
);

/** The page's history requests, and when the first one left. */
function historyRequests(page: Page, stage: AppStage) {
  const rpc = countCalls(page, stage.rpcUrl);
  let indexer = 0;
  let prices = 0;
  let first: number | undefined;
  const indexerUrl = stage.indexer?.url;
  page.on('request', (request) => {
    const url = request.url();
    const isIndexer = indexerUrl !== undefined && url.startsWith(indexerUrl);
    const body = request.postData() ?? '';
    const isHistoryRpc = url.startsWith(stage.rpcUrl) && /eth_getLogs|eth_getBlockByNumber/.test(body);
    if (isIndexer) indexer += 1;
    if (url.startsWith(stage.rpcUrl) && HISTORY_MULTICALL.every((selector) => body.includes(selector)))
      prices += 1;
    if ((isIndexer || isHistoryRpc) && first === undefined) first = performance.now();
  });
  return {
    requests: () => indexer + rpc.of('eth_getLogs', 'eth_getBlockByNumber'),
    /** The history's requests and the `eth_call`s that read its intervals' prices: all the ledger waits for. */
    ledgerRequests: () => indexer + rpc.of('eth_getLogs', 'eth_getBlockByNumber') + prices,
    detail: () => `indexer=${indexer},priceReads=${prices},${rpc.detail()}`,
    secondsSinceFirst: () => (first === undefined ? Number.NaN : (performance.now() - first) / 1000),
  };
}

/**
 * Waits until the indexer has indexed the chain's head, where it stays once live: Ponder ends its backfill at
 * a block it deems final, some seconds behind, and catches up from there. What the app reads past the
 * indexer's head it reads from the chain's own logs, which the detail lines show.
 */
async function indexerLive(stage: AppStage) {
  const indexer = stage.indexer!;
  await indexer.waitForBlock(await stage.clients.public.getBlockNumber({ cacheTime: 0 }), 5 * MINUTE);
}

/** The portfolio's first history read with no indexer, behind an endpoint that refuses most of what it is asked. */
async function measureHostile(stage: AppStage) {
  // The deployment as launched (every pool's deploy block listed), without the indexer.
  const { indexerUrl: _url, ...withoutIndexer } = stage.deployment;
  writeFileSync(stage.deploymentFile, JSON.stringify(withoutIndexer));
  stage.proxy?.setFaults({ maxLogRange: 2_000, rateLimitShare: 0.6, latencyMs: [100, 800] });
  const holder = await newContext(stage, 'hostile-portfolio', true);
  try {
    const wallet = holder.pages()[0] ?? (await holder.newPage());
    const mine = historyRequests(wallet, stage);
    await wallet.goto(`${stage.baseUrl}#/portfolio`);
    await wallet.locator('main h1').waitFor({ timeout: 2 * MINUTE });
    await connect(wallet);
    await wallet.getByTestId('history-source').waitFor({ timeout: 30 * MINUTE });
    figure('history.portfolio.hostile.seconds', mine.secondsSinceFirst().toFixed(1), 's');
    figure('history.portfolio.hostile.requests', mine.requests(), 'requests');
    console.log(`  (${mine.detail()}; ${stage.proxy?.stats.rangeRefusals ?? '?'} range refusals in all)`);
  } finally {
    await holder.close();
  }
}

async function measure(stage: AppStage, prefix: string, run: number) {
  if (prefix === 'history.indexer') await indexerLive(stage);
  const pool = stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  const browse = await newContext(stage, `${prefix}-pool-${run}`, false);
  const page = browse.pages()[0] ?? (await browse.newPage());
  const seen = historyRequests(page, stage);
  await page.goto(`${stage.baseUrl}#/pool?address=${pool.address}`);
  await page.getByTestId('history-source').waitFor({ timeout: 10 * MINUTE });
  const poolSeconds = seen.secondsSinceFirst();
  figure(`${prefix}.pool.first.requests`, seen.requests(), 'requests');
  figure(`${prefix}.pool.first.seconds`, poolSeconds.toFixed(2), 's');
  console.log(`  (${seen.detail()}; ${await page.getByTestId('history-source').textContent()})`);
  await browse.close();

  const holder = await newContext(stage, `${prefix}-portfolio-${run}`, true);
  const wallet = holder.pages()[0] ?? (await holder.newPage());
  if (prefix === 'history.indexer') await indexerLive(stage);
  await wallet.goto(`${stage.baseUrl}#/portfolio`);
  await wallet.locator('main h1').waitFor({ timeout: MINUTE });
  const mine = historyRequests(wallet, stage);
  await connect(wallet);
  await wallet.getByTestId('history-source').waitFor({ timeout: 10 * MINUTE });
  figure(`${prefix}.portfolio.first.requests`, mine.requests(), 'requests');
  figure(`${prefix}.portfolio.first.seconds`, mine.secondsSinceFirst().toFixed(2), 's');
  console.log(`  (${mine.detail()}; ${await wallet.getByTestId('history-source').textContent()})`);
  if (prefix === 'history.indexer') {
    // The ledger: the activity, the profit split and the fees, which need the indexer's upkeep steps.
    await wallet
      .locator('[data-testid^="profit-total-"]')
      .first()
      .waitFor({ timeout: 10 * MINUTE });
    figure('ledger.portfolio.first.requests', mine.ledgerRequests(), 'requests');
    figure('ledger.portfolio.first.seconds', mine.secondsSinceFirst().toFixed(2), 's');
  }
  await holder.close();
}

const only = process.env.HISTORY_BENCH;
const stage = await startAppStage({ profile: ARBITRUM_PROFILE, indexer: only !== 'hostile' });
try {
  if (only === 'ledger') await measureWithIndexer(stage);
  else {
    if (only !== 'hostile') await measureAll(stage);
    await measureHostile(stage);
  }
} finally {
  await stage.close();
}

/** The indexer's catch-up and memory, then the first pool and portfolio reads with it (and the ledger's). */
async function measureWithIndexer(stage: AppStage) {
  const indexer = stage.indexer!;
  const head = await stage.clients.public.getBlockNumber();
  await indexer.waitForBlock(head, 15 * MINUTE);
  figure('indexer.catchup.seconds', ((performance.now() - indexer.startedAt) / 1000).toFixed(1), 's');
  figure('indexer.rss.mb', (indexer.memory()?.rssMiB ?? Number.NaN).toFixed(0), 'MB');
  figure('indexer.rss.peak.mb', (indexer.memory()?.peakMiB ?? Number.NaN).toFixed(0), 'MB');
  await measure(stage, 'history.indexer', 1);
}

async function measureAll(stage: AppStage) {
  await measureWithIndexer(stage);

  // The same chain without the indexer: the deployment the app reads at run time no longer names it.
  const deployment = JSON.parse(readFileSync(stage.deploymentFile, 'utf8')) as Record<string, unknown>;
  const { indexerUrl: _indexerUrl, ...withoutIndexer } = deployment;
  writeFileSync(stage.deploymentFile, JSON.stringify(withoutIndexer));
  await measure(stage, 'history.logscan', 1);

  // A pool the configuration does not list: its deploy block is looked for from the factory's.
  const pools = (withoutIndexer.pools as Record<string, unknown>[]).map(({ deployBlock: _block, ...p }) => p);
  writeFileSync(stage.deploymentFile, JSON.stringify({ ...withoutIndexer, pools }));
  const pool = stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  const browse = await newContext(stage, 'unlisted', false);
  const page = browse.pages()[0] ?? (await browse.newPage());
  const seen = historyRequests(page, stage);
  await page.goto(`${stage.baseUrl}#/pool?address=${pool.address}`);
  await page.locator('[role="progressbar"]').first().waitFor({ timeout: MINUTE });
  await page.waitForTimeout(MINUTE);
  const progress = (await page.locator('[role="progressbar"]').first().locator('..').textContent()) ?? '';
  figure('history.logscan.unlisted.pool.requestsInFirstMinute', seen.requests(), 'requests');
  figure('history.logscan.unlisted.pool.timeLeftShownAfter60s', JSON.stringify(progress.trim()), '');
  await browse.close();
}
