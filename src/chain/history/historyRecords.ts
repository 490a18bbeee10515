/**
 * The one decoding of history: from a log (as `eth_getLogs` returns it, or as the indexer receives it) to a
 * typed record, and from records to the HistorySource's shapes. The browser's log scan and the indexer
 * (indexer/src) both go through here, so the two sources cannot disagree on what an event means: the indexer
 * stores records, its routes rebuild them from rows and assemble them with the same functions.
 */
import { type Address, decodeEventLog, erc20Abi, type Hex } from 'viem';
import {
  autoClaimAbi,
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
} from '../../../contracts-abi/generated/index.ts';
import type { CommitType } from '../../engine/commits.ts';
import { quadFromHex, toUInt } from '../../engine/quad.ts';
import type { BalanceEvent, UpkeepEvent } from './historySource.ts';
import { type StoredLog, TOPICS } from './logs.ts';

/** Where a record came from: enough to order it and to join records of one transaction. */
export interface RecordPlace {
  /** The emitting contract. */
  address: Address;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  timestamp?: number;
}

export type HistoryRecord = RecordPlace &
  (
    | { kind: 'deployPool'; pool: Address; committer: Address; ticker: string }
    | { kind: 'poolInitialized'; longToken: Address; shortToken: Address; settlementToken: Address }
    | { kind: 'upkeep'; pool: Address; startPrice: bigint; endPrice: bigint }
    | { kind: 'keeperPaid'; pool: Address; keeper: Address; reward: bigint }
    | { kind: 'executed'; intervalId: bigint; burningFeeWad: bigint }
    | { kind: 'rebalance'; longChange: bigint; shortChange: bigint; longFee: bigint; shortFee: bigint }
    | { kind: 'balances'; longBalance: bigint; shortBalance: bigint }
    | { kind: 'fees'; tier: 'primary' | 'secondary'; recipient: Address; amount: bigint }
    | {
        kind: 'commit';
        user: Address;
        commitType: CommitType;
        amount: bigint;
        intervalId: bigint;
        fromEscrow: boolean;
        payForClaim: boolean;
        mintingFeeWad: bigint;
      }
    | { kind: 'claim'; user: Address }
    | { kind: 'transfer'; from: Address; to: Address; value: bigint }
    | { kind: 'claimRequest'; user: Address; committer: Address; intervalId: bigint; reward: bigint }
    | { kind: 'claimExecuted'; user: Address; committer: Address; reward: bigint }
  );

export type RecordOf<K extends HistoryRecord['kind']> = Extract<HistoryRecord, { kind: K }>;

/** The pool facts history needs to assemble a pool's or a user's events. */
export interface HistoryPool {
  address: Address;
  committer: Address;
  longToken: Address;
  shortToken: Address;
}

const placeOf = (log: StoredLog): RecordPlace => ({
  address: log.address,
  blockNumber: log.blockNumber,
  logIndex: log.logIndex,
  transactionHash: log.transactionHash,
  ...(log.timestamp === undefined ? {} : { timestamp: log.timestamp }),
});

const payload = (log: StoredLog) => ({ data: log.data, topics: log.topics });

