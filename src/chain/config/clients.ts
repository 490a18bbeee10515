/**
 * One set of viem clients per chain, made once with the wagmi config and shared by every read, so that no
 * hook needs to cast wagmi's client. Two transports per chain, because they retry differently:
 * - `read`: the pools snapshot and other `eth_call`s. It falls back along the chain's endpoints and retries
 *   a failed call twice (waiting what a 429's `retry-after` says); the next poll is the retry after that.
 * - `history`: log scans. It never retries on its own: the history pager is the one place that decides how
 *   to page, back off and retry (src/chain/history/logPager.ts), so retries never multiply.
 */
import { type Chain, createPublicClient, fallback, http, type PublicClient, type Transport } from 'viem';
import { type HistoryCache, persistentCache } from '../history/historyCache.ts';
import type { HistorySource } from '../history/historySource.ts';
import { createIndexerSource } from '../history/indexerSource.ts';
import { chainIdentityReader, createLogScanSource } from '../history/logScanSource.ts';
import type { ChainDeployment } from './config.ts';
import { chainChecked } from './endpointChain.ts';

export interface ChainClients {
  read: PublicClient;
  history: PublicClient;
  /** The transport wagmi uses for this chain (the same one as `read`). */
  transport: Transport;
  /** The endpoint errors are reported against: the preferred one's host. */
  endpoint: string;
  /**
   * Rebalances, commits and transfers: from the chain's history indexer where it has one, and log scans over
   * `history` (remembered between visits) for what the indexer has not reached or cannot serve.
   */
  historySource: HistorySource;
}

/** How long one request may take before it counts as failed: a stalled endpoint must not hang a view. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Endpoints are ranked by latency and stability this often, and only when there is a choice. */
const RANK_INTERVAL_MS = 5 * 60_000;

export function endpointName(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function transportOf(chain: Chain, urls: readonly string[], retryCount: number, rank: boolean): Transport {
  // Each endpoint is used only once it has said it serves this chain (endpointChain.ts).
  const checked = (url: string, retries: number) =>
    chainChecked(http(url, { retryCount: retries, timeout: REQUEST_TIMEOUT_MS }), endpointName(url), chain);
  const [first, ...rest] = urls;
  if (!first) throw new Error('a chain needs at least one RPC endpoint');
  if (rest.length === 0) return checked(first, retryCount);
  return fallback(
    urls.map((url) => checked(url, 0)),
    { retryCount, ...(rank ? { rank: { interval: RANK_INTERVAL_MS, sampleCount: 3 } } : {}) },
  );
}

function historySourceFor(
  deployment: ChainDeployment,
  history: PublicClient,
  read: PublicClient,
  cache: HistoryCache,
): HistorySource {
  const chainIdentity = chainIdentityReader(read, deployment);
  const logScan = createLogScanSource({
    client: history,
    readClient: read,
    deployment,
    cache,
    chainIdentity,
  });
  return deployment.indexerUrl
    ? createIndexerSource({ url: deployment.indexerUrl, deployment, fallback: logScan, chainIdentity })
    : logScan;
}

export function createChainClients(
  chain: Chain,
  deployment: ChainDeployment,
  cache: HistoryCache = persistentCache(),
): ChainClients {
  const transport = transportOf(chain, deployment.rpcUrls, 2, true);
  const history = createPublicClient({ chain, transport: transportOf(chain, deployment.rpcUrls, 0, false) });
  const read = createPublicClient({ chain, transport });
  return {
    read,
    history,
    transport,
    endpoint: endpointName(deployment.rpcUrls[0] ?? ''),
    historySource: historySourceFor(deployment, history, read, cache),
  };
}
