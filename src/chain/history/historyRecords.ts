/**
 * What history is made of: the typed record every event becomes (decoded in recordDecoder.ts), the helpers
 * that order and place records, and a pool's events assembled from them (a user's are in userEvents.ts). The
 * browser's log scan and the indexer (indexer/src) both go through here, so the two sources cannot disagree on
 * what an event means: the indexer stores records, its routes rebuild them from rows and assemble them with
 * the same functions.
 */
import { type Address, type Hex, isAddressEqual } from 'viem';
import type { CommitType } from '../../engine/commits.ts';
import type { BalanceEvent, UpkeepEvent } from './historySource.ts';

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
    if (r.kind === 'executed' && isAddressEqual(r.address, pool.committer))
      intervalByTx.set(r.transactionHash, r.intervalId);
  const upkeeps: UpkeepEvent[] = [];
  const balances: BalanceEvent[] = [];
  for (const r of inChainOrder(records)) {
    if (r.kind === 'upkeep' && isAddressEqual(r.pool, pool.address)) {
      const intervalId = intervalByTx.get(r.transactionHash);
      upkeeps.push({
        ...located(r),
        startPrice: r.startPrice,
        endPrice: r.endPrice,
        ...(intervalId === undefined ? {} : { intervalId }),
      });
    } else if (r.kind === 'balances' && isAddressEqual(r.address, pool.address)) {
      balances.push({ ...located(r), longBalance: r.longBalance, shortBalance: r.shortBalance });
    }
  }
  return { upkeeps, balances };
}
