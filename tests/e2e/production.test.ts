/**
 * The production build, as a static host would serve it (no devnet): nothing secret in `dist/`, no request
 * for the devnet's deployment, and the pages run under its Content-Security-Policy without a violation.
 * The Arbitrum endpoints are out of reach here, so the test also sees the app say so instead of hanging.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { english } from 'viem/accounts';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_MNEMONIC } from '../../devnet/config.ts';
import { devAccount } from '../../devnet/lib/accounts.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../devnet/lib/stage.ts';
import { chromiumAvailable, openConnectModal, watchConsole, watchCsp } from './harness.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const WORDS = new Set(english);
/** Twelve or more BIP-39 words in a row, separated by single spaces: what a mnemonic looks like in text. */
function mnemonicLike(text: string): string[] {
  return [...text.matchAll(/\b[a-z]+(?: [a-z]+){11,23}\b/g)]
    .map((m) => m[0])
    .filter((run) => run.split(' ').every((word) => WORDS.has(word)));
}

/** A production build served as a static host would, with `env` set while it builds. */
async function productionSite(env: Record<string, string> = {}) {
  // Not the devnet build the other journeys run on.
  delete process.env.VITE_DEVNET_RPC_URL;
  delete process.env.DEVNET_DEPLOYMENT_FILE;
  Object.assign(process.env, env);
  try {
    const outDir = join(mkdtempSync(join(tmpdir(), 'olympus-prod-')), 'dist');
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1' },
    });
    return { outDir, server, baseUrl: server.resolvedUrls?.local[0] ?? '' };
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
  }
}

/** The origin the CSP check asks for on purpose, to see the policy refuse it. */
const NOT_ALLOWED = 'https://not-allowed.example/';

const offline = (url: string) => url !== '' && new URL(url).hostname !== '127.0.0.1';

/**
 * A browser that reaches nothing beyond this machine: requests elsewhere fail at once rather than hang. Its
 * console errors fail the test they happen in (harness.ts `watchConsole`), except the lines Chromium itself
 * logs for what this test brings about on purpose: the requests this browser cuts ("Failed to load resource:
 * net::ERR_INTERNET_DISCONNECTED", for an address off this machine), and its refusal of the one request the
 * CSP check makes to see it refused.
 */
async function offlineBrowser(dir: string) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
  watchConsole(
    context,
    ({ text, url }) =>
      (/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(text) && offline(url)) ||
      text.includes(NOT_ALLOWED),
  );
  return context;
}

/** The names the connect modal lists, opened from the header's button. */
async function listedWallets(page: Page): Promise<string> {
  const dialog = await openConnectModal(page);
  return (await dialog.textContent()) ?? '';
}

describe.runIf(chromiumAvailable())('the production build', () => {
  let outDir: string;
  let server: PreviewServer;
  let baseUrl: string;

  beforeAll(async () => {
    ({ outDir, server, baseUrl } = await productionSite());
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('ships no private key, no mnemonic and no devnet address book', () => {
    const keys = Array.from({ length: 20 }, (_, i) => devAccount(i).privateKey.slice(2).toLowerCase());
    for (const file of filesUnder(outDir)) {
      const text = readFileSync(file, 'utf8');
      const lower = text.toLowerCase();
      expect(lower.includes(DEV_MNEMONIC), `${file} holds the devnet mnemonic`).toBe(false);
      for (const key of keys) expect(lower.includes(key), `${file} holds a devnet private key`).toBe(false);
      expect(mnemonicLike(text), `${file} holds a mnemonic`).toEqual([]);
      expect(text.includes('/devnet.json'), `${file} asks for the devnet's deployment`).toBe(false);
    }
  });

  it('runs its pages under its CSP, without asking for a devnet, and says the chain is out of reach', async () => {
    const context = await offlineBrowser(join(outDir, '..', 'profile'));
    try {
      const violations = watchCsp(context);
      const requested: string[] = [];
      context.on('request', (request) => requested.push(new URL(request.url()).pathname));
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${baseUrl}#/pools`);
      await page.getByRole('heading', { name: 'Pools', level: 1 }).waitFor({ timeout: 30_000 });
      await page
        .getByText(/Cannot reach arb1\.arbitrum\.io/)
        .first()
        .waitFor({ timeout: 30_000 });
      await page.goto(`${baseUrl}#/simulator`);
      await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor({ timeout: 30_000 });
      await page.getByText('Show as a table').first().waitFor({ timeout: 30_000 });
      expect(requested.filter((path) => path === '/devnet.json')).toEqual([]);
      expect(violations).toEqual([]);
      // And the policy is there to be violated: a request to an origin it does not list is refused and seen.
      await page.evaluate(`fetch('${NOT_ALLOWED}').catch(() => {})`);
      await expect.poll(() => violations.length, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('offers no WalletConnect wallet without a project id', async () => {
    const context = await offlineBrowser(join(outDir, '..', 'profile-wallets'));
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${baseUrl}#/pools`);
      const listed = await listedWallets(page);
      for (const name of ['WalletConnect', 'MetaMask', 'Rainbow', 'Coinbase Wallet', 'Rabby'])
        expect(listed, name).not.toContain(name);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('with a WalletConnect project id, lists the wallets holders carry, and Safe inside a Safe', async () => {
    const site = await productionSite({ VITE_WALLETCONNECT_PROJECT_ID: 'e2e-project-id' });
    const context = await offlineBrowser(join(site.outDir, '..', 'profile'));
    try {
      const violations = watchCsp(context);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${site.baseUrl}#/pools`);
      // Measured, not asserted (a loaded machine varies too much): from the page's load to the modal listing.
      const started = performance.now();
      const listed = await listedWallets(page);
      console.info(
        `connect modal with WalletConnect listed ${Math.round(performance.now() - started)} ms after load`,
      );
      for (const name of ['WalletConnect', 'MetaMask', 'Rainbow', 'Coinbase Wallet', 'Rabby'])
        expect(listed, name).toContain(name);
      expect(listed).not.toContain('Safe');
      // Framed as a Safe app is framed (this browser refuses storage to such a frame, as Safari does), the
      // app still runs and offers the Safe connector too.
      const framed = await context.newPage();
      await framed.setContent(
        `<iframe src="${site.baseUrl}#/pools" style="width:1200px;height:900px" title="app"></iframe>`,
      );
      const app = framed.frameLocator('iframe');
      await app
        .getByRole('button', { name: /connect wallet/i })
        .first()
        .click();
      await app.getByRole('dialog').getByText('Safe', { exact: true }).waitFor({ timeout: 30_000 });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
      await site.server.close();
    }
  }, 150_000);
});
