/**
 * The first screen is in the built HTML (docs/first-paint.md): with JavaScript off the pools page still
 * shows its heading, and with JavaScript on React hydrates that HTML as it is — no hydration error in the
 * console, no CSP refusal of the inline script that picks the page by the hash, and the prerendered nodes
 * still on screen afterwards (a mismatch would have made React draw them afresh).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../devnet/lib/stage.ts';
import { chromiumAvailable, watchConsole, watchCsp } from './harness.ts';

/**
 * Keeps, as the HTML is parsed and before React has done anything (the route's inline script has already
 * run), the site header, the page's heading and its subtitle, to compare with what is on screen later.
 */
const KEEP_PRERENDERED = `document.addEventListener('DOMContentLoaded', () => {
  window.__prerendered = {
    shell: document.querySelector('#root > div > header'),
    heading: document.querySelector('main h1'),
    subtitle: document.querySelector('main h1 + p'),
  };
});`;

/** Whether the nodes kept at parse time are still the ones on screen. */
const STILL_PRERENDERED = `(() => {
  const kept = window.__prerendered;
  return {
    shell: kept.shell !== null && kept.shell === document.querySelector('#root > div > header'),
    heading: kept.heading !== null && kept.heading === document.querySelector('main h1'),
  };
})()`;

/** Chromium logs the requests this browser cuts on purpose (the Arbitrum endpoints are off this machine). */
const cutRequest = ({ text, url }: { text: string; url: string }) =>
  /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(text) &&
  url !== '' &&
  new URL(url).hostname !== '127.0.0.1';

describe.runIf(chromiumAvailable())('the prerendered first screen', () => {
  let server: PreviewServer;
  let baseUrl: string;
  let profiles: string;

  beforeAll(async () => {
    // The production build, as a static host serves it (not the devnet build of the journeys).
    delete process.env.VITE_DEVNET_RPC_URL;
    delete process.env.DEVNET_DEPLOYMENT_FILE;
    profiles = mkdtempSync(join(tmpdir(), 'olympus-noscript-'));
    const outDir = join(profiles, 'dist');
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    baseUrl = server.resolvedUrls?.local[0] ?? '';
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  async function browser(name: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await chromium.launchPersistentContext(join(profiles, name), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort('internetdisconnected'),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page };
  }

  it('shows the pools page heading with JavaScript disabled', async () => {
    const { context, page } = await browser('no-script');
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      for (const hash of ['', '#/pools']) {
        await page.goto(`${baseUrl}${hash}`);
        await page.getByRole('heading', { name: 'Pools', level: 1 }).waitFor({ timeout: 10_000 });
        await page.getByText("Every Olympus pool: each side's balance").waitFor({ timeout: 10_000 });
        // No script ran: the route's inline script would have written `#/pools` into an empty hash.
        expect(new URL(page.url()).hash).toBe(hash);
      }
    } finally {
      await context.close();
    }
  }, 60_000);

  it('hydrates the pools and simulator pages without a mismatch or a CSP refusal', async () => {
    const { context } = await browser('hydrate');
    try {
      watchConsole(context, cutRequest);
      const violations = watchCsp(context);
      await context.addInitScript(KEEP_PRERENDERED);
      for (const [hash, heading, settled] of [
        ['#/pools', 'Pools', /Cannot reach arb1\.arbitrum\.io/],
        ['#/simulator', 'Simulator', 'Show as a table'],
      ] as const) {
        // A page of its own for each: going from one hash to another in the same page would be the app's
        // own navigation, with no HTML loaded.
        const page = await context.newPage();
        await page.goto(`${baseUrl}${hash}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 30_000 });
        await page.getByText(settled).first().waitFor({ timeout: 30_000 });
        const still = (await page.evaluate(STILL_PRERENDERED)) as { shell: boolean; heading: boolean };
        expect(still.shell, `${hash}: the prerendered header was replaced`).toBe(true);
        // The pools list's head is the fallback of a boundary React draws in the browser (the chain's clients
        // exist only there), so only the simulator's is kept as it is.
        if (hash === '#/simulator') expect(still.heading, `${hash}: the heading was replaced`).toBe(true);
      }
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
