/**
 * Every query the chain layer owns, keyed in one place, so that a write can say exactly what it changed
 * (`refreshAfter`) instead of refreshing everything. Keys nest under the chain: `chainKeys.all(id)` covers
 * all of a chain's reads.
 */
import type { Address } from 'viem';

const lower = (a: Address | undefined) => a?.toLowerCase() ?? null;

export const chainKeys = {
  all: (chainId: number) => ['chain', chainId] as const,
  registry: (chainId: number, requested: readonly Address[]) =>
    ['chain', chainId, 'registry', requested.map((a) => a.toLowerCase()).sort()] as const,
  /** Every registry of the chain, whatever pools were asked for by address. */
  registries: (chainId: number) => ['chain', chainId, 'registry'] as const,
  snapshot: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'snapshot', lower(user)] as const,
  pendingSettlement: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'pending-settlement', lower(user)] as const,
  poolHistory: (chainId: number, pool: Address) => ['chain', chainId, 'pool-history', lower(pool)] as const,
  userHistory: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'user-history', lower(user)] as const,
  /** The devnet faucet's view of a wallet: its test tokens and its ETH. */
  faucetBalances: (chainId: number, user: Address | undefined) =>
    ['chain', chainId, 'faucet-balances', lower(user)] as const,
};

/** What each kind of write changes on chain, as the queries to read again once it is mined. */
export const refreshAfter = {
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
};
