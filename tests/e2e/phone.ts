/**
 * The app on a phone: a 390 × 844 touch screen, the devnet's burner wallet chosen in RainbowKit's modal (no
 * test wallet injected), taps rather than clicks. Run on the journeys' stage, after them.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parseUnits } from 'viem';
import { expect } from 'vitest';
import { openBrowser, openConnectModal, SCREENSHOTS, type Stage, toastOf, tokenBalance } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const TIMEOUT = 20_000;

/** Controls a finger must hit that are smaller than 44 × 44 CSS pixels, in the header and the page. */
const SMALL_TARGETS = `[...document.querySelectorAll(
  'header button, header select, main button, main select, main input:not([type=checkbox]):not([type=radio]), main label:has(> input[type=radio])'
)]
  .filter((e) => e.getClientRects().length > 0)
  .filter((e) => { const r = e.getBoundingClientRect(); return r.height < 44 || (e.tagName === 'BUTTON' && r.width < 44); })
  .map((e) => e.outerHTML.slice(0, 120))`;

/** The outermost element reaching past the viewport's right edge, to say what scrolls sideways. */
const WIDEST = `(() => {
  const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${PHONE.width} + 1);
  const outer = over.find((e) => !over.includes(e.parentElement));
  return outer ? outer.outerHTML.slice(0, 160) : 'nothing found';
})()`;

export function openPhone(stage: Stage): Promise<{ context: BrowserContext; page: Page; csp: string[] }> {
  return openBrowser(stage, 'phone-profile', { viewport: PHONE, hasTouch: true, isMobile: true });
}

/** Opens a page and checks that nothing scrolls sideways and every control is big enough to tap. */
export async function visit(stage: Stage, page: Page, hash: string, heading: string | RegExp) {
  await page.goto(`${stage.baseUrl}${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: TIMEOUT });
  await page.waitForLoadState('networkidle');
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  const widest = scrollWidth > PHONE.width ? await page.evaluate(WIDEST) : '';
  expect(scrollWidth, `${hash} scrolls sideways (${widest})`).toBeLessThanOrEqual(PHONE.width);
  expect(await page.evaluate(SMALL_TARGETS), `${hash} has controls under 44 px`).toEqual([]);
}

export async function phoneJourney(stage: Stage, page: Page) {
  const pool = stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  const burner = stage.deployment.devAccounts[0]!;
  const toast = (text: RegExp) => toastOf(page, text);

  for (const [hash, heading] of [
    ['#/pools', 'Pools'],
    [`#/pool?address=${pool.address}`, pool.name],
    ['#/portfolio', 'Portfolio'],
    ['#/simulator', /Simulator/],
    ['#/devnet', 'Devnet'],
    [`#/trade?pool=${pool.address}&side=long&action=mint`, 'Trade'],
  ] as const)
    await visit(stage, page, hash, heading);

  // The nav fits one row: its links are behind the menu button.
  await page.getByRole('button', { name: 'Menu' }).tap();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trade' }).waitFor();
  await page.getByRole('button', { name: 'Menu' }).tap();

  // Connect the devnet's burner through RainbowKit's modal, with a tap.
  const modal = await openConnectModal(page, { tap: true });
  await modal.getByText(`${burner.label} (devnet)`).tap();
  await page
    .getByRole('button', { name: 'Approve gOHM' })
    .or(page.getByLabel(/^Amount/))
    .first()
    .waitFor();

  const before = await tokenBalance(stage, pool.settlementToken, burner.address);
  await page.getByLabel(/^Amount/).fill('0.5');
  await page.getByRole('button', { name: 'Approve gOHM' }).tap();
  await toast(/Approve 0\.5 gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
  await page.getByRole('button', { name: 'Mint long' }).tap();
  await toast(/Mint long 0\.5 gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
  // The pending commit, in one column under the form.
  await page
    .getByText(/executes in|waiting for keeper/)
    .first()
    .waitFor({ timeout: TIMEOUT });
  const after = await tokenBalance(stage, pool.settlementToken, burner.address);
  expect(before - after).toBe(parseUnits('0.5', 18));
  await page.screenshot({ path: join(SCREENSHOTS, '11-phone-pending.png'), fullPage: true });

  await stage.rebalance();
  const claim = page.getByRole('button', { name: 'Claim', exact: true });
  await claim.waitFor({ timeout: TIMEOUT });
  await claim.tap();
  await toast(/Claim 3-BTC\/USD\+gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
  await visit(stage, page, '#/portfolio', 'Portfolio');
  // Positions are cards on a phone.
  await page
    .getByRole('list', { name: 'Your positions per pool' })
    .getByRole('article', { name: pool.name })
    .waitFor({ timeout: TIMEOUT });
  expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(
    PHONE.width,
  );
  await page.screenshot({ path: join(SCREENSHOTS, '12-phone-portfolio.png'), fullPage: true });
}
