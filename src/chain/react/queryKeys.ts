/**
 * Every query the chain layer owns, keyed in one place, so that a write can say exactly what it changed
 * (`refreshAfter`) instead of refreshing everything. Keys nest under the chain: `chainKeys.all(id)` covers
 * all of a chain's reads.
 */
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
  snapshot: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'snapshot', keyOf(user)] as const,
  pendingSettlement: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'pending-settlement', keyOf(user)] as const,
  poolHistory: (chainId: number, pool: Address) => ['chain', chainId, 'pool-history', keyOf(pool)] as const,
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
