/**
 * Where the app's history comes from: a pool's rebalances and recorded balances, and a user's commits and
 * token transfers. Features ask this interface, never `eth_getLogs` directly. Two implementations: the log
 * scan (logScanSource.ts), which reads the chain's own logs, and the indexer (indexerSource.ts), which asks
 * the history indexer and scans only the blocks it has not reached.
 */
import type { Address, Hex } from 'viem';
import type { CommitType } from '../../engine/commits.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';

/**
 * How the history keys an address (a pool, its committer and tokens, a user) in its maps and on the indexer's
 * wire: in lower case, the one form a log, the indexer's routes and a checksummed address all reduce to.
 * Everywhere else addresses are checksummed and compared with viem's `isAddressEqual`.
 */
export const historyKey = (address: string): string => address.toLowerCase();

export interface HistoryProgress {
  /** Blocks read so far and in all, across every scan the request needs. */
  scannedBlocks: bigint;
  totalBlocks: bigint;
}

/** Where an answer came from, for the page to say so. */
export type HistoryProvenance =
  | {
      kind: 'indexer';
      /** The indexer's last block and its time (Unix seconds); `chainFrom`: the chain's logs were read from there. */
      indexedTo: bigint;
      indexedAt: number;
      chainFrom?: bigint;
    }
  | {
      kind: 'chain';
      /** Why not the indexer; absent when no indexer is configured. */
      why?: 'unreachable' | 'other-chain' | 'not-served' | 'not-ready';
    };

export interface HistoryRequest {
  /** Read up to this block (the snapshot's block, so history and figures agree). */
  toBlock: bigint;
  /**
   * Read only from this block: the part of a history another source has not covered. Absent: from the pool's
   * deployment.
   */
  fromBlock?: bigint;
  /** Told where the answer came from, once it is known. */
  onSource?: (source: HistoryProvenance) => void;
  onProgress?: (progress: HistoryProgress) => void;
  signal?: AbortSignal;
}

interface Located {
  blockNumber: bigint;
  logIndex: number;
  /** The transaction that emitted the log: for the explorer's link and the ledger's export. */
  transactionHash: Hex;
  /** Unix seconds, where the provider returns it with the log. */
  timestamp?: number;
}

export interface UpkeepEvent extends Located {
  startPrice: bigint;
  endPrice: bigint;
  /** The last interval this upkeep executed (its token prices are stored under this id). */
  intervalId?: bigint;
}

/** Side balances as the pool itself recorded them (`PoolBalancesChanged`, at commits and claims). */
export interface BalanceEvent extends Located {
  longBalance: bigint;
  shortBalance: bigint;
}

export interface PoolEvents {
  upkeeps: UpkeepEvent[];
  balances: BalanceEvent[];
  /** The first block read: the pool's deployment. */
  fromBlock: bigint;
}

export interface CommitEvent extends Located {
  kind: 'commit';
  commitType: CommitType;
  amount: bigint;
  intervalId: bigint;
  fromEscrow: boolean;
  /** The minting fee in force when the commit was made (the event carries it), WAD. */
  mintingFeeWad: bigint;
}

export interface TransferEvent extends Located {
  kind: 'transfer';
  side: 'long' | 'short';
  direction: 'in' | 'out';
  amount: bigint;
}

/** The user's `Claim` on the pool's committer: their escrow (tokens or collateral) paid out to the wallet. */
export interface ClaimEvent extends Located {
  kind: 'claim';
}

/**
 * AutoClaim's record of a commit that paid for a claim (`payForClaim`), or of a later update of that request:
 * `reward` is in the chain's native currency (wei), not collateral.
 */
export interface AutoClaimRequestEvent extends Located {
  kind: 'autoClaimRequest';
  /** The interval after which the request can be executed. */
  intervalId: bigint;
  reward: bigint;
}

/** Someone claimed for the user through AutoClaim and took the `reward` (wei, native currency). */
export interface AutoClaimPaidEvent extends Located {
  kind: 'autoClaimPaid';
  reward: bigint;
}

export type UserEvent = CommitEvent | TransferEvent | ClaimEvent | AutoClaimRequestEvent | AutoClaimPaidEvent;

/** One upkeep of a pool as the profit split needs it (served by the indexer only). */
export interface UpkeepStep extends Located {
  // Located: the upkeep transaction, the block, and the logIndex of the upkeep's first log in that pool
  /** The intervals the upkeep executed, first and last (absent when it executed none). */
  firstInterval?: bigint;
  lastInterval?: bigint;
  /** The token prices the committer stored for `firstInterval`, as the bytes16 quads it returns. */
  prices?: { long: Hex; short: Hex };
  /** Side balances at the end of the block before the upkeep's (absent if no PoolRebalance was emitted). */
  before?: { long: bigint; short: bigint };
  /** `PoolRebalance`: the management fee each side paid, and each side's value transfer (signed). Zeros when none. */
  fee: { long: bigint; short: bigint };
  change: { long: bigint; short: bigint };
  /** `KeeperPaid` in the same transaction, in settlement units; 0n when none. */
  keeperReward: bigint;
}

export interface HistorySource {
  poolEvents(pool: PoolInfo, request: HistoryRequest): Promise<PoolEvents>;
  /** The user's events in each pool, keyed by `historyKey`, oldest first. */
  userEvents(
    pools: readonly PoolInfo[],
    user: Address,
    request: HistoryRequest,
  ): Promise<Map<string, UserEvent[]>>;
  /**
   * Each pool's upkeep steps from the user's first commit or transfer in it up to `request.toBlock` (or the
   * indexer's head, whichever is lower), in chain order. Undefined when no indexer serves them (none
   * configured, unreachable, another chain instance): the log scan cannot read past state.
   */
  upkeepSteps?(
    pools: readonly PoolInfo[],
    user: Address,
    request: HistoryRequest,
  ): Promise<{ steps: Map<string, UpkeepStep[]>; through: bigint } | undefined>;
}
