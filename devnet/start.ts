/**
 * `npm start`: the local chain with the real Tracer V2.1 pools, its keeper and price simulator, and the app.
 * Ctrl-C stops everything; nothing is left running.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { DEFAULT_DEVNET_PORT, DEVNET_CHAIN_ID } from './config.ts';
import { DEFAULT_INDEXER_PORT, type RunningIndexer, startIndexer } from './lib/indexer.ts';
import { runKeeper } from './lib/keeper.ts';
import { type LaunchedChain, launchChain } from './lib/launch.ts';
import { isPortTaken, PortTakenError } from './lib/node.ts';
import { runPriceSimulator } from './lib/prices.ts';
import { devnetProfile } from './lib/profile.ts';

const started = performance.now();
const deploymentFile = resolve(process.env.DEVNET_DEPLOYMENT_FILE ?? '.devnet/deployment.json');
const port = Number(process.env.DEVNET_PORT ?? DEFAULT_DEVNET_PORT);
const verbose = process.env.DEVNET_VERBOSE === '1';
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[devnet ${elapsed()}] ${line}`);

let chain: LaunchedChain | undefined;
let vite: ViteDevServer | undefined;
let indexer: RunningIndexer | undefined;
const stoppers: Array<() => void> = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stoppers) stop();
    // Side by side: the indexer may take seconds to stop, and the chain must not outlive it.
    await Promise.all([indexer?.stop(), vite?.close(), chain?.stop()]);
    rmSync(deploymentFile, { force: true });
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`DEVNET_PORT must be a port number, got "${process.env.DEVNET_PORT}"`);
    process.exit(1);
  }
  const profile = devnetProfile();
  const workDir = resolve(deploymentFile, '..');
  mkdirSync(workDir, { recursive: true });
  say(`profile ${profile.name}: starting anvil`);
  chain = await launchChain({ port, workDir, profile, log: say });
  const { deployment, clients, config } = chain;
  say(
    `chain ready on ${chain.rpcUrl} (chain id ${DEVNET_CHAIN_ID}), head at block ${await clients.public.getBlockNumber()}`,
  );
  // The history indexer, embedded on PGlite and fresh at each start (the chain is new). The app reads the
  // chain's logs until it has caught up, then asks it (docs/indexer.md).
  const indexerPort = Number(process.env.INDEXER_PORT ?? DEFAULT_INDEXER_PORT);
  const indexerUrl = `http://127.0.0.1:${indexerPort}`;
  writeFileSync(deploymentFile, `${JSON.stringify({ ...deployment, indexerUrl }, null, 2)}\n`);
  say(`deployment written to ${deploymentFile}`);
  if (await isPortTaken(indexerPort)) throw new PortTakenError(indexerPort, 'INDEXER_PORT');
  indexer = startIndexer({
    deploymentFile,
    port: indexerPort,
    pgliteDir: resolve(workDir, 'indexer'),
    rpcUrl: chain.indexerRpcUrl,
    ...(verbose ? { log: (line) => say(`[indexer] ${line}`) } : {}),
  });
  const head = await clients.public.getBlockNumber();
  void indexer.waitForBlock(head, 10 * 60_000).then(
    () => say(`history indexer caught up with block ${head}: ${indexerUrl}`),
    (error: unknown) =>
      say(
        `history indexer not available (${error instanceof Error ? error.message : String(error)}): history is read from the chain`,
      ),
  );

  stoppers.push(runKeeper(clients, deployment, { log: say }));
  stoppers.push(runPriceSimulator(clients, deployment, config, verbose ? { log: say } : {}));

  // A devnet build of the app: it reads the deployment at run time (vite.config.ts).
  process.env.VITE_DEVNET_RPC_URL = chain.rpcUrl;
  process.env.VITE_DEVNET_INDEXER_URL = indexerUrl;
  vite = await createServer({ server: { port: Number(process.env.VITE_PORT ?? 5173) } });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
  const user = deployment.devAccounts[0];
  console.log(
    [
      '',
      `  Olympus Perpetual Pools is ready in ${elapsed()}: ${url}`,
      '',
      '  Connect with "Dev account 1" in the wallet menu (no extension needed), or import into MetaMask:',
      `    network  RPC ${chain.rpcUrl}, chain id ${DEVNET_CHAIN_ID}, currency ETH`,
      `    account  ${user?.address}`,
      `    key      ${user?.privateKey}  (public test key: devnet only)`,
      '',
      `  Pools rebalance every ${config.updateIntervalSeconds} s; the keeper and the price simulator log below.`,
      ...(chain.proxy
        ? [
            '  Arbitrum profile: the RPC above is a proxy that behaves like a public provider.',
            '  Type "d" + Enter to take it down, "u" + Enter to bring it back.',
          ]
        : []),
      '  Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
  const proxy = chain.proxy;
  if (proxy && process.stdin.isTTY) {
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (line: string) => {
      const command = line.trim();
      if (command === 'd') void proxy.down().then(() => say('RPC proxy is down'));
      if (command === 'u') void proxy.up().then(() => say('RPC proxy is up'));
    });
  }
}

main().catch(async (error: unknown) => {
  if (error instanceof PortTakenError) console.error(error.message);
  else console.error('devnet failed to start:', error);
  await shutdown(1);
});
