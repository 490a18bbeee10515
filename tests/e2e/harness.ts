/**
 * The end-to-end stage: a fresh devnet with the real contracts, the app built for production and served by
 * `vite preview`, and Debian's Chromium driven by playwright-core with a test wallet injected.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { type DevnetConfig, devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, devnetClients } from '../../devnet/lib/clients.ts';
import { deployDevnet } from '../../devnet/lib/deploy.ts';
import { upkeepDuePools } from '../../devnet/lib/keeper.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { seedDevnet } from '../../devnet/lib/seed.ts';
import { testWalletScript } from './testWallet.ts';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve('tests/e2e/screenshots');
const ROOT = resolve('.');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface Stage {
  node: RunningNode;
  clients: DevnetClients;
  deployment: Deployment;
  config: DevnetConfig;
  baseUrl: string;
  server: PreviewServer;
  context: BrowserContext;
  page: Page;
  /** Moves the chain past the update interval and lets the keeper upkeep every due pool. */
  rebalance(): Promise<number>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startStage({
  walletChainId,
  account,
}: {
  walletChainId: string;
  account: `0x${string}`;
}): Promise<Stage> {
  const config = devnetConfig();
  const node = await startNode({ port: await freePort() });
  const clients = devnetClients(node.rpcUrl);
  const deployment = await deployDevnet(clients, { rpcUrl: node.rpcUrl, config });
  await seedDevnet(clients, deployment, config);

  const work = mkdtempSync(join(tmpdir(), 'olympus-e2e-'));
  const deploymentFile = join(work, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify(deployment));
  process.env.DEVNET_DEPLOYMENT_FILE = deploymentFile;
  const outDir = join(work, 'dist');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, host: '127.0.0.1', strictPort: true },
  });
  const baseUrl = `http://127.0.0.1:${port}/`;

  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.addInitScript(
    testWalletScript({ rpcUrl: node.rpcUrl, address: account, chainId: walletChainId }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    node,
    clients,
    deployment,
    config,
    baseUrl,
    server,
    context,
    page,
    async rebalance() {
      await clients.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
      await clients.test.mine({ blocks: 1 });
      return upkeepDuePools(clients, deployment);
    },
    async screenshot(name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close().catch(() => {});
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      await node.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
