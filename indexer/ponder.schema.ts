/**
 * What the indexer keeps. Every event history uses is one `record` row: the decoded record as JSON (decoded by
 * src/chain/history/recordDecoder.ts, as the browser's log scan decodes it) and the columns the routes
 * filter on. The pool's facts and per-day figures are kept apart, because the routes join and sum them.
 */
import { index, onchainTable } from 'ponder';

/** Pools the factory deployed (`DeployPool`). A look-alike pool never has a row here. */
export const pool = onchainTable('pool', (t) => ({
  address: t.hex().primaryKey(),
  committer: t.hex().notNull(),
  ticker: t.text().notNull(),
  deployBlock: t.bigint().notNull(),
  deployTimestamp: t.bigint().notNull(),
  /** Side balances at the pool's last `PoolBalancesChanged`: where a new day's figures open. */
  longBalance: t.bigint().notNull(),
  shortBalance: t.bigint().notNull(),
}));

/** Which pool each committer belongs to (from the factory's `DeployPool`). */
export const committerOf = onchainTable('committer_of', (t) => ({
  committer: t.hex().primaryKey(),
  pool: t.hex().notNull(),
}));

export const record = onchainTable(
  'record',
  (t) => ({
    /** Ponder's event id: unique, and in chain order. */
    id: t.text().primaryKey(),
    kind: t.text().notNull(),
    /** The emitting contract. */
    address: t.hex().notNull(),
    /** The pool the event is about, where the factory says so (null for token transfers). */
    pool: t.hex(),
    /** The account the event is about: the committer, the claimer, or a transfer's sender. */
    party: t.hex(),
    /** A transfer's receiver. */
    counterparty: t.hex(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    json: t.text().notNull(),
  }),
  (t) => ({
    byPool: index().on(t.pool, t.blockNumber),
    byParty: index().on(t.party, t.blockNumber),
    byCounterparty: index().on(t.counterparty, t.blockNumber),
  }),
);

/** Per pool and UTC day: what the protocol figures are summed from. Amounts in the pool's own units. */
export const poolDay = onchainTable(
  'pool_day',
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    /** Unix seconds of the day's start (UTC). */
    day: t.bigint().notNull(),
    /**
     * Side balances at the day's last `PoolBalancesChanged` (emitted at commits and claims, not at rebalances):
     * the TVL as the pool last recorded it that day, in settlement units.
     */
    longBalance: t.bigint().notNull(),
    shortBalance: t.bigint().notNull(),
    /** Settlement committed to mints (flips excluded: they move tokens, not settlement). */
    mintVolume: t.bigint().notNull(),
    /** Pool tokens committed to burns and flips, per side. */
    longBurnTokens: t.bigint().notNull(),
    shortBurnTokens: t.bigint().notNull(),
    commits: t.integer().notNull(),
    upkeeps: t.integer().notNull(),
    /** Management fees charged at the day's rebalances (`PoolRebalance`), both sides, in settlement units. */
    feesCharged: t.bigint().notNull(),
    /**
     * Accrued fees claimed out of the pool that day: by the protocol's fee address, and by the secondary
     * address (the treasury, for a verified pool). V2.1 pays them only when claimed, not at each rebalance.
     */
    primaryFees: t.bigint().notNull(),
    secondaryFees: t.bigint().notNull(),
    keeperRewards: t.bigint().notNull(),
  }),
  (t) => ({ byPool: index().on(t.pool, t.day) }),
);

/** The chain the rows come from: its id and the hash of the block that names the instance. */
export const chainIdentity = onchainTable('chain_identity', (t) => ({
  chainId: t.integer().primaryKey(),
  block: t.bigint().notNull(),
  hash: t.hex().notNull(),
}));

/**
 * One upkeep of one pool, as the holder's profit split needs it (docs/indexer.md, "Upkeep steps"): keyed by
 * `${pool}:${transactionHash}` (lower case), since one keeper transaction may upkeep several pools. Its logs
 * (`UpkeepSuccessful`, `PoolRebalance`, `ExecutedCommitsForInterval`, `KeeperPaid`) each add their part to
 * the row, in whatever order they are handled. V2.1 records no balances at an upkeep: `before` and the prices
 * come from the pool's book as the indexer replays it (`poolBook`, indexer/src/book.ts), not from state reads.
 */
export const upkeepStep = onchainTable(
  'upkeep_step',
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    transactionHash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    /** The upkeep's first log in this pool. */
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    /** The intervals executed, first and last (null when none). */
    firstInterval: t.bigint(),
    lastInterval: t.bigint(),
    /** The prices of `firstInterval` as the replay executed it (the committer's `priceHistory`): bytes16 quads. */
    longPrice: t.hex(),
    shortPrice: t.hex(),
    /** The replayed side balances just before the `PoolRebalance` (null when none was emitted). */
    longBefore: t.bigint(),
    shortBefore: t.bigint(),
    /** `PoolRebalance`: management fee and each side's whole change (fee included, signed); zeros when none. */
    longFee: t.bigint().notNull(),
    shortFee: t.bigint().notNull(),
    longChange: t.bigint().notNull(),
    shortChange: t.bigint().notNull(),
    /** `KeeperPaid` in the same transaction, in settlement units. */
    keeperReward: t.bigint().notNull(),
  }),
  (t) => ({ byPool: index().on(t.pool, t.blockNumber) }),
);

/**
 * Each pool's book as the indexer replays it from its events (indexer/src/book.ts): side balances, token
 * supplies, queued burns, and the minting fee its last commit named.
 */
export const poolBook = onchainTable('pool_book', (t) => ({
  pool: t.hex().primaryKey(),
  longBalance: t.bigint().notNull(),
  shortBalance: t.bigint().notNull(),
  longSupply: t.bigint().notNull(),
  shortSupply: t.bigint().notNull(),
  pendingLongBurnPoolTokens: t.bigint().notNull(),
  pendingShortBurnPoolTokens: t.bigint().notNull(),
  mintingFeeWad: t.bigint().notNull(),
}));

/** What each interval of each pool has queued (`${pool}:${intervalId}`): the committer's six totals. */
export const intervalTotals = onchainTable('interval_totals', (t) => ({
  id: t.text().primaryKey(),
  longMintSettlement: t.bigint().notNull(),
  longBurnPoolTokens: t.bigint().notNull(),
  shortMintSettlement: t.bigint().notNull(),
  shortBurnPoolTokens: t.bigint().notNull(),
  shortBurnLongMintPoolTokens: t.bigint().notNull(),
  longBurnShortMintPoolTokens: t.bigint().notNull(),
}));
