/**
 * The app's two history sources as the browser builds them (src/chain/config/clients.ts), made here in Node against a
 * devnet: the log scan through the chain's endpoint (the provider-like proxy under the Arbitrum profile), and
 * the indexer source over it, whose fallback is counted so a test can tell which blocks went to the chain.
 */
import { createPublicClient, http, type PublicClient } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { devnetChainDeployment } from '../../src/chain/config/chainDeployments.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { memoryCache } from '../../src/chain/history/historyCache.ts';
import type {
  HistoryProvenance,
  HistoryRequest,
  HistorySource,
} from '../../src/chain/history/historySource.ts';
import { createIndexerSource } from '../../src/chain/history/indexerSource.ts';
import { chainIdentityReader, createLogScanSource } from '../../src/chain/history/logScanSource.ts';
import { discoverPools, type PoolInfo } from '../../src/chain/pools/poolRegistry.ts';

export interface AppSources {
  chain: ChainDeployment;
  read: PublicClient;
  /** The log scan alone, with its own cache: the reference. */
  logScan: HistorySource;
  /** The indexer source at `indexerUrl`. */
  viaIndexer: HistorySource;
  /** Blocks each fallback read started at (undefined: the whole history), in order. */
  fallbackReads: (bigint | undefined)[];
  pools(): Promise<PoolInfo[]>;
}

export function appSources(deployment: Deployment, indexerUrl: string): AppSources {
  const chain = devnetChainDeployment(deployment);
  const read = createPublicClient({ transport: http(deployment.rpcUrl, { retryCount: 3 }) });
  const history = createPublicClient({ transport: http(deployment.rpcUrl, { retryCount: 0 }) });
  const chainIdentity = chainIdentityReader(read, chain);
  const scan = () =>
    createLogScanSource({ client: history, readClient: read, deployment: chain, cache: memoryCache() });
  const fallback = scan();
  const fallbackReads: (bigint | undefined)[] = [];
  const counted: HistorySource = {
    poolEvents(pool, request) {
      fallbackReads.push(request.fromBlock);
      return fallback.poolEvents(pool, request);
    },
    userEvents(pools, user, request) {
      fallbackReads.push(request.fromBlock);
      return fallback.userEvents(pools, user, request);
    },
  };
  return {
    chain,
    read,
    logScan: scan(),
    viaIndexer: createIndexerSource({
      url: indexerUrl,
      deployment: chain,
      fallback: counted,
      chainIdentity,
      // Each question asks the indexer afresh: a test's fault must not be remembered into the next.
      retryAfterMs: 0,
    }),
    fallbackReads,
    pools: async () => (await discoverPools(read, chain)).pools,
  };
}

/** A request up to `toBlock` that records where the answer came from. */
export function sourcedRequest(toBlock: bigint): HistoryRequest & { sources: HistoryProvenance[] } {
  const sources: HistoryProvenance[] = [];
  return { toBlock, sources, onSource: (source) => sources.push(source) };
}
