/**
 * The end-to-end stage: the app stage of devnet/lib/stage.ts (fresh devnet, production build, vite preview)
 * and Debian's Chromium driven by playwright-core with a test wallet injected.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { erc20Abi } from '../../contracts-abi/generated/index.ts';
import type { DevnetProfile } from '../../devnet/lib/profile.ts';
import { type AppStage, CHROMIUM, CHROMIUM_FLAGS, startAppStage } from '../../devnet/lib/stage.ts';
import { testWalletScript } from './testWallet.ts';

export const SCREENSHOTS = resolve('tests/e2e/screenshots');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface Stage extends AppStage {
  context: BrowserContext;
  page: Page;
  screenshot(name: string): Promise<void>;
  /** What Chromium refused under the built app's Content-Security-Policy, since the stage started. */
  cspViolations: string[];
}

/** Collects the console's CSP refusals of every page of `context` (Chromium logs each one). */
export function watchCsp(context: BrowserContext): string[] {
  const violations: string[] = [];
  const watch = (page: Page) =>
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return violations;
}

export async function startStage({
  walletChainId,
  account,
  profile,
  indexer = false,
}: {
  walletChainId: string;
  account: `0x${string}`;
  profile?: DevnetProfile;
  /** Run the history indexer beside the chain, as `npm start` does. */
  indexer?: boolean;
}): Promise<Stage> {
  const app = await startAppStage({ ...(profile ? { profile } : {}), indexer });
  const context = await chromium.launchPersistentContext(join(app.workDir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: CHROMIUM_FLAGS,
  });
  await context.addInitScript(
    testWalletScript({ rpcUrl: app.rpcUrl, address: account, chainId: walletChainId }),
  );
  const cspViolations = watchCsp(context);
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    ...app,
    context,
    page,
    cspViolations,
    async screenshot(name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close().catch(() => {});
      await app.close();
    },
  };
}

/**
 * Opens RainbowKit's connect modal from the header and returns it. A click that lands before the wallet layer
 * has loaded or while wagmi reconnects is remembered by the app (src/chain/connectWallet.ts), which can take
 * many seconds on a loaded machine. Under CI's full load a first click in the production build was still
 * seen to open nothing within a minute, for a cause not yet found: like a user, this clicks again when
 * nothing has opened after 10 s.
 */
export async function openConnectModal(page: Page, { tap = false, timeoutMs = 60_000 } = {}) {
  const dialog = page.getByRole('dialog');
  const button = page.getByRole('button', { name: /connect wallet/i }).first();
  const deadline = Date.now() + timeoutMs;
  while (!(await dialog.isVisible())) {
    if (Date.now() > deadline) throw new Error(`the connect modal did not open within ${timeoutMs / 1000} s`);
    await (tap ? button.tap() : button.click());
    await dialog.waitFor({ timeout: 10_000 }).catch(() => {});
  }
  return dialog;
}

/**
 * A browser of its own beside the stage's (its profile in the stage's scratch folder), with no test wallet:
 * for journeys that connect the devnet's burner, or inject a wallet of their own. Its CSP refusals are
 * collected.
 */
export async function openBrowser(
  stage: AppStage,
  profile: string,
  options: { viewport?: { width: number; height: number }; hasTouch?: boolean; isMobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; csp: string[] }> {
  const context = await chromium.launchPersistentContext(join(stage.workDir, profile), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: CHROMIUM_FLAGS,
    ...options,
  });
  const csp = watchCsp(context);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, csp };
}

/** The first toast in the page's notifications that says `text`. */
export function toastOf(page: Page, text: RegExp | string) {
  return page.getByRole('region', { name: 'Notifications' }).getByText(text).first();
}

/** What `holder` has of an ERC-20 token, read from the chain itself. */
export function tokenBalance(stage: AppStage, token: `0x${string}`, holder: `0x${string}`): Promise<bigint> {
  return stage.clients.public.readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [holder],
  });
}
