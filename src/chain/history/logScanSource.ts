/**
 * The HistorySource that reads the chain's own logs, for a chain without an indexer. What makes it usable on
 * a public Arbitrum endpoint:
 * - each pool's scan starts at the pool's deployment (its `DeployPool` log, found once and remembered), never
 *   at block 0;
 * - pages adapt to the provider's caps (logPager.ts), and the span that worked is remembered for the next scan;
 * - what was read is kept per chain, pool and user (historyCache.ts), so a repeat visit reads only new blocks,
 *   with a small overlap re-read in case the last blocks were reorganised;
 * - nothing needs archive state: every figure comes from the logs themselves.
 * A pool's scan is one request per page (keeper, committer and pool logs in one filter); a user's is two
 * (what the user sent, committed or claimed, with their AutoClaim requests and payments; and what they
 * received).
 * Its parts: the filters (logFilters.ts), the kept and unkept scans (filterScans.ts), the deploy-block search
 * (deployBlocks.ts).
 */
import { type Hex, numberToHex, type PublicClient } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import { type DeploySearchContext, deployBlocksOf } from './deployBlocks.ts';
import { type FilterScanContext, incremental, type PageFetcher, scanRange } from './filterScans.ts';
import type { HistoryCache } from './historyCache.ts';
import { type HistoryRecord, poolEventsOf } from './historyRecords.ts';
import {
  type HistoryProgress,
  type HistoryRequest,
  type HistorySource,
  historyKey,
  type PoolEvents,
  type UserEvent,
} from './historySource.ts';
import { logFilters } from './logFilters.ts';
import { type RawLog, type StoredLog, stored } from './logs.ts';
import { decodeHistoryLog } from './recordDecoder.ts';
import type { ScanPartsOptions } from './scanParts.ts';
import { userEventsOf } from './userEvents.ts';

export interface LogScanSourceOptions {
  /** For eth_getLogs: a client that never retries, since the pager decides. */
  client: PublicClient;
  /** For the few other look-ups (the chain's first block): a client that retries; `client` if absent. */
  readClient?: PublicClient;
  deployment: ChainDeployment;
  cache: HistoryCache;
  /** The chain identity, when another source shares it; read with `readClient` otherwise. */
  chainIdentity?: () => Promise<Hex>;
}

/**
 * The hash of the block that names the chain instance (its first block, or the factory's): a restarted devnet
 * with the same chain id and addresses is another chain. Read once; a failed look-up is asked again next time.
 */
export function chainIdentityReader(client: PublicClient, deployment: ChainDeployment): () => Promise<Hex> {
  let identity: Promise<Hex> | undefined;
  return () => {
    identity ??= client
      .getBlock({ blockNumber: deployment.identityBlock ?? deployment.historyFromBlock })
      .then((b) => b.hash ?? '0x')
      .catch((error: unknown) => {
        identity = undefined;
        throw error;
      });
    return identity;
  };
}

export function createLogScanSource({
  client,
  readClient = client,
  deployment,
  cache,
  chainIdentity: sharedIdentity,
}: LogScanSourceOptions): HistorySource {
  // The widest page that worked on this endpoint so far: later scans start there instead of re-learning.
  let learnedSpan: bigint | undefined;
  const chainIdentity = sharedIdentity ?? chainIdentityReader(readClient, deployment);
  const keyOf = async (...parts: string[]) =>
    [deployment.chainId, await chainIdentity(), ...parts.map((p) => p.toLowerCase())].join(':');

  const fetchPage: PageFetcher = (filter) => async (range) => {
    const raw = (await client.request({
      method: 'eth_getLogs',
      params: [
        {
          address: filter.address,
          topics: filter.topics,
          fromBlock: numberToHex(range.fromBlock),
          toBlock: numberToHex(range.toBlock),
        },
      ],
    })) as RawLog[];
    return raw.flatMap((log) => stored(log) ?? []);
  };

  const scanOptions = ({ toBlock, signal, onProgress }: HistoryRequest): ScanPartsOptions => ({
    toBlock,
    signal,
    onProgress,
    ...(learnedSpan ? { pager: { initialSpan: learnedSpan, maxSpan: 100_000n } } : {}),
    onSpan: (size) => {
      if (learnedSpan === undefined || size > learnedSpan) learnedSpan = size;
    },
  });
  const scans: FilterScanContext = { cache, fetchPage, scanOptions };
  const deploySearch: DeploySearchContext = { deployment, cache, fetchPage, keyOf };
  const { poolFilters, userFilters, tailFilter } = logFilters(deployment);

  return {
    async poolEvents(pool, request): Promise<PoolEvents> {
      request.onSource?.({ kind: 'chain' });
      if (request.fromBlock !== undefined) {
        const logs = await scanRange(scans, request.fromBlock, poolFilters(pool), request);
        return { ...poolEventsOf(pool, records(logs)), fromBlock: request.fromBlock };
      }
      const [fromBlock = deployment.historyFromBlock] = await deployBlocksOf(deploySearch, [pool], request);
      const logs = await incremental(
        scans,
        await keyOf('pool', pool.address),
        fromBlock,
        poolFilters(pool),
        request,
      );
      return { ...poolEventsOf(pool, records(logs)), fromBlock };
    },

    async userEvents(pools, user, request) {
      const events = new Map<string, UserEvent[]>(pools.map((p) => [historyKey(p.address), []]));
      request.onSource?.({ kind: 'chain' });
      if (pools.length === 0) return events;
      if (request.fromBlock !== undefined) {
        // A short tail: one request for every commit, claim, AutoClaim record and token transfer in these
        // pools, the user's picked out here, rather than one request per position the user can take in a log.
        const logs = await scanRange(scans, request.fromBlock, tailFilter(pools), request);
        for (const [pool, list] of userEventsOf(pools, user, records(logs))) events.set(pool, list);
        return events;
      }
      const starts = await deployBlocksOf(deploySearch, pools, request);
      // bigints: Math.min does not take them.
      const fromBlock =
        [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0] ?? deployment.historyFromBlock;
      const logs = await incremental(
        scans,
        // 'user-v2': scans kept before claims and AutoClaim were read lack them, so they are read again once.
        await keyOf('user-v2', user, ...pools.map((p) => p.address).sort()),
        fromBlock,
        userFilters(pools, user),
        request,
      );
      for (const [pool, list] of userEventsOf(pools, user, records(logs))) events.set(pool, list);
      return events;
    },
  };
}

const records = (logs: readonly StoredLog[]): HistoryRecord[] =>
  logs.flatMap((log) => decodeHistoryLog(log) ?? []);

export type { HistoryProgress };
