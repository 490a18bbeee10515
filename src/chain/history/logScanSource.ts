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
 * (what the user sent or committed, and what they received).
 */
import { type Address, type Hex, numberToHex, type PublicClient, pad } from 'viem';
import type { ChainDeployment } from '../config.ts';
import type { PoolInfo } from '../poolRegistry.ts';
import type { HistoryCache } from './historyCache.ts';
import type {
  HistoryProgress,
  HistoryRequest,
  HistorySource,
  PoolEvents,
  UserEvent,
} from './historySource.ts';
import { type BlockRange, mergeLogs, scanLogs } from './logPager.ts';
import { decodePoolLogs, decodeUserLogs, type RawLog, type StoredLog, stored, TOPICS } from './logs.ts';

interface StoredScan {
  fromBlock: bigint;
  scannedTo: bigint;
  logs: StoredLog[];
}

/** Blocks re-read at the end of a remembered scan, in case they were reorganised since. */
export const REORG_OVERLAP = 64n;

export interface LogScanSourceOptions {
  /** For eth_getLogs: a client that never retries, since the pager decides. */
  client: PublicClient;
  /** For the few other look-ups (the chain's first block): a client that retries; `client` if absent. */
  readClient?: PublicClient;
  deployment: ChainDeployment;
  cache: HistoryCache;
}

