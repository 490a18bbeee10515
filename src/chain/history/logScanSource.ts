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
import {
  type Address,
  decodeEventLog,
  encodeEventTopics,
  erc20Abi,
  type Hex,
  numberToHex,
  type PublicClient,
  pad,
} from 'viem';
import {
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
} from '../../../contracts-abi/generated/index.ts';
import type { CommitType } from '../../engine/commits.ts';
import { quadFromHex, toUInt } from '../../engine/quad.ts';
import type { ChainDeployment } from '../config.ts';
import type { PoolInfo } from '../poolRegistry.ts';
import type { HistoryCache } from './historyCache.ts';
import type {
  BalanceEvent,
  HistoryProgress,
  HistoryRequest,
  HistorySource,
  PoolEvents,
  UpkeepEvent,
  UserEvent,
} from './historySource.ts';
import { type BlockRange, mergeLogs, scanLogs } from './logPager.ts';

/** A log as kept: what decoding and ordering need, nothing else. */
interface StoredLog {
  address: Address;
  topics: [Hex, ...Hex[]];
  data: Hex;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  timestamp?: number;
}

interface StoredScan {
  fromBlock: bigint;
  scannedTo: bigint;
  logs: StoredLog[];
}

interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex | null;
  logIndex: Hex | null;
  transactionHash: Hex | null;
  blockTimestamp?: Hex;
}

/** Blocks re-read at the end of a remembered scan, in case they were reorganised since. */
export const REORG_OVERLAP = 64n;

const topic = (abi: Parameters<typeof encodeEventTopics>[0]['abi'], eventName: string): Hex => {
  const [selector] = encodeEventTopics({ abi, eventName } as Parameters<typeof encodeEventTopics>[0]);
  if (!selector) throw new Error(`no topic for ${eventName}`);
  return selector;
};

const TOPICS = {
  deployPool: topic(poolFactoryAbi, 'DeployPool'),
  upkeep: topic(poolKeeperAbi, 'UpkeepSuccessful'),
  executed: topic(poolCommitterAbi, 'ExecutedCommitsForInterval'),
  balances: topic(leveragedPoolAbi, 'PoolBalancesChanged'),
  commit: topic(poolCommitterAbi, 'CreateCommit'),
  transfer: topic(erc20Abi, 'Transfer'),
};

function stored(raw: RawLog): StoredLog | undefined {
  const [signature, ...rest] = raw.topics;
  if (!signature || raw.blockNumber === null || raw.logIndex === null || raw.transactionHash === null)
    return undefined;
  return {
    address: raw.address,
    topics: [signature, ...rest],
    data: raw.data,
    blockNumber: BigInt(raw.blockNumber),
    logIndex: Number(raw.logIndex),
    transactionHash: raw.transactionHash,
    ...(raw.blockTimestamp ? { timestamp: Number(BigInt(raw.blockTimestamp)) } : {}),
  };
}

const payload = (log: StoredLog) => ({ data: log.data, topics: log.topics });

const located = (log: StoredLog) => ({
  blockNumber: log.blockNumber,
  logIndex: log.logIndex,
  ...(log.timestamp === undefined ? {} : { timestamp: log.timestamp }),
});

export interface LogScanSourceOptions {
  client: PublicClient;
  deployment: ChainDeployment;
  cache: HistoryCache;
}

