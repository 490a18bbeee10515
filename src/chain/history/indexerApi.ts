/**
 * What the history indexer answers (indexer/src/api), shared by the indexer and the app's indexerSource so
 * the two cannot drift. Every answer names the chain it was indexed from and how far it has got, so the app
 * can refuse an indexer of another chain (or of a restarted devnet) and read the blocks it has not reached
 * from the chain itself. Bigints travel in historyJson.ts's JSON form.
 */
import type { Address, Hex } from 'viem';
import {
  type BalanceEvent,
  historyKey,
  type UpkeepEvent,
  type UpkeepStep,
  type UserEvent,
} from './historySource.ts';
import type { LedgerPage, LedgerPoolFigures } from './ledger.ts';

export interface IndexerChain {
  chainId: number;
  /** The block whose hash names the chain instance, and that hash, as the indexer saw it. */
  identity: { block: bigint; hash: Hex };
  /** The last block fully indexed, and its time (Unix seconds). */
  head: { block: bigint; timestamp: number };
}

/**
 * One page of history: events of blocks `fromBlock..through`. Another page follows while `through` is below
 * both the block asked for and the indexer's head; past the head, the chain's own logs serve.
 */
interface Page {
  chain: IndexerChain;
  through: bigint;
}

export type PoolHistoryAnswer =
  | (Page & {
      served: true;
      /** The pool's `DeployPool` block. */
      deployBlock: bigint;
      upkeeps: UpkeepEvent[];
      balances: BalanceEvent[];
    })
  | { chain: IndexerChain; served: false; why: 'not-deployed-by-factory' | 'not-olympus' };

export interface UserHistoryAnswer extends Page {
  /** The pools asked for that the indexer serves (lower case): the factory's verified Olympus pools. */
  served: Address[];
  /** The earliest deployment block among the served pools. */
  deployBlock: bigint;
  events: Record<string, UserEvent[]>;
  /**
   * The served pools' upkeep steps in the page's blocks that the user lived through (from their first commit
   * or transfer in the pool on), as `StepsAnswer` has them: the profit split's, in the same answer. Absent
   * from an indexer that predates them.
   */
  steps?: Record<string, UpkeepStep[]>;
}

/**
 * A user's upkeep steps, in one answer (not paged): for each pool asked that the indexer serves, the pool's
 * steps from the block of the user's first commit or transfer in it to `through` (the lower of `toBlock` and
 * the indexer's head), in chain order. A pool the user never traded in has an empty list.
 */
export interface StepsAnswer {
  chain: IndexerChain;
  through: bigint;
  /** The pools asked for that the indexer serves (lower case). */
  served: Address[];
  steps: Record<string, UpkeepStep[]>;
}

/**
 * A user's ledger up to `through` (the lower of `toBlock` and the indexer's head), computed by the indexer
 * from its records and the pools' stored prices (ledger.ts): every served pool's figures, and the one page of
 * rows the query asked for. Not paged by blocks: the figures need every event, which stay on the server.
 */
export interface LedgerAnswer {
  chain: IndexerChain;
  through: bigint;
  /** The pools asked for that the indexer serves (lower case). */
  served: Address[];
  /** By pool (lower case), for the served pools the account has events in. */
  pools: Record<string, LedgerPoolFigures>;
  page: LedgerPage;
}

/** One pool's figures for one UTC day, in the pool's own units (settlement, or pool tokens for burns). */
export interface PoolDayFigures {
  pool: Address;
  /** Unix seconds of the day's start. */
  day: number;
  longBalance: bigint;
  shortBalance: bigint;
  mintVolume: bigint;
  longBurnTokens: bigint;
  shortBurnTokens: bigint;
  commits: number;
  upkeeps: number;
  /** Management fees charged at the day's rebalances. */
  feesCharged: bigint;
  /** Accrued fees claimed that day by the protocol's fee address. */
  primaryFees: bigint;
  /** Claimed by the secondary fee address's share: the Olympus treasury's, for a verified pool. */
  secondaryFees: bigint;
  keeperRewards: bigint;
}

/** A day with nothing done in it: every activity figure of `PoolDayFigures` at zero (balances aside). */
export const NO_DAY_ACTIVITY = {
  mintVolume: 0n,
  longBurnTokens: 0n,
  shortBurnTokens: 0n,
  commits: 0,
  upkeeps: 0,
  feesCharged: 0n,
  primaryFees: 0n,
  secondaryFees: 0n,
  keeperRewards: 0n,
} as const satisfies Omit<PoolDayFigures, 'pool' | 'day' | 'longBalance' | 'shortBalance'>;

export interface ProtocolAnswer {
  chain: IndexerChain;
  days: PoolDayFigures[];
}

/** The routes, relative to the indexer's origin. */
export const INDEXER_ROUTES = {
  chain: '/history/chain',
  pool: (pool: Address) => `/history/pool/${historyKey(pool)}`,
  user: (user: Address) => `/history/user/${historyKey(user)}`,
  steps: (user: Address) => `/history/steps/${historyKey(user)}`,
  ledger: (user: Address) => `/history/ledger/${historyKey(user)}`,
  protocol: '/history/protocol',
} as const;
