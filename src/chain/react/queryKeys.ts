/**
 * Every query the chain layer owns, keyed in one place, so that a write can say exactly what it changed
 * (`refreshAfter`) instead of refreshing everything. Keys nest under the chain: `chainKeys.all(id)` covers
 * all of a chain's reads. A key is built here and read back here only (`snapshotKeyParts`,
 * `isSettlementKeyFor`): no other file knows what stands at which place in one.
 */
import type { QueryKey } from '@tanstack/react-query';
import { type Address, getAddress, isAddress } from 'viem';

/**
 * An address in a key is checksummed, so that whatever case it came in, one account or pool has one key. Text
 * that is not yet an address (a feed being typed) keys as it is.
 */
const keyOf = (a: Address | undefined) => (a ? (isAddress(a, { strict: false }) ? getAddress(a) : a) : null);

export const chainKeys = {
  all: (chainId: number) => ['chain', chainId] as const,
  registry: (chainId: number, requested: readonly Address[]) =>
    ['chain', chainId, 'registry', requested.map(keyOf).sort()] as const,
  /** Every registry of the chain, whatever pools were asked for by address. */
  registries: (chainId: number) => ['chain', chainId, 'registry'] as const,
  /** Every pools snapshot of `user` on the chain, whatever pools it covers: what a write refreshes. */
  snapshot: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'snapshot', keyOf(user)] as const,
  /**
   * One pools snapshot: `user`'s view of exactly `pools` (the registry's checksummed addresses, in its order),
   * so a pool joining the list is a new read, not figures of the old list under the new one.
   */
  poolsSnapshot: (chainId: number, user: Address | undefined, pools: readonly Address[] | undefined) =>
    ['chain', chainId, 'snapshot', keyOf(user), pools ? pools.join(',') : null] as const,
  /** Every pending settlement of `user` on the chain: what a write refreshes. */
  pendingSettlement: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'pending-settlement', keyOf(user)] as const,
  /** `user`'s pending settlement in one pool, as of `moved` (what the snapshot saw change it). */
  poolSettlement: (
    chainId: number,
    user: Address | undefined,
    pool: Address | undefined,
    moved: string | null,
  ) => ['chain', chainId, 'pending-settlement', keyOf(user), keyOf(pool), moved] as const,
  /** A pool's history; with no pool yet, the key of a query that stays disabled. */
  poolHistory: (chainId: number, pool: Address | undefined) =>
    ['chain', chainId, 'pool-history', keyOf(pool)] as const,
  userHistory: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'user-history', keyOf(user)] as const,
  /** The history indexer's per-pool days (protocolDays.ts): the protocol page. */
  protocolDays: (chainId: number) => ['chain', chainId, 'protocol-days'] as const,
  /** The chain's gas price: what a paid claim's reward is reckoned from. */
  gasPrice: (chainId: number) => ['chain', chainId, 'gas-price'] as const,
  /** A price feed's description, decimals and latest round (the treasury page). */
  feed: (chainId: number, feed: Address) => ['chain', chainId, 'feed', keyOf(feed)] as const,
  /** What a planned pool launch finds on chain (launchReads.ts); `plan` names the launch's settings. */
  launch: (chainId: number, plan: string) => ['chain', chainId, 'launch', plan] as const,
  /** Every launch read of the chain. */
  launches: (chainId: number) => ['chain', chainId, 'launch'] as const,
  /** The devnet faucet's view of a wallet: its test tokens and its ETH. */
  faucetBalances: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'faucet-balances', keyOf(user)] as const,
  /** The gas an upkeep of `pool` would cost `user` now, for the upkeep due since `lastPriceTimestamp`. */
  upkeepGas: (chainId: number, pool: Address, lastPriceTimestamp: bigint, user: Address | undefined) =>
    ['chain', chainId, 'upkeep-gas', keyOf(pool), lastPriceTimestamp.toString(), keyOf(user)] as const,
};

/** What each kind of write changes on chain, as the queries to read again once it is mined. */
export const refreshAfter = {
  /** A launch step: the launch's own state, and the pool list, which a new pool joins. */
  launchStep: (chainId: number) => [chainKeys.launches(chainId), chainKeys.registries(chainId)],
  approve: (chainId: number, user: Address) => [chainKeys.snapshot(chainId, user)],
  commit: (chainId: number, user: Address) => [
    chainKeys.snapshot(chainId, user),
    chainKeys.pendingSettlement(chainId, user),
  ],
  claim: (chainId: number, user: Address) => [
    chainKeys.snapshot(chainId, user),
    chainKeys.pendingSettlement(chainId, user),
    chainKeys.userHistory(chainId, user),
  ],
  /**
   * An upkeep rebalances the pool (a new rebalance in its history), executes queued commits (the user's show as
   * executed, their settlement changes) and pays the sender a reward (their wallet).
   */
  upkeep: (chainId: number, user: Address, pool: Address) => [
    chainKeys.snapshot(chainId, user),
    chainKeys.pendingSettlement(chainId, user),
    chainKeys.poolHistory(chainId, pool),
  ],
};

/** What a pools snapshot's key says: the chain and the account it was read for (undefined: none). */
export interface SnapshotKeyParts {
  chainId: number;
  user: Address | undefined;
}

/** A pools snapshot key's parts by name (`chainKeys.poolsSnapshot`), or undefined for any other key. */
export function snapshotKeyParts(key: QueryKey): SnapshotKeyParts | undefined {
  const [scope, chainId, kind, user, pools] = key;
  if (scope !== 'chain' || typeof chainId !== 'number' || kind !== 'snapshot' || key.length !== 5)
    return undefined;
  if ((user !== null && typeof user !== 'string') || (pools !== null && typeof pools !== 'string'))
    return undefined;
  return { chainId, user: (user ?? undefined) as Address | undefined };
}

/** Whether `key` is a pending settlement's key (`chainKeys.poolSettlement`) for `pool`, whatever its account. */
export function isSettlementKeyFor(key: QueryKey, pool: Address | undefined): boolean {
  const [scope, chainId, kind, , keyedPool] = key;
  return (
    scope === 'chain' &&
    typeof chainId === 'number' &&
    kind === 'pending-settlement' &&
    key.length === 6 &&
    keyedPool === keyOf(pool)
  );
}
