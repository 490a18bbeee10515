/**
 * A late pool's upkeep run by the user from the pool's page (docs/protocol.md, "Pool health"), on the journeys'
 * stage: nobody upkeeps, the health says late and offers "Run upkeep" with its reward and gas; on a phone the
 * same section fits and asks for a wallet; the user runs it, the toast confirms and the health says on time.
 * Screenshots of the section go to tests/e2e/screenshots/health-*.png.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { openConnectModal, SCREENSHOTS, type Stage, toastOf, tokenBalance } from './harness.ts';
import { openPhone, visit } from './phone.ts';

const TIMEOUT = 20_000;

export interface JourneyHelpers {
  /** The connected test wallet's address. */
  user: `0x${string}`;
  /** Opens a page of the app and waits for its heading. */
  go: (hash: string) => Promise<void>;
  /** Dismisses the toasts of earlier transactions. */
  clearToasts: () => Promise<void>;
}

export async function selfUpkeepJourney(stage: Stage, { user, go, clearToasts }: JourneyHelpers) {
  const page = stage.page;
  const pool = stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  await go(`#/pool?address=${pool.address}`);
  // Connected by the first journey; run alone (`-t`), connect here.
  const account = page.getByRole('button', { name: /Connect Wallet|0x/ }).first();
  await account.waitFor({ timeout: TIMEOUT });
  if ((await account.textContent())?.includes('Connect Wallet')) {
    await (await openConnectModal(page)).getByText('E2E Test Wallet').first().click();
    await page.getByRole('button', { name: /0x/ }).first().waitFor({ timeout: TIMEOUT });
  }
  // Nobody upkeeps: the chain's clock passes the interval and a whole interval more.
  await stage.clients.test.increaseTime({ seconds: 2 * stage.config.updateIntervalSeconds + 5 });
  await stage.clients.test.mine({ blocks: 1 });
  const badge = page.locator('main [data-health]').first();
  await expect.poll(() => badge.textContent(), { timeout: TIMEOUT }).toMatch(/^Late \d+ intervals?$/);
  const card = page.locator('section', { has: page.getByRole('heading', { name: /^Health/ }) });
  const run = card.getByRole('button', { name: 'Run upkeep' });
  await expect.poll(() => run.isEnabled(), { timeout: TIMEOUT }).toBe(true);
  await card.getByText(/ETH \(\d[\d,]* gas\)/).waitFor({ timeout: TIMEOUT });
  await card.screenshot({ path: join(SCREENSHOTS, 'health-due-desktop.png') });

  // The same section on a phone, as someone without a wallet sees it: nothing sideways, 44 px targets.
  const phone = await openPhone(stage);
  try {
    await visit(stage, phone.page, `#/pool?address=${pool.address}`, pool.name);
    const phoneCard = phone.page.locator('section', {
      has: phone.page.getByRole('heading', { name: /^Health/ }),
    });
    await phoneCard.getByText('Connect a wallet to run this upkeep.').waitFor({ timeout: TIMEOUT });
    await phoneCard.screenshot({ path: join(SCREENSHOTS, 'health-due-phone.png') });
    // The pools list's cards carry the same badge.
    await visit(stage, phone.page, '#/pools', 'Pools');
    await phone.page
      .getByText(/^Late \d+ intervals?$/)
      .first()
      .waitFor({ timeout: TIMEOUT });
    await phone.page.screenshot({ path: join(SCREENSHOTS, 'health-pools-phone.png') });
  } finally {
    await phone.context.close();
  }

  const settlementBefore = await tokenBalance(stage, pool.settlementToken, user);
  await clearToasts();
  await run.click();
  await toastOf(page, /Upkeep 3-BTC\/USD\+gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
  await expect.poll(() => badge.textContent(), { timeout: TIMEOUT }).toBe('Healthy');
  await card.getByText('on time').waitFor({ timeout: TIMEOUT });
  expect(await run.count()).toBe(0);
  // The keeper reward came to the user's wallet; the gas of a self-run upkeep, for the record.
  expect(await tokenBalance(stage, pool.settlementToken, user)).toBeGreaterThan(settlementBefore);
  const block = await stage.clients.public.getBlock({ includeTransactions: true });
  const upkeep = block.transactions.find((t) => t.from.toLowerCase() === user.toLowerCase());
  if (upkeep) {
    const receipt = await stage.clients.public.getTransactionReceipt({ hash: upkeep.hash });
    console.info(`self-run upkeep of ${pool.name}: ${receipt.gasUsed} gas`);
  }
  await card.screenshot({ path: join(SCREENSHOTS, 'health-upkept-desktop.png') });
  // In the list, this pool is healthy again while the others are still late.
  await go('#/pools');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: pool.name }) });
  await expect.poll(() => row.locator('[data-health]').textContent(), { timeout: TIMEOUT }).toBe('Healthy');
  await stage.screenshot('health-pools-desktop');
}