/** A log as a record; undefined for a log history does not use, or one that does not decode. */
export function decodeHistoryLog(log: StoredLog): HistoryRecord | undefined {
  const place = placeOf(log);
  try {
    switch (log.topics[0]) {
      case TOPICS.deployPool: {
        const a = decodeEventLog({ abi: poolFactoryAbi, eventName: 'DeployPool', ...payload(log) }).args;
        return { ...place, kind: 'deployPool', pool: a.pool, committer: a.poolCommitter, ticker: a.ticker };
      }
      case TOPICS.poolInitialized: {
        const a = decodeEventLog({
          abi: leveragedPoolAbi,
          eventName: 'PoolInitialized',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'poolInitialized',
          longToken: a.longToken,
          shortToken: a.shortToken,
          settlementToken: a.settlementToken,
        };
      }
      case TOPICS.upkeep: {
        const a = decodeEventLog({ abi: poolKeeperAbi, eventName: 'UpkeepSuccessful', ...payload(log) }).args;
        return { ...place, kind: 'upkeep', pool: a.pool, startPrice: a.startPrice, endPrice: a.endPrice };
      }
      case TOPICS.keeperPaid: {
        const a = decodeEventLog({ abi: poolKeeperAbi, eventName: 'KeeperPaid', ...payload(log) }).args;
        return { ...place, kind: 'keeperPaid', pool: a._pool, keeper: a.keeper, reward: a.reward };
      }
      case TOPICS.executed: {
        const a = decodeEventLog({
          abi: poolCommitterAbi,
          eventName: 'ExecutedCommitsForInterval',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'executed',
          intervalId: a.updateIntervalId,
          burningFeeWad: toUInt(quadFromHex(a.burningFee)),
        };
      }
      case TOPICS.rebalance: {
        const a = decodeEventLog({ abi: leveragedPoolAbi, eventName: 'PoolRebalance', ...payload(log) }).args;
        return {
          ...place,
          kind: 'rebalance',
          longChange: a.longBalanceChange,
          shortChange: a.shortBalanceChange,
          longFee: a.longFeeAmount,
          shortFee: a.shortFeeAmount,
        };
      }
      case TOPICS.balances: {
        const a = decodeEventLog({
          abi: leveragedPoolAbi,
          eventName: 'PoolBalancesChanged',
          ...payload(log),
        }).args;
        return { ...place, kind: 'balances', longBalance: a.long, shortBalance: a.short };
      }
      case TOPICS.primaryFees: {
        const a = decodeEventLog({
          abi: leveragedPoolAbi,
          eventName: 'PrimaryFeesPaid',
          ...payload(log),
        }).args;
        return { ...place, kind: 'fees', tier: 'primary', recipient: a.feeAddress, amount: a.amount };
      }
      case TOPICS.secondaryFees: {
        const a = decodeEventLog({
          abi: leveragedPoolAbi,
          eventName: 'SecondaryFeesPaid',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'fees',
          tier: 'secondary',
          recipient: a.secondaryFeeAddress,
          amount: a.amount,
        };
      }
      case TOPICS.commit: {
        const a = decodeEventLog({ abi: poolCommitterAbi, eventName: 'CreateCommit', ...payload(log) }).args;
        return {
          ...place,
          kind: 'commit',
          user: a.user,
          commitType: a.commitType as CommitType,
          amount: a.amount,
          intervalId: a.appropriateUpdateIntervalId,
          fromEscrow: a.fromAggregateBalance,
          payForClaim: a.payForClaim,
          mintingFeeWad: toUInt(quadFromHex(a.mintingFee)),
        };
      }
      case TOPICS.claim: {
        const a = decodeEventLog({ abi: poolCommitterAbi, eventName: 'Claim', ...payload(log) }).args;
        return { ...place, kind: 'claim', user: a.user };
      }
      case TOPICS.transfer: {
        const a = decodeEventLog({ abi: erc20Abi, eventName: 'Transfer', ...payload(log) }).args;
        return { ...place, kind: 'transfer', from: a.from, to: a.to, value: a.value };
      }
      case TOPICS.claimRequest: {
        const a = decodeEventLog({
          abi: autoClaimAbi,
          eventName: 'PaidClaimRequestUpdate',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'claimRequest',
          user: a.user,
          committer: a.poolCommitter,
          intervalId: a.updateIntervalId,
          reward: a.newReward,
        };
      }
      case TOPICS.claimExecuted: {
        const a = decodeEventLog({
          abi: autoClaimAbi,
          eventName: 'PaidRequestExecution',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'claimExecuted',
          user: a.user,
          committer: a.poolCommitter,
          reward: a.reward,
        };
      }
      default:
        return undefined;
    }
  } catch {
    // A log with a known topic but another layout (an ERC-721 Transfer has a fourth topic): not ours.
    return undefined;
  }
}

export const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Records in chain order, whichever source gathered them. */
export function inChainOrder<T extends { blockNumber: bigint; logIndex: number }>(
  records: readonly T[],
): T[] {
  return [...records].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
}

export const located = (r: RecordPlace) => ({
  blockNumber: r.blockNumber,
  logIndex: r.logIndex,
  transactionHash: r.transactionHash,
  ...(r.timestamp === undefined ? {} : { timestamp: r.timestamp }),
});

/**
 * A pool's rebalances and recorded balances. Each upkeep carries the last interval its transaction executed
 * (that interval's token prices are stored under its id); upkeeps of other pools and other contracts' balance
 * logs are left out, so a wider set of records is safe to pass.
 */
export function poolEventsOf(
  pool: HistoryPool,
  records: readonly HistoryRecord[],
): { upkeeps: UpkeepEvent[]; balances: BalanceEvent[] } {
  const intervalByTx = new Map<Hex, bigint>();
  for (const r of inChainOrder(records))
    if (r.kind === 'executed' && same(r.address, pool.committer))
      intervalByTx.set(r.transactionHash, r.intervalId);
  const upkeeps: UpkeepEvent[] = [];
  const balances: BalanceEvent[] = [];
  for (const r of inChainOrder(records)) {
    if (r.kind === 'upkeep' && same(r.pool, pool.address)) {
      const intervalId = intervalByTx.get(r.transactionHash);
      upkeeps.push({
        ...located(r),
        startPrice: r.startPrice,
        endPrice: r.endPrice,
        ...(intervalId === undefined ? {} : { intervalId }),
      });
    } else if (r.kind === 'balances' && same(r.address, pool.address)) {
      balances.push({ ...located(r), longBalance: r.longBalance, shortBalance: r.shortBalance });
    }
  }
  return { upkeeps, balances };
}

/**
 * History as JSON, for the indexer's rows and its answers alike: bigints travel as `{ "$bigint": "…" }`
 * (decimal, exact), everything else as itself.
 */
export function historyToJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
}

export function historyFromJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && '$bigint' in v) {
      const digits = (v as { $bigint: unknown }).$bigint;
      if (typeof digits === 'string' && /^-?\d+$/.test(digits)) return BigInt(digits);
      throw new Error('history JSON: a $bigint that is not a whole number');
    }
    return v;
  }) as T;
}
