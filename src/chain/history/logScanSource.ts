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
 */
import { type Address, type Hex, numberToHex, type PublicClient, pad } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import type { HistoryCache } from './historyCache.ts';
import { decodeHistoryLog, type HistoryRecord, poolEventsOf } from './historyRecords.ts';
import type {
  HistoryProgress,
  HistoryRequest,
  HistorySource,
  PoolEvents,
  UserEvent,
} from './historySource.ts';
import { type BlockRange, mergeLogs, scanLogs } from './logPager.ts';
import { type RawLog, type StoredLog, stored, TOPICS } from './logs.ts';
import { type ScanPart, type ScanPartsOptions, scanParts } from './scanParts.ts';
import { userEventsOf } from './userEvents.ts';

interface LogFilter {
  address: Address[];
  topics: (Hex | Hex[] | null)[];
}

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

  const fetchPage =
    (filter: LogFilter) =>
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

  /**
   * Reads [fromBlock, toBlock] of each filter, each starting after what the cache already holds for it. What
   * a page brings is kept as it arrives (at most once a second, and when the read ends or fails), so a
   * reload, a failure or a later read resumes where this one stopped instead of starting again.
   */
  async function incremental(
    key: string,
    fromBlock: bigint,
    filters: LogFilter[],
    request: HistoryRequest,
  ): Promise<StoredLog[]> {
    const { toBlock } = request;
    const keys = filters.map((_, i) => `${key}:${i}`);
    const kept = await Promise.all(keys.map((k) => cache.get<StoredScan>(k)));
    const scans = kept.map(
      (scan): StoredScan =>
        scan && scan.fromBlock === fromBlock ? scan : { fromBlock, scannedTo: fromBlock - 1n, logs: [] },
    );
    const savers = keys.map((k) => throttledSaver(cache, k));
    // Which scans read a page in this read: only those are written back when it ends.
    const read = filters.map(() => false);
    const parts = filters.map((filter, i): ScanPart => {
      const { scannedTo } = scans[i]!;
      const resumeAt = scannedTo + 1n - REORG_OVERLAP;
      return {
        fetchPage: fetchPage(filter),
        originBlock: fromBlock,
        knownTo: scannedTo,
        // Asked for no more than is known already (an older snapshot's block): nothing to read.
        fromBlock: scannedTo >= toBlock ? toBlock + 1n : resumeAt > fromBlock ? resumeAt : fromBlock,
        onPage: (logs, range) => {
          const scan = scans[i]!;
          // The first page re-reads an overlap, whose kept logs it replaces; later ones only add.
          const merged =
            logs.length > 0 || range.fromBlock <= scan.scannedTo
              ? mergeLogs(scan.logs, logs, range.fromBlock)
              : scan.logs;
          scans[i] = { fromBlock, scannedTo: range.toBlock, logs: merged };
          read[i] = true;
          return savers[i]!.save(scans[i]!);
        },
      };
    });
    try {
      await scanParts(parts, scanOptions(request));
    } finally {
      await Promise.all(savers.map((saver, i) => (read[i] ? saver.flush(scans[i]!) : undefined)));
    }
    return mergeLogs(
      [],
      scans.flatMap((scan) => scan.logs.filter((log) => log.blockNumber <= toBlock)),
      fromBlock,
    );
  }

  /**
   * Each pool's `DeployPool` block, read once from the factory's logs and remembered. The pools not yet known
   * are looked for in one scan, which stops as soon as it has found them all.
   */
  async function deployBlocksOf(pools: readonly PoolInfo[], request: HistoryRequest): Promise<bigint[]> {
    const keys = await Promise.all(pools.map((p) => keyOf('deploy', p.address)));
    const configured = deployment.poolDeployBlocks ?? {};
    const known = await Promise.all(
      keys.map((key, i) => configured[pools[i]!.address.toLowerCase()] ?? cache.get<bigint>(key)),
    );
    const missing = pools.filter((_, i) => known[i] === undefined);
    const found = new Map<string, bigint>();
    if (missing.length > 0) {
      const wanted = new Set(missing.map((p) => pad(p.address).toLowerCase()));
      // How far an earlier, interrupted search got: on a chain hundreds of millions of blocks long it is
      // hours of pages, so a reload or an outage resumes it instead of starting again at the factory.
      const searchKey = await keyOf('deploy-search', ...[...wanted].sort());
      const resumed = await cache.get<bigint>(searchKey);
      const start =
        resumed !== undefined && resumed >= deployment.historyFromBlock
          ? resumed + 1n
          : deployment.historyFromBlock;
      const total = request.toBlock - start + 1n;
      let searchedTo = start - 1n;
      const saver = throttledSaver(cache, searchKey);
      const allFound = new Error('all pools found');
      try {
        request.onProgress?.({ scannedBlocks: 0n, totalBlocks: total });
        await scanLogs(
          fetchPage({ address: [deployment.factory], topics: [TOPICS.deployPool, [...wanted] as Hex[]] }),
          { fromBlock: start, toBlock: request.toBlock },
          {
            ...(request.signal ? { signal: request.signal } : {}),
            onPage: async (logs, range) => {
              for (const log of logs) {
                const pool = log.topics[1]?.toLowerCase();
                if (pool && wanted.has(pool) && !found.has(pool)) found.set(pool, log.blockNumber);
              }
              // Thrown from the page callback, it ends the scan here rather than at the head.
              if (found.size === wanted.size) throw allFound;
              searchedTo = range.toBlock;
              request.onProgress?.({ scannedBlocks: searchedTo - start + 1n, totalBlocks: total });
              // Only a search that found none of its pools yet can resume from where it stopped.
              if (found.size === 0) await saver.save(searchedTo);
            },
          },
        );
      } catch (error) {
        if (error !== allFound) {
          if (found.size === 0 && searchedTo >= start) await saver.flush(searchedTo);
          throw error;
        }
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

  const scanOptions = ({ toBlock, signal, onProgress }: HistoryRequest): ScanPartsOptions => ({
    toBlock,
    signal,
    onProgress,
    ...(learnedSpan ? { pager: { initialSpan: learnedSpan, maxSpan: 100_000n } } : {}),
    onSpan: (size) => {
      if (learnedSpan === undefined || size > learnedSpan) learnedSpan = size;
    },
  });

  /** Reads blocks `fromBlock..toBlock` of each filter, nothing kept: a short tail another source left. */
  async function scanRange(
    fromBlock: bigint,
    filters: LogFilter[],
    request: HistoryRequest,
  ): Promise<StoredLog[]> {
    const found: StoredLog[] = [];
    const parts = filters.map(
      (filter): ScanPart => ({
        fetchPage: fetchPage(filter),
        originBlock: fromBlock,
        fromBlock,
        knownTo: fromBlock - 1n,
        onPage: (logs) => {
          found.push(...logs);
        },
      }),
    );
    await scanParts(parts, scanOptions(request));
    return mergeLogs([], found, fromBlock);
  }

  const poolFilters = (pool: PoolInfo) => [
    {
      address: [deployment.keeper ?? pool.keeper, pool.committer, pool.address],
      topics: [[TOPICS.upkeep, TOPICS.executed, TOPICS.balances]] as (Hex | Hex[] | null)[],
    },
  ];
  // AutoClaim's logs where the chain has AutoClaim; without its address, those rows are simply absent.
  const autoClaim = deployment.autoClaim ? [deployment.autoClaim] : [];
  const userTopics = [
    TOPICS.commit,
    TOPICS.transfer,
    TOPICS.claim,
    ...(autoClaim.length ? [TOPICS.claimRequest, TOPICS.claimExecuted] : []),
  ];
  const userFilters = (pools: readonly PoolInfo[], user: Address) => {
    const committers = pools.map((p) => p.committer);
    const tokens = pools.flatMap((p) => [p.longToken, p.shortToken]);
    const userTopic = pad(user);
    return [
      // Commits and claims by the user, AutoClaim's records of them, and tokens the user sent: all name the
      // user first.
      { address: [...committers, ...tokens, ...autoClaim], topics: [userTopics, userTopic] },
      { address: tokens, topics: [TOPICS.transfer, null, userTopic] },
    ] as LogFilter[];
  };

  const tailFilter = (pools: readonly PoolInfo[]) => [
    {
      address: [
        ...pools.map((p) => p.committer),
        ...pools.flatMap((p) => [p.longToken, p.shortToken]),
        ...autoClaim,
      ],
      topics: [userTopics] as (Hex | Hex[] | null)[],
    },
  ];

  return {
    async poolEvents(pool, request): Promise<PoolEvents> {
      request.onSource?.({ kind: 'chain' });
      if (request.fromBlock !== undefined) {
        const logs = await scanRange(request.fromBlock, poolFilters(pool), request);
        return { ...poolEventsOf(pool, records(logs)), fromBlock: request.fromBlock };
      }
      const [fromBlock = deployment.historyFromBlock] = await deployBlocksOf([pool], request);
      const logs = await incremental(
        await keyOf('pool', pool.address),
        fromBlock,
        poolFilters(pool),
        request,
      );
      return { ...poolEventsOf(pool, records(logs)), fromBlock };
    },

    async userEvents(pools, user, request) {
      const events = new Map<string, UserEvent[]>(pools.map((p) => [p.address.toLowerCase(), []]));
      request.onSource?.({ kind: 'chain' });
      if (pools.length === 0) return events;
      if (request.fromBlock !== undefined) {
        // A short tail: one request for every commit, claim, AutoClaim record and token transfer in these
        // pools, the user's picked out here, rather than one request per position the user can take in a log.
        const logs = await scanRange(request.fromBlock, tailFilter(pools), request);
        for (const [pool, list] of userEventsOf(pools, user, records(logs))) events.set(pool, list);
        return events;
      }
      const starts = await deployBlocksOf(pools, request);
      // bigints: Math.min does not take them.
      const fromBlock =
        [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0] ?? deployment.historyFromBlock;
      const logs = await incremental(
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

/**
 * Writes a value to the cache at most once a second while a scan runs (each write of a long history costs a
 * structured clone), and always on `flush`; writes land in order.
 */
function throttledSaver<T>(cache: HistoryCache, key: string, everyMs = 1000) {
  let last = 0;
  let queue: Promise<void> = Promise.resolve();
  const write = (value: T) => {
    last = Date.now();
    queue = queue.then(() => cache.set<T>(key, value));
    return queue;
  };
  return {
    save: (value: T): Promise<void> => (Date.now() - last >= everyMs ? write(value) : Promise.resolve()),
    flush: write,
  };
}

const records = (logs: readonly StoredLog[]): HistoryRecord[] =>
  logs.flatMap((log) => decodeHistoryLog(log) ?? []);

export type { HistoryProgress };