export function createLogScanSource({
  client,
  readClient = client,
  deployment,
  cache,
}: LogScanSourceOptions): HistorySource {
  // The widest page that worked on this endpoint so far: later scans start there instead of re-learning.
  let learnedSpan: bigint | undefined;
  let identity: Promise<Hex> | undefined;
  // The first block's hash names the chain instance: a restarted devnet with the same addresses is another.
  const chainIdentity = () => {
    identity ??= readClient
      .getBlock({ blockNumber: deployment.historyFromBlock })
      .then((b) => b.hash ?? '0x')
      .catch((error: unknown) => {
        // A failed look-up is not remembered: the next read asks again.
        identity = undefined;
        throw error;
      });
    return identity;
  };
  const keyOf = async (...parts: string[]) =>
    [deployment.chainId, await chainIdentity(), ...parts.map((p) => p.toLowerCase())].join(':');

  const fetchPage =
    (filter: { address: Address[]; topics: (Hex | Hex[] | null)[] }) =>
    async (range: BlockRange): Promise<StoredLog[]> => {
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

  /** Reads [fromBlock, toBlock] of each filter, starting after what the cache already holds. */
  async function incremental(
    key: string,
    fromBlock: bigint,
    filters: { address: Address[]; topics: (Hex | Hex[] | null)[] }[],
    { toBlock, onProgress, signal }: HistoryRequest,
  ): Promise<StoredLog[]> {
    const known = await cache.get<StoredScan>(key);
    const usable = known && known.fromBlock === fromBlock ? known : undefined;
    // Asked for no more than is known already (an older snapshot's block): answer from what is kept.
    if (usable && usable.scannedTo >= toBlock) return usable.logs.filter((log) => log.blockNumber <= toBlock);
    const resumeAt = usable ? usable.scannedTo + 1n - REORG_OVERLAP : fromBlock;
    const start = resumeAt > fromBlock ? resumeAt : fromBlock;
    const blocks = toBlock - start + 1n;
    const total = blocks * BigInt(filters.length);
    const done = filters.map(() => 0n);
    const report = () =>
      onProgress?.({ scannedBlocks: done.reduce((a, b) => a + b, 0n), totalBlocks: total });
    report();
    const results = await Promise.all(
      filters.map((filter, i) =>
        scanLogs(
          fetchPage(filter),
          { fromBlock: start, toBlock },
          {
            ...(learnedSpan ? { initialSpan: learnedSpan, maxSpan: 100_000n } : {}),
            ...(signal ? { signal } : {}),
            onPage: (_logs, range) => {
              const size = range.toBlock - range.fromBlock + 1n;
              if (learnedSpan === undefined || size > learnedSpan) learnedSpan = size;
              done[i] = range.toBlock - start + 1n;
              report();
            },
          },
        ),
      ),
    );
    const fresh = mergeLogs(
      [],
      results.flatMap((r) => r.logs),
      start,
    );
    const logs = mergeLogs(usable?.logs ?? [], fresh, start);
    await cache.set<StoredScan>(key, { fromBlock, scannedTo: toBlock, logs });
    return logs;
  }

  /**
   * Each pool's `DeployPool` block, read once from the factory's logs and remembered. The pools not yet known
   * are looked for in one scan, which stops as soon as it has found them all.
   */
  async function deployBlocksOf(pools: readonly PoolInfo[], request: HistoryRequest): Promise<bigint[]> {
    const keys = await Promise.all(pools.map((p) => keyOf('deploy', p.address)));
    const known = await Promise.all(keys.map((key) => cache.get<bigint>(key)));
    const missing = pools.filter((_, i) => known[i] === undefined);
    const found = new Map<string, bigint>();
    if (missing.length > 0) {
      const wanted = new Set(missing.map((p) => pad(p.address).toLowerCase()));
      const allFound = new Error('all pools found');
      try {
        await scanLogs(
          fetchPage({ address: [deployment.factory], topics: [TOPICS.deployPool, [...wanted] as Hex[]] }),
          { fromBlock: deployment.historyFromBlock, toBlock: request.toBlock },
          {
            ...(request.signal ? { signal: request.signal } : {}),
            onPage: (logs) => {
              for (const log of logs) {
                const pool = log.topics[1]?.toLowerCase();
                if (pool && wanted.has(pool) && !found.has(pool)) found.set(pool, log.blockNumber);
              }
              // Thrown from the page callback, it ends the scan here rather than at the head.
              if (found.size === wanted.size) throw allFound;
            },
          },
        );
      } catch (error) {
        if (error !== allFound) throw error;
      }
    }
    return Promise.all(
      pools.map(async (pool, i) => {
        const cached = known[i];
        if (cached !== undefined) return cached;
        // A pool the factory did not deploy in range (it was checked with isValidPool): from the chain's start.
        const block = found.get(pad(pool.address).toLowerCase()) ?? deployment.historyFromBlock;
        await cache.set(keys[i]!, block);
        return block;
      }),
    );
  }

  return {
    async poolEvents(pool, request): Promise<PoolEvents> {
      const [fromBlock = deployment.historyFromBlock] = await deployBlocksOf([pool], request);
      const keeper = deployment.keeper ?? pool.keeper;
      const logs = await incremental(
        await keyOf('pool', pool.address),
        fromBlock,
        [
          {
            address: [keeper, pool.committer, pool.address],
            topics: [[TOPICS.upkeep, TOPICS.executed, TOPICS.balances]],
          },
        ],
        request,
      );
      return { ...decodePoolLogs(pool, logs), fromBlock };
    },

    async userEvents(pools, user, request) {
      const events = new Map<string, UserEvent[]>(pools.map((p) => [p.address.toLowerCase(), []]));
      if (pools.length === 0) return events;
      const starts = await deployBlocksOf(pools, request);
      // bigints: Math.min does not take them.
      const fromBlock =
        [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0] ?? deployment.historyFromBlock;
      const committers = pools.map((p) => p.committer);
      const tokens = pools.flatMap((p) => [p.longToken, p.shortToken]);
      const userTopic = pad(user);
      const logs = await incremental(
        await keyOf('user', user, ...pools.map((p) => p.address).sort()),
        fromBlock,
        [
          // Commits by the user, and tokens the user sent: both name the user first.
          { address: [...committers, ...tokens], topics: [[TOPICS.commit, TOPICS.transfer], userTopic] },
          { address: tokens, topics: [TOPICS.transfer, null, userTopic] },
        ],
        request,
      );
      for (const [pool, list] of decodeUserLogs(pools, user, logs)) events.set(pool, list);
      return events;
    },
  };
}

export type { HistoryProgress };
