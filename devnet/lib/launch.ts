/**
 * The local chain as a profile wants it, deployed and seeded: shared by `npm start`, the e2e stage and the
 * benchmarks. Under the Arbitrum profile the node also gets a long history and a block every 250 ms, and
 * everything (app, keeper, tests) reaches it through the provider-like proxy only.
 */
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { CLIENTS, type DevnetConfig, devnetConfig } from '../config.ts';
import { type DevnetClients, devnetClients } from './clients.ts';
import { deployDevnet } from './deploy.ts';
import { buildLongHistory, historySeconds } from './longHistory.ts';
import { freePort, isPortTaken, PortTakenError, type RunningNode, startNode } from './node.ts';
import { type DevnetProfile, devnetProfile } from './profile.ts';
import { type RpcProxy, startRpcProxy } from './rpcProxy.ts';
import { seedDevnet } from './seed.ts';
import { startMining } from './stateDump.ts';

export interface LaunchedChain {
  profile: DevnetProfile;
  config: DevnetConfig;
  deployment: Deployment;
  /** Clients on the URL everyone uses (through the proxy where there is one). */
  clients: DevnetClients;
  /** The URL everyone uses. */
  rpcUrl: string;
  proxy: RpcProxy | undefined;
  /** The node itself; under a proxy, only the proxy should talk to it. */
  node: () => RunningNode;
  /** The history indexer's endpoint: its own proxy where the profile gives it one, else `rpcUrl`. */
  indexerRpcUrl: string;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** The port users connect to: the node's, or the proxy's when the profile has one. */
  port: number;
  workDir: string;
  profile?: DevnetProfile;
  log?: (line: string) => void;
}

export async function launchChain({
  port,
  workDir,
  profile = devnetProfile(),
  log = () => {},
}: LaunchOptions): Promise<LaunchedChain> {
  const config = devnetConfig();
  const history = profile.history;
  const blockTime = profile.blockTimeSeconds ?? 0;
  if (profile.proxy && (await isPortTaken(port))) throw new PortTakenError(port);
  const nodePort = profile.proxy ? await freePort() : port;
  let node = await startNode({
    port: nodePort,
    ...(profile.firstBlock === undefined ? {} : { firstBlock: profile.firstBlock }),
    ...(history
      ? {
          genesisTimestamp:
            Math.floor(Date.now() / 1000) -
            historySeconds(config, history.eras, history.blocksPerEra, blockTime),
        }
      : {}),
  });
  let proxy: RpcProxy | undefined;
  let indexerProxy: RpcProxy | undefined;
  try {
    const direct = devnetClients(node.rpcUrl);
    const deployment = await deployDevnet(direct, { rpcUrl: node.rpcUrl, config, log });
    await seedDevnet(direct, deployment, config, log);
    if (history) {
      node = await buildLongHistory({
        node,
        clients: direct,
        deployment,
        config,
        eras: history.eras,
        blocksPerEra: history.blocksPerEra,
        blockTimeSeconds: blockTime,
        workDir,
        log,
      });
    }
    if (profile.blockTimeSeconds !== undefined)
      node = await startMining(node, { blockTimeSeconds: profile.blockTimeSeconds, workDir });
    if (profile.proxy) {
      proxy = await startRpcProxy({ upstream: node.rpcUrl, port, ...profile.proxy });
      log(
        `RPC proxy on ${proxy.url}: capped eth_getLogs, 429s, latency and pruned state, like a public provider`,
      );
    }
    if (profile.indexerProxy)
      indexerProxy = await startRpcProxy({
        upstream: node.rpcUrl,
        port: await freePort(),
        ...profile.indexerProxy,
      });
    const rpcUrl = proxy?.url ?? node.rpcUrl;
    const clients = devnetClients(rpcUrl, { retryCount: proxy ? CLIENTS.retriesBehindProxy : 0 });
    const current = node;
    return {
      profile,
      config,
      deployment: {
        ...deployment,
        rpcUrl,
        ...(profile.historyFromBlock === undefined
          ? {}
          : { historyFromBlock: profile.historyFromBlock.toString() }),
        profile: profile.name,
        pollIntervalMs: profile.pollIntervalMs,
      },
      clients,
      rpcUrl,
      proxy,
      node: () => current,
      indexerRpcUrl: indexerProxy?.url ?? rpcUrl,
      async stop() {
        await proxy?.close();
        await indexerProxy?.close();
        await current.stop();
      },
    };
  } catch (error) {
    await proxy?.close();
    await indexerProxy?.close();
    await node.stop();
    throw error;
  }
}
