/**
 * History from the indexer, then without it, on the journeys' stage (which runs the indexer beside the chain,
 * as `npm start` does): the pool page and the portfolio say they were served by the indexer and ask it, not
 * the chain's logs; with the indexer stopped, a reload reads the same history from the chain's own logs and
 * says why. Before it stops, the protocol page shows the pools' days and the treasury's total from it.
 * Screenshots go to tests/e2e/screenshots/indexer-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOTS, type Stage } from './harness.ts';
import { expectSplitNotComputed } from './ledgerJourney.ts';

const TIMEOUT = 60_000;

export async function indexerJourney(stage: Stage, page: Page) {
  const indexer = stage.indexer;
  if (!indexer) throw new Error('the indexer journey needs the stage’s indexer');
  const pool = stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  await indexer.waitForBlock(await stage.clients.public.getBlockNumber(), 120_000);
  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `indexer-${name}.png`), fullPage: true });
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(indexer.url)) asked.push(new URL(url).pathname);
    else if (url.startsWith(stage.rpcUrl) && /eth_getLogs/.test(request.postData() ?? ''))
      asked.push('eth_getLogs');
  });
  const note = page.getByTestId('history-source');

  await page.goto(`${stage.baseUrl}#/pool?address=${pool.address}`);
  await expect
    .poll(() => note.textContent(), { timeout: TIMEOUT })
    .toMatch(/^From the history indexer, indexed to block \d+/);
  await page.locator('figure').first().waitFor({ timeout: TIMEOUT });
  expect(asked).toContain(`/history/pool/${pool.address.toLowerCase()}`);
  await shot('pool');

  // The protocol page: the pool's days in its TVL table and the treasury's total, from the indexer.
  asked.length = 0;
  await page.goto(`${stage.baseUrl}#/protocol`);
  const poolCard = page.locator('section', {
    has: page.getByRole('heading', { name: pool.name, exact: true }),
  });
  const tvl = poolCard.locator('figure', { hasText: `TVL of ${pool.name}` });
  await tvl.getByText('Show as a table').click({ timeout: TIMEOUT });
  // The table is drawn once the toggle has opened: wait for its rows rather than count them at the click.
  await expect.poll(() => tvl.locator('table tbody tr').count(), { timeout: TIMEOUT }).toBeGreaterThan(0);
  await expect
    .poll(() => page.getByTestId('treasury-total-gOHM').textContent(), { timeout: TIMEOUT })
    .toMatch(/^\d[\d,]*(\.\d+)? gOHM$/);
  expect(asked.some((path) => path === '/history/protocol')).toBe(true);
  await shot('protocol');

  asked.length = 0;
  await page.goto(`${stage.baseUrl}#/portfolio`);
  // A fresh load: the ledger journey just read this history, and a page shown again keeps what it read.
  await page.reload();
  await expect
    .poll(() => note.textContent(), { timeout: TIMEOUT })
    .toMatch(/^From the history indexer/)
    .catch(async (error: unknown) => {
      await shot('portfolio-failed');
      throw error;
    });
  const rows = page.locator('table:has(caption:text("Your commits and transfers")) tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  const withIndexer = await rows.allTextContents();
  // The ledger route served the figures and the first page of rows in one answer.
  expect(asked.some((path) => path.startsWith('/history/ledger/'))).toBe(true);
  await shot('portfolio');

  // The indexer stops: the same history, read from the chain on a reload of the portfolio, and it says so.
  await indexer.stop();
  asked.length = 0;
  await page.reload();
  await expect
    .poll(() => note.textContent(), { timeout: TIMEOUT })
    .toBe("Read from the chain's own logs: the history indexer is not answering.");
  expect(await rows.allTextContents()).toEqual(withIndexer);
  expect(asked).toContain('eth_getLogs');
  // The profit split needs the indexer's upkeep steps: without them it says so and shows no figure.
  await expectSplitNotComputed(page);
  await shot('portfolio-no-indexer');

  await page.goto(`${stage.baseUrl}#/pool?address=${pool.address}`);
  await expect
    .poll(() => note.textContent(), { timeout: TIMEOUT })
    .toBe("Read from the chain's own logs: the history indexer is not answering.");
  await page.locator('figure').first().waitFor({ timeout: TIMEOUT });
  await shot('pool-no-indexer');
}
