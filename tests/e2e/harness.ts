/**
 * The end-to-end stage: the app stage of devnet/lib/stage.ts (fresh devnet, production build, vite preview)
 * and Debian's Chromium driven by playwright-core with a test wallet injected.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
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

/** A message of the browser's console, as the console watch sees it: its text and the URL it is about. */
export interface ConsoleEntry {
  text: string;
  url: string;
}

/** Every console watch opened in this test file, with what it has seen and not yet reported. */
const consoleWatches = new Set<string[]>();

/**
 * Collects every `console.error` and uncaught error (`pageerror`) of every page of `context`, with the page
 * it happened on. They are reported as the failure of the test they happened in (the `afterEach` below), so
 * a journey fails on any of them. `expected` lets through only what a test brings about on purpose and the
 * browser itself logs, whatever the app does about it (a request refused by an endpoint the test took down).
 */
export function watchConsole(
  context: BrowserContext,
  expected: (entry: ConsoleEntry) => boolean = () => false,
): string[] {
  const seen: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const entry = { text: message.text(), url: message.location().url };
      if (expected(entry)) return;
      seen.push(`console.error on ${page.url()}: ${entry.text}${entry.url ? ` (at ${entry.url})` : ''}`);
    });
    // An error raised without a stack (a DOMException from IndexedDB) still says what it was.
    page.on('pageerror', (error) =>
      seen.push(`uncaught error on ${page.url()}: ${error.stack || `${error.name}: ${error.message}`}`),
    );
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  consoleWatches.add(seen);
  return seen;
}

afterEach(() => {
  const seen = [...consoleWatches].flatMap((messages) => messages.splice(0));
  if (seen.length > 0)
    throw new Error(`the browser's console reported ${seen.length} error(s):\n${seen.join('\n')}`);
});

/**
 * Chromium logs every request that fails at the network or is answered with an error status ("Failed to load
 * resource: net::ERR_CONNECTION_REFUSED", "…status of 429…"), whatever the page does with the failure. The
 * stage's endpoint (the provider-like proxy, or the node) and its indexer are the test's own doubles, taken
 * down, rate-limited and stopped on purpose by the fault journeys (and by design under the Arbitrum profile);
 * what the app makes of it is what those journeys check. So those lines, for those two origins only, are
 * expected; a 4xx other than a 429 still fails (that is a request the app got wrong), and so does any failed
 * load of anything else.
 */
export function endpointFailures(stage: AppStage): (entry: ConsoleEntry) => boolean {
  const origins = [stage.rpcUrl, stage.indexer?.url].flatMap((url) => (url ? [new URL(url).origin] : []));
  return ({ text, url }) =>
    /^Failed to load resource: (net::ERR_|the server responded with a status of (429|5\d\d)\b)/.test(text) &&
    url !== '' &&
    origins.includes(new URL(url).origin);
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
  watchConsole(context, endpointFailures(app));
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
 * has loaded or while wagmi reconnects is remembered by the app (src/chain/wallet/connectWallet.ts), which can take
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
 * collected, and its console errors fail the test they happen in (`watchConsole`).
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
  watchConsole(context, endpointFailures(stage));
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
