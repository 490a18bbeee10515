/**
 * How long the connect modal takes to offer WalletConnect: a production build with a WalletConnect project id,
 * served as a static host would, in a Chromium that reaches nothing beyond this machine (as the production
 * journey's browser). Timed in the page's own clock from the click on "Connect Wallet" to the WalletConnect
 * entry being visible in the modal; "cold" clicks as soon as the button shows (the wallet layer not loaded
 * yet), "warm" once the page has settled and the wallet layer has loaded in the background. Each run has a
 * fresh profile, so nothing comes from the cache or from an earlier visit's wallet.
 *
 * Run alone: `npx tsx bench/walletModal.ts [outDir]` builds into a scratch folder unless given a built one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_FLAGS } from '../devnet/lib/stage.ts';

export interface WalletModalFigures {
  coldMs: number[];
  warmMs: number[];
  /** The same cold click with the CPU slowed 4×, standing in for a machine busy with other work. */
  coldCpu4xMs: number[];
}

/** Builds the production app with a (made-up) WalletConnect project id into a scratch folder. */
export async function buildWithWalletConnect(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'olympus-wallet-modal-')), 'dist');
  const keys = ['VITE_DEVNET_RPC_URL', 'DEVNET_DEPLOYMENT_FILE', 'VITE_WALLETCONNECT_PROJECT_ID'] as const;
  const saved = keys.map((key) => [key, process.env[key]] as const);
  // Not the devnet build the other figures are taken on: a production build, as a static host serves it.
  delete process.env.VITE_DEVNET_RPC_URL;
  delete process.env.DEVNET_DEPLOYMENT_FILE;
  process.env.VITE_WALLETCONNECT_PROJECT_ID = 'bench-project-id';
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return outDir;
}

/**
 * Clicks "Connect Wallet" and waits for the WalletConnect entry; the time from the first click, in the page's
 * clock. A click that opened nothing is repeated every 10 s, as the journeys' harness does (tests/e2e/harness.ts
 * `openConnectModal`), so a lost click costs what it costs there rather than hanging the bench.
 */
async function clickToWalletConnect(page: Page): Promise<number> {
  const button = page.getByRole('button', { name: /connect wallet/i }).first();
  const entry = page.getByRole('dialog').getByText('WalletConnect', { exact: true }).first();
  await button.waitFor({ timeout: 60_000 });
  // Stamped by the page in the capture phase of the first click, so the time is the page's, not the driver's.
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      () => {
        (window as unknown as { __clickAt: number }).__clickAt = performance.now();
      },
      { capture: true, once: true },
    );
  });
  const deadline = Date.now() + 120_000;
  while (!(await entry.isVisible())) {
    if (Date.now() > deadline) throw new Error('the connect modal did not offer WalletConnect within 120 s');
    await button.click({ timeout: 10_000 }).catch(() => {});
    await entry.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
  }
  return page.evaluate(() => performance.now() - (window as unknown as { __clickAt: number }).__clickAt);
}

export async function measureWalletModal(outDir: string, runs = 3): Promise<WalletModalFigures> {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const baseUrl = server.resolvedUrls?.local[0] ?? '';
  const scratch = mkdtempSync(join(tmpdir(), 'olympus-wallet-modal-profiles-'));
  const once = async (name: string, warm: boolean, cpuRate: number) => {
    const context = await chromium.launchPersistentContext(join(scratch, name), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 1000 },
      args: CHROMIUM_FLAGS,
    });
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort('internetdisconnected'),
    );
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
      await page.goto(`${baseUrl}#/pools`);
      // Warm: the wallet layer loads once the page is idle (at most 3 s after its read clients); its button
      // replacing the placeholder says it has.
      if (warm) await page.locator('#wallet-slot [data-rk]').waitFor({ timeout: 60_000 });
      return await clickToWalletConnect(page);
    } finally {
      await context.close();
    }
  };
  try {
    const figures: WalletModalFigures = { coldMs: [], warmMs: [], coldCpu4xMs: [] };
    for (let i = 0; i < runs; i++) {
      figures.coldMs.push(await once(`cold-${i}`, false, 1));
      figures.warmMs.push(await once(`warm-${i}`, true, 1));
      figures.coldCpu4xMs.push(await once(`cpu4x-${i}`, false, 4));
    }
    return figures;
  } finally {
    await server.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The figures bench/run.ts prints: `app.walletModal.open.ms` is the cold click's median. */
export function walletModalFigures(f: WalletModalFigures): [name: string, value: string, unit: string][] {
  const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(',');
  return [
    ['app.walletModal.open.ms', median(f.coldMs).toFixed(0), 'ms'],
    ['app.walletModal.open.runs', runs(f.coldMs), 'ms'],
    ['app.walletModal.open.warm.ms', median(f.warmMs).toFixed(0), 'ms'],
    ['app.walletModal.open.cpu4x.ms', median(f.coldCpu4xMs).toFixed(0), 'ms'],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? (await buildWithWalletConnect());
  const figures = await measureWalletModal(outDir, Number(process.env.RUNS ?? 3));
  for (const [name, value, unit] of walletModalFigures(figures)) console.log(`${name} ${value} ${unit}`);
  process.exit(0);
}