export function createLogScanSource({ client, deployment, cache }: LogScanSourceOptions): HistorySource {
  // The widest page that worked on this endpoint so far: later scans start there instead of re-learning.
  let learnedSpan: bigint | undefined;
  let identity: Promise<Hex> | undefined;
  // The first block's hash names the chain instance: a restarted devnet with the same addresses is another.
  const chainIdentity = () => {
    identity ??= client
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

export function decodePoolLogs(pool: PoolInfo, logs: readonly StoredLog[]) {
  const upkeeps: UpkeepEvent[] = [];
  const balances: BalanceEvent[] = [];
  // The last interval executed in each upkeep transaction carries that upkeep's token prices.
  const intervalByTx = new Map<Hex, bigint>();
  const committer = pool.committer.toLowerCase();
  for (const log of logs) {
    if (log.topics[0] === TOPICS.executed && log.address.toLowerCase() === committer) {
      const e = decodeEventLog({
        abi: poolCommitterAbi,
        eventName: 'ExecutedCommitsForInterval',
        ...payload(log),
      });
      intervalByTx.set(log.transactionHash, e.args.updateIntervalId);
    }
  }
  for (const log of logs) {
    if (log.topics[0] === TOPICS.upkeep) {
      const e = decodeEventLog({ abi: poolKeeperAbi, eventName: 'UpkeepSuccessful', ...payload(log) });
      if (e.args.pool.toLowerCase() !== pool.address.toLowerCase()) continue;
      const intervalId = intervalByTx.get(log.transactionHash);
      upkeeps.push({
        ...located(log),
        startPrice: e.args.startPrice,
        endPrice: e.args.endPrice,
        ...(intervalId === undefined ? {} : { intervalId }),
      });
    } else if (
      log.topics[0] === TOPICS.balances &&
      log.address.toLowerCase() === pool.address.toLowerCase()
    ) {
      const e = decodeEventLog({ abi: leveragedPoolAbi, eventName: 'PoolBalancesChanged', ...payload(log) });
      balances.push({ ...located(log), longBalance: e.args.long, shortBalance: e.args.short });
    }
  }
  return { upkeeps, balances };
}

export function decodeUserLogs(
  pools: readonly PoolInfo[],
  user: Address,
  logs: readonly StoredLog[],
): Map<string, UserEvent[]> {
  const byCommitter = new Map(pools.map((p) => [p.committer.toLowerCase(), p]));
  const byToken = new Map<string, { pool: PoolInfo; side: 'long' | 'short' }>();
  for (const p of pools) {
    byToken.set(p.longToken.toLowerCase(), { pool: p, side: 'long' });
    byToken.set(p.shortToken.toLowerCase(), { pool: p, side: 'short' });
  }
  const me = user.toLowerCase();
  const out = new Map<string, UserEvent[]>();
  const push = (pool: PoolInfo, event: UserEvent) => {
    const key = pool.address.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), event]);
  };
  for (const log of logs) {
    const address = log.address.toLowerCase();
    if (log.topics[0] === TOPICS.commit) {
      const pool = byCommitter.get(address);
      if (!pool) continue;
      const a = decodeEventLog({ abi: poolCommitterAbi, eventName: 'CreateCommit', ...payload(log) }).args;
      push(pool, {
        kind: 'commit',
        ...located(log),
        commitType: a.commitType as CommitType,
        amount: a.amount,
        intervalId: a.appropriateUpdateIntervalId,
        fromEscrow: a.fromAggregateBalance,
        mintingFeeWad: toUInt(quadFromHex(a.mintingFee)),
      });
    } else if (log.topics[0] === TOPICS.transfer) {
      const token = byToken.get(address);
      if (!token) continue;
      const a = decodeEventLog({ abi: erc20Abi, eventName: 'Transfer', ...payload(log) }).args;
      // A transfer to oneself changes no holding.
      if (a.from.toLowerCase() === me && a.to.toLowerCase() === me) continue;
      const direction = a.to.toLowerCase() === me ? 'in' : 'out';
      const counterparty = (direction === 'in' ? a.from : a.to).toLowerCase();
      // Escrow claims come from the pool; burns go to the zero address: both are accounted by the commits.
      if (counterparty === token.pool.address.toLowerCase() || /^0x0{40}$/.test(counterparty)) continue;
      push(token.pool, { kind: 'transfer', ...located(log), side: token.side, direction, amount: a.value });
    }
  }
  return out;
}

export type { HistoryProgress };
