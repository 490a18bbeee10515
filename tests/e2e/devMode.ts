/**
 * The app as `npm start` serves it: Vite's dev server with React's development build, which reports what the
 * production build keeps quiet about (a state update during another component's render, hooks called out of
 * order). Run on the journeys' stage (its chain, deployment file and indexer), with a wallet connected, over
 * the main pages; any console error fails the test (harness.ts `watchConsole`). No second chain or build:
 * the dev server transforms only what the pages load.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createServer } from 'vite';
import { freePort } from '../../devnet/lib/node.ts';
import { openBrowser, openConnectModal, type Stage } from './harness.ts';
import { testWalletScript } from './testWallet.ts';

const TIMEOUT = 60_000;

export async function devModeJourney(stage: Stage, account: `0x${string}`) {
  const pool = stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  // The stage has already pointed the app's devnet settings (VITE_DEVNET_*, DEVNET_DEPLOYMENT_FILE) at its
  // chain and indexer; the dev server reads them as the preview did.
  const port = await freePort();
  const server = await createServer({
    logLevel: 'warn',
    // Its own dependency cache in the stage's scratch folder: every run starts from the same cold cache,
    // whatever an earlier `npm start` left in node_modules/.vite.
    cacheDir: join(stage.workDir, 'vite-dev-cache'),
    server: { port, host: '127.0.0.1', strictPort: true },
  });
  await server.listen();
  const browser = await openBrowser(stage, 'dev-profile');
  try {
    await browser.context.addInitScript(
      testWalletScript({ rpcUrl: stage.rpcUrl, address: account, chainId: '0x7a69' }),
    );
    const base = `http://127.0.0.1:${port}/`;
    const page = browser.page;
    // Each page loaded afresh, as from a bookmark: the wallet reconnects on each.
    const open = async (hash: string, last?: (page: Page) => Promise<void>) => {
      await page.goto('about:blank');
      await page.goto(`${base}${hash}`);
      await page.locator('main h1').waitFor({ timeout: TIMEOUT });
      await last?.(page);
      await page.waitForLoadState('networkidle');
    };
    await open('#/pools', async () => {
      const dialog = await openConnectModal(page);
      await dialog.getByText('E2E Test Wallet').first().click();
      await page.getByRole('button', { name: /0x/ }).first().waitFor({ timeout: TIMEOUT });
    });
    await open(`#/pool?address=${pool.address}`, (p) =>
      p.locator('figure').first().waitFor({ timeout: TIMEOUT }),
    );
    await open(`#/trade?pool=${pool.address}&side=long&action=mint`, (p) =>
      p.getByLabel(/^Amount/).waitFor({ timeout: TIMEOUT }),
    );
    await open('#/portfolio', (p) => p.getByTestId('history-source').first().waitFor({ timeout: TIMEOUT }));
    await open('#/simulator', (p) => p.getByText('Show as a table').first().waitFor({ timeout: TIMEOUT }));
  } finally {
    await browser.context.close();
    await server.close();
  }
}
