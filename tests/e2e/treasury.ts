/**
 * The treasury page in Chromium (docs/treasury.md): the test wallet connected as the devnet treasury (dev
 * account 1, which the node holds unlocked) launches a 2x ETH/USD+gOHM pool step by step, and the pool then
 * shows in the pools list as an Olympus pool. The treasury then mints in it, runs its late upkeep from the
 * pool's page, and claims. The page is also opened on a 390 × 844 touch screen, filled from
 * a link, and checked for sideways scrolling and small targets. Run on the journeys' stage.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { getAddress } from 'viem';
import { expect } from 'vitest';
import { leveragedPoolAbi, poolFactoryAbi } from '../../contracts-abi/generated/index.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { openBrowser, SCREENSHOTS, type Stage, toastOf, tokenBalance } from './harness.ts';
import { openPhone, visit } from './phone.ts';
import { testWalletScript } from './testWallet.ts';

const TIMEOUT = 20_000;
const POOL = '2-ETH/USD+gOHM';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

export async function treasuryJourney(stage: Stage): Promise<void> {
  const treasury = devAccount(ROLE_INDEX.treasury).address;
  expect(treasury).toBe(stage.deployment.roles.treasury);
  const ethUsd = stage.deployment.feeds.find((f) => f.pair === 'ETH/USD')!.feed;
  const { context, page, csp } = await openBrowser(stage, 'treasury-profile');
  try {
    await context.addInitScript(
      testWalletScript({ rpcUrl: stage.rpcUrl, address: treasury, chainId: '0x7a69' }),
    );
    const toast = (text: RegExp | string) => toastOf(page, text);
    await page.goto(`${stage.baseUrl}#/treasury`);
    await page.getByRole('heading', { level: 1, name: 'Treasury' }).waitFor({ timeout: TIMEOUT });
    // The page's own button opens the wallet modal.
    await page.getByRole('button', { name: 'Connect wallet', exact: true }).click();
    await page.getByText('E2E Test Wallet').first().click();
    await page.getByRole('button', { name: /0x/ }).first().waitFor({ timeout: TIMEOUT });

    // A 2x ETH/USD pool in gOHM; the settlement/ETH feed and the intervals come prefilled from the devnet.
    // The form lists feeds by their checksummed address, as every address enters the app.
    await page
      .getByLabel('Market price feed (Chainlink-style, priced in USD)')
      .selectOption(getAddress(ethUsd));
    await page.getByLabel('Leverage').fill('2');
    await page.getByLabel('gOHM', { exact: true }).check({ force: true });
    await page.locator('[data-pool-name]').filter({ hasText: POOL }).waitFor({ timeout: TIMEOUT });
    await page
      .getByText(/ETH\/USD.*· 8 decimals · latest 3,?400/)
      .first()
      .waitFor({ timeout: TIMEOUT });
    const predicted = await page.locator('[data-address="pool address"]').textContent();
    expect(predicted).toMatch(/^0x[0-9a-fA-F]{40}$/);
    // Connected as the treasury, the page does not warn that the pool would go unlisted.
    expect(await page.getByText(/not the Olympus treasury/).count()).toBe(0);
    await shot(page, 'treasury-1-form');

    for (const [n, label] of [
      [1, 'Deploy the ETH/USD oracle wrapper'],
      [2, 'Deploy the ETH/gOHM oracle wrapper'],
      [3, `Deploy ${POOL}`],
    ] as const) {
      await page.getByRole('button', { name: `Send step ${n} of 3: ${label}` }).click();
      await toast(`${label}: confirmed`).waitFor({ timeout: TIMEOUT });
    }
    await page.getByText(`Launched: the pool is live at ${predicted}.`).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-status="Done"]').count()).toBe(3);
    await shot(page, 'treasury-2-launched');

    const pool = predicted as `0x${string}`;
    const read = stage.clients.public;
    expect(
      await read.readContract({
        address: stage.deployment.contracts.factory,
        abi: poolFactoryAbi,
        functionName: 'isValidPool',
        args: [pool],
      }),
    ).toBe(true);
    expect(
      await read.readContract({ address: pool, abi: leveragedPoolAbi, functionName: 'secondaryFeeAddress' }),
    ).toBe(treasury);

    // The pools list finds it through the factory and lists it as an Olympus pool.
    await page.getByRole('link', { name: 'pools list' }).click();
    await page.getByRole('link', { name: POOL }).first().waitFor({ timeout: TIMEOUT });
    await shot(page, 'treasury-3-pools');

    // Trade in it: mint, let the interval pass with no keeper, upkeep it from its page, claim.
    const longToken = await read.readContract({
      address: pool,
      abi: leveragedPoolAbi,
      functionName: 'tokens',
      args: [0n],
    });
    await page.goto(`${stage.baseUrl}#/trade?pool=${pool}&side=long&action=mint`);
    await page.getByLabel(/^Amount/).fill('1');
    await page.getByRole('button', { name: 'Approve gOHM' }).click();
    await toast('Approve 1 gOHM: confirmed').waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Mint long' }).click();
    await toast(/Mint long 1 gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
    await stage.clients.test.increaseTime({ seconds: stage.config.updateIntervalSeconds + 1 });
    await stage.clients.test.mine({ blocks: 1 });
    await page.goto(`${stage.baseUrl}#/pool?address=${pool}`);
    const run = page.getByRole('button', { name: 'Run upkeep' });
    await expect.poll(() => run.isEnabled(), { timeout: TIMEOUT }).toBe(true);
    await run.click();
    await toast(`Upkeep ${POOL}: confirmed`).waitFor({ timeout: TIMEOUT });
    await page.goto(`${stage.baseUrl}#/trade?pool=${pool}`);
    const claim = page.getByRole('button', { name: 'Claim', exact: true });
    await claim.waitFor({ timeout: TIMEOUT });
    await claim.click();
    await toast(`Claim ${POOL}: confirmed`).waitFor({ timeout: TIMEOUT });
    await expect
      .poll(() => tokenBalance(stage, longToken, treasury), { timeout: TIMEOUT })
      .toBeGreaterThan(0n);
    await shot(page, 'treasury-5-claimed');
  } finally {
    await context.close();
  }
  expect(csp).toEqual([]);

  // On a phone, filled from a link: one column, nothing wider than the screen, every control big enough.
  const phone = await openPhone(stage);
  try {
    await visit(stage, phone.page, `#/treasury?feed=${ethUsd}&leverage=3`, 'Treasury');
    await phone.page.locator('[data-pool-name]').filter({ hasText: '3-ETH/USD+gOHM' }).waitFor();
    await shot(phone.page, 'treasury-4-phone');
    expect(phone.csp).toEqual([]);
  } finally {
    await phone.context.close();
  }
}
