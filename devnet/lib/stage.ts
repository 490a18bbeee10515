/**
 * A whole local stage for browser tests and benchmarks: a fresh node with the seeded Olympus pools, the app
 * built for production, and `vite preview` serving it with that devnet's deployment at `/devnet.json`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type PreviewServer, preview } from 'vite';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import type { DevnetConfig } from '../config.ts';
import type { DevnetClients } from './clients.ts';
import { type RunningIndexer, startIndexer } from './indexer.ts';
import { executePaidClaims, upkeepDuePools } from './keeper.ts';
import { launchChain } from './launch.ts';
import { freePort } from './node.ts';
import { type DevnetProfile, devnetProfile } from './profile.ts';
import type { RpcProxy } from './rpcProxy.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface AppStage {
  profile: DevnetProfile;
  /** The URL the app, the keeper and the tests use: the node's, or the proxy's under the Arbitrum profile. */
  rpcUrl: string;
  /** The provider-like proxy, under the Arbitrum profile: take it down and back up in fault tests. */
  proxy: RpcProxy | undefined;
  clients: DevnetClients;
  deployment: Deployment;
  config: DevnetConfig;
  /** Where the build went, e.g. to measure it. */
  outDir: string;
  /** A scratch folder removed on close. */
  workDir: string;
  /** The deployment file the preview serves at `/devnet.json`: rewrite it to change what the app reads. */
  deploymentFile: string;
  /** The history indexer beside the chain, when the stage was asked for one. */
  indexer: RunningIndexer | undefined;
  baseUrl: string;
  server: PreviewServer;
  /**
   * Moves the chain past the update interval and lets the keeper upkeep every due pool, then execute the
   * paid claims that became ready.
   */
  rebalance(): Promise<number>;
  close(): Promise<void>;
}

export async function startAppStage({
  profile = devnetProfile(),
  appRoot = ROOT,
  indexer: withIndexer = false,
}: {
  profile?: DevnetProfile;
  /** Which checkout of the app to build and serve: another one lets a benchmark measure an older version. */
  appRoot?: string;
  /** Run the history indexer beside the chain (on PGlite), as `npm start` does; it catches up meanwhile. */
  indexer?: boolean;
} = {}): Promise<AppStage> {
  const workDir = mkdtempSync(join(tmpdir(), 'olympus-stage-'));
  const chain = await launchChain({ port: await freePort(), workDir, profile });
  const { clients, config } = chain;

  const deploymentFile = join(workDir, 'deployment.json');
  const indexerPort = withIndexer ? await freePort() : undefined;
  const deployment = indexerPort
    ? { ...chain.deployment, indexerUrl: `http://127.0.0.1:${indexerPort}` }
    : chain.deployment;
  writeFileSync(deploymentFile, JSON.stringify(deployment));
  // It indexes while the app builds; whoever needs it caught up waits for it (`indexer.waitForBlock`).
  const indexer = indexerPort
    ? startIndexer({
        deploymentFile,
        port: indexerPort,
        pgliteDir: join(workDir, 'indexer'),
        rpcUrl: chain.indexerRpcUrl,
      })
    : undefined;
  if (deployment.indexerUrl) process.env.VITE_DEVNET_INDEXER_URL = deployment.indexerUrl;
  else delete process.env.VITE_DEVNET_INDEXER_URL;
  // Read by vite.config.ts's devnet plugin when the preview server loads the config.
  process.env.DEVNET_DEPLOYMENT_FILE = deploymentFile;
  // A devnet build: it reads the deployment at run time and its CSP lets it reach the devnet's node.
  process.env.VITE_DEVNET_RPC_URL = chain.rpcUrl;
  const outDir = join(workDir, 'dist');
  // A production build as users get it, React's production build included: under vitest NODE_ENV is "test",
  // which Vite would pass on to the bundle, and the journeys would then run React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: appRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const port = await freePort();
  const server = await preview({
    root: appRoot,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, host: '127.0.0.1', strictPort: true },
  });

  return {
    profile,
    rpcUrl: chain.rpcUrl,
    proxy: chain.proxy,
    clients,
    deployment,
    config,
    outDir,
    workDir,
    deploymentFile,
    indexer,
    baseUrl: `http://127.0.0.1:${port}/`,
    server,
    async rebalance() {
      await clients.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
      await clients.test.mine({ blocks: 1 });
      const upkept = await upkeepDuePools(clients, deployment);
      // As the running keeper would next: claim what users paid to have claimed.
      await executePaidClaims(clients, deployment);
      return upkept;
    },
    async close() {
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      await indexer?.stop();
      await chain.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Chromium as this machine has it (Debian's package); browsers cannot be downloaded here. */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium on a closed network, running as root: no sandbox, no GPU. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
