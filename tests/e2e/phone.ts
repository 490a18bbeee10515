/**
 * The app on a phone: a 390 × 844 touch screen, the devnet's burner wallet chosen in RainbowKit's modal (no
 * test wallet injected), taps rather than clicks. Run on the journeys' stage, after them.
 */
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { parseUnits } from 'viem';
import { expect } from 'vitest';
import { erc20Abi } from '../../contracts-abi/generated/index.ts';
import { write } from '../../devnet/lib/clients.ts';
import { openBrowser, openConnectModal, SCREENSHOTS, type Stage, toastOf, tokenBalance } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const TIMEOUT = 20_000;

/**
 * Whatever a finger can tap that is smaller than 44 CSS pixels tall (buttons also narrower than 44), anywhere
 * on the page: links, buttons, disclosure summaries, elements acting as buttons or tabs, selects, fields,
 * and the labels that wrap radios and checkboxes (a finger taps the label, not the little box). Not what is
 * drawn nowhere, nor the visually hidden (the 1-pixel skip link, for a keyboard), nor the corner close
 * button of a toast, which src/styles.css leaves small on purpose: the whole toast can be swiped away.
 */
const SMALL_TARGETS = `[...document.querySelectorAll(
  'a[href], button:not([data-close-button]), summary, [role=button], [role=tab], select, textarea, ' +
  'input:not([type=checkbox]):not([type=radio]):not([type=hidden]), label:has(input[type=radio]), label:has(input[type=checkbox])'
)]
  .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
  .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1; })
  .filter((e) => {
    const r = e.getBoundingClientRect();
    const button = e.tagName === 'BUTTON' || e.getAttribute('role') === 'button';
    return r.height < 44 || (button && r.width < 44);
  })
  .map((e) => { const r = e.getBoundingClientRect(); return Math.round(r.width) + ' x ' + Math.round(r.height) + ': ' + e.outerHTML.slice(0, 120); })`;

/**
 * The outermost element reaching past the viewport's right edge, to say what scrolls sideways. Fixed elements
 * are skipped: a phone's layout viewport grows with what overflows and they grow with it, so they would be
 * named instead of the element that widened the page.
 */
const WIDEST = `(() => {
  const fixed = (e) => {
    for (let n = e; n; n = n.parentElement) if (getComputedStyle(n).position === 'fixed') return true;
    return false;
  };
  const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${PHONE.width} + 1 && !fixed(e));
  const outer = over.find((e) => !over.includes(e.parentElement));
  return outer ? outer.outerHTML.slice(0, 160) : 'nothing found';
})()`;

export function openPhone(stage: Stage): Promise<{ context: BrowserContext; page: Page; csp: string[] }> {
  return openBrowser(stage, 'phone-profile', { viewport: PHONE, hasTouch: true, isMobile: true });
}

/** Checks that nothing on the page as it is now scrolls sideways and every control is big enough to tap. */
async function checkFits(page: Page, what: string) {
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  const widest = scrollWidth > PHONE.width ? await page.evaluate(WIDEST) : '';
  expect(scrollWidth, `${what} scrolls sideways (${widest})`).toBeLessThanOrEqual(PHONE.width);
  expect(await page.evaluate(SMALL_TARGETS), `${what} has controls under 44 px`).toEqual([]);
}

/** Opens a page, waits for `ready` where given (what loads last), and checks it as `checkFits` does. */
export async function visit(
  stage: Stage,
  page: Page,
  hash: string,
  heading: string | RegExp,
  ready?: Locator,
) {
  await page.goto(`${stage.baseUrl}${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: TIMEOUT });
  await ready?.waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await checkFits(page, hash);
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
  await checkFits(page, 'the open menu');
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
  await checkFits(page, 'the trade page with a pending commit');
  await page.screenshot({ path: join(SCREENSHOTS, '11-phone-pending.png'), fullPage: true });

  await stage.rebalance();
  const claim = page.getByRole('button', { name: 'Claim', exact: true });
  await claim.waitFor({ timeout: TIMEOUT });
  await claim.tap();
  await toast(/Claim 3-BTC\/USD\+gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
  // A speck of dust in the history: one wei of L tokens sent away, whose exact amount is eighteen digits wide.
  await write(stage.clients, burner.address, {
    address: pool.longToken,
    abi: erc20Abi,
    functionName: 'transfer',
    args: [stage.deployment.devAccounts[1]!.address, 1n],
  });
  // Shown short, the exact amount a tap away.
  const dust = page
    .locator('table:has(caption:text("Your commits and transfers"))')
    .getByRole('button', { name: /^<0\.000001 tokens$/ })
    .first();
  await visit(stage, page, '#/portfolio', 'Portfolio', dust);
  // Positions are cards on a phone.
  await page
    .getByRole('list', { name: 'Your positions per pool' })
    .getByRole('article', { name: pool.name })
    .waitFor({ timeout: TIMEOUT });
  await checkFits(page, 'the portfolio with its positions and history');
  await dust.tap();
  await page.getByText('0.000000000000000001 tokens', { exact: true }).waitFor({ timeout: TIMEOUT });
  await checkFits(page, 'the portfolio with the exact amount shown');
  await page.screenshot({ path: join(SCREENSHOTS, '12-phone-portfolio.png'), fullPage: true });
}
