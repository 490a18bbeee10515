/**
 * Figures taken in a real Chromium against the devnet: time to the first pool row, the long main-thread tasks
 * before it, eth_calls per refresh.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Response } from 'playwright-core';
import { testChainlinkOracleAbi } from '../contracts-abi/generated/index.ts';
import { FEED_DECIMALS } from '../devnet/config.ts';
import { write } from '../devnet/lib/clients.ts';
import { type AppStage, CHROMIUM, CHROMIUM_FLAGS } from '../devnet/lib/stage.ts';
import { FIRST_ROW, type FirstRowWatch, firstRowWatch, readFirstRowWatch } from './firstRowWatch.ts';

export interface BrowserFigures {
  firstRowMs: number[];
  /** Per run, the main-thread tasks over 50 ms that started before the first pool row was put on the page. */
  longTasks: FirstRowWatch[];
  /** The same under a 4× CPU slowdown, as Lighthouse's mobile preset applies, with its time to the first row. */
  longTasksCpu4x: FirstRowWatch[];
  /** JavaScript fetched before the first pool row showed (gzip level 9 of each script), bytes. */
  firstRowJsGzipBytes: number;
  ethCallsPerRefresh: number;
  refreshes: number;
  ethCalls: number;
}

export async function measureInBrowser(stage: AppStage, runs = 3): Promise<BrowserFigures> {
  const context = await chromium.launchPersistentContext(join(stage.workDir, 'bench-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  // Injected over CDP before the page's own scripts, so the production CSP does not apply to it.
  await context.addInitScript(firstRowWatch, FIRST_ROW);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const firstRowMs: number[] = [];
    const longTasks: FirstRowWatch[] = [];
    // The scripts the first view needed: the first run, with an empty cache, until its first row.
    const scripts = new Map<string, Promise<number>>();
    const countScript = (response: Response) => {
      if (response.request().resourceType() === 'script' && !scripts.has(response.url()))
        scripts.set(
          response.url(),
          response.body().then(
            (body) => gzipSync(body, { level: 9 }).length,
            () => 0,
          ),
        );
    };
    page.on('response', countScript);
    let firstRowJsGzipBytes = 0;
    for (let i = 0; i < runs; i++) {
      await page.goto(`${stage.baseUrl}#/pools?run=${i}`, { waitUntil: 'commit' });
      // A row with a figure in it, not a skeleton: measured from the navigation's start in the page's own clock.
      await page.waitForSelector(FIRST_ROW, { timeout: 60_000 });
      firstRowMs.push(await page.evaluate(() => performance.now()));
      longTasks.push(await readFirstRowWatch(page));
      if (i === 0) {
        page.off('response', countScript);
        firstRowJsGzipBytes = (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0);
      }
      await page.goto('about:blank');
    }

    // Again with the CPU slowed 4×: the blocking Lighthouse's mobile score counts. The cache is warm by now.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const longTasksCpu4x: FirstRowWatch[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${stage.baseUrl}#/pools?slow=${i}`, { waitUntil: 'commit' });
      await page.waitForSelector(FIRST_ROW, { timeout: 120_000 });
      longTasksCpu4x.push(await readFirstRowWatch(page));
      await page.goto('about:blank');
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();

    // Count the node's eth_calls while new blocks arrive, one a second from the price feeder.
    const rpc = stage.rpcUrl;
    let ethCalls = 0;
    page.on('request', (request) => {
      if (!request.url().startsWith(rpc) || request.method() !== 'POST') return;
      const body = JSON.parse(request.postData() ?? '{}') as { method?: string } | Array<{ method?: string }>;
      for (const call of Array.isArray(body) ? body : [body]) if (call.method === 'eth_call') ethCalls += 1;
    });
    await page.goto(`${stage.baseUrl}#/pools`);
    await page.waitForSelector(FIRST_ROW, { timeout: 60_000 });
    const feed = stage.deployment.feeds.find((f) => f.pair === 'BTC/USD')!.feed;
    const blockText = () => page.locator('text=/Live, block \\d+/').textContent();
    const seen = new Set<string>();
    ethCalls = 0;
    const start = await blockText();
    for (let i = 0; i < 10; i++) {
      await write(stage.clients, stage.deployment.roles.priceFeeder, {
        address: feed,
        abi: testChainlinkOracleAbi,
        functionName: 'setPrice',
        args: [BigInt(96_000 + i) * 10n ** BigInt(FEED_DECIMALS)],
      });
      await page.waitForTimeout(1000);
      const text = await blockText();
      if (text && text !== start) seen.add(text);
    }
    const refreshes = seen.size;
    return {
      firstRowMs,
      longTasks,
      longTasksCpu4x,
      firstRowJsGzipBytes,
      ethCalls,
      refreshes,
      ethCallsPerRefresh: refreshes ? ethCalls / refreshes : Number.NaN,
    };
  } finally {
    await context.close();
  }
}
