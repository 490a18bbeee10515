/**
 * The logs the history keeps, and what they mean: the raw `eth_getLogs` answer trimmed to what decoding and
 * ordering need (this is what is stored between visits), the event topics the scans filter on, and the
 * decoding of a pool's and a user's logs into the HistorySource's events.
 */
import { type Address, decodeEventLog, encodeEventTopics, erc20Abi, type Hex } from 'viem';
import {
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
} from '../../../contracts-abi/generated/index.ts';
import type { CommitType } from '../../engine/commits.ts';
import { quadFromHex, toUInt } from '../../engine/quad.ts';
import type { PoolInfo } from '../poolRegistry.ts';
import type { BalanceEvent, UpkeepEvent, UserEvent } from './historySource.ts';

/** A log as kept: what decoding and ordering need, nothing else. */
export interface StoredLog {
  address: Address;
  topics: [Hex, ...Hex[]];
  data: Hex;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  timestamp?: number;
}

export interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex | null;
  logIndex: Hex | null;
  transactionHash: Hex | null;
  blockTimestamp?: Hex;
}

const topic = (abi: Parameters<typeof encodeEventTopics>[0]['abi'], eventName: string): Hex => {
  const [selector] = encodeEventTopics({ abi, eventName } as Parameters<typeof encodeEventTopics>[0]);
  if (!selector) throw new Error(`no topic for ${eventName}`);
  return selector;
};

export const TOPICS = {
  deployPool: topic(poolFactoryAbi, 'DeployPool'),
  upkeep: topic(poolKeeperAbi, 'UpkeepSuccessful'),
  executed: topic(poolCommitterAbi, 'ExecutedCommitsForInterval'),
  balances: topic(leveragedPoolAbi, 'PoolBalancesChanged'),
  commit: topic(poolCommitterAbi, 'CreateCommit'),
  transfer: topic(erc20Abi, 'Transfer'),
};

export function stored(raw: RawLog): StoredLog | undefined {
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
