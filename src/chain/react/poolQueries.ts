/**
 * The pools' present state as queries: each read's key, function and staleness in one factory, which the hooks
 * (usePools.ts, usePendingSettlement.ts, autoClaim.ts) pass to `useQuery` as they are. The hooks keep what
 * React holds (the wallet, the chain shown, what one snapshot remembers for the next).
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Address } from 'viem';
import { MAX_ITERATIONS } from '../../engine/constants.ts';
import type { ChainClients } from '../config/clients.ts';
import type { ChainDeployment } from '../config/config.ts';
import { type PoolSnapshot, type PoolsSnapshot, readPools } from '../pools/poolReader.ts';
import { discoverPools, type PoolInfo } from '../pools/poolRegistry.ts';
import { readPendingSettlement } from '../pools/userSettlement.ts';
import { chainKeys, isSettlementKeyFor } from './queryKeys.ts';

/** The chain a query reads: its id, its deployment and its clients (what `useActiveChain` gives). */
export interface ChainReads {
  chainId: number;
  deployment: ChainDeployment;
  clients: ChainClients;
}

export function registryOptions({ chainId, deployment, clients }: ChainReads, requested: readonly Address[]) {
  return queryOptions({
    queryKey: chainKeys.registry(chainId, requested),
    queryFn: () => discoverPools(clients.read, deployment, requested),
    // Read again when the snapshot sees the factory's pool count move, and while it keeps failing.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => (query.state.status === 'error' ? deployment.pollIntervalMs : false),
    retry: false,
  });
}

/**
 * What one snapshot read leaves for the next: each committer's interval, so the next read looks for commits
 * from there, and how far to look past what the last read could see (a late keeper). Held by the hook.
 */
export interface SnapshotMemory {
  hints: Map<Address, bigint>;
  extraIntervals: number;
}

export function poolsSnapshotOptions(
  { chainId, deployment, clients }: ChainReads,
  user: Address | undefined,
  pools: readonly PoolInfo[] | undefined,
  memory: SnapshotMemory,
) {
  return queryOptions({
    queryKey: chainKeys.poolsSnapshot(
      chainId,
      user,
      pools?.map((p) => p.address),
    ),
    queryFn: async (): Promise<PoolsSnapshot> => {
      if (!pools) throw new Error('pools not loaded');
      const result = await readPools(clients.read, deployment, pools, {
        ...(user ? { user } : {}),
        intervalHints: memory.hints,
        extraIntervals: memory.extraIntervals,
      });
      for (const pool of result.pools) memory.hints.set(pool.info.committer, pool.state.updateIntervalId);
      // After a read that could not see every queued interval, read further ahead.
      memory.extraIntervals = result.commitsComplete ? 0 : MAX_ITERATIONS + 1;
      return result;
    },
    enabled: pools !== undefined,
    // The figures on screen stay until the next read replaces them; their own timestamps say how old they are.
    placeholderData: keepPreviousData,
    refetchInterval: deployment.pollIntervalMs,
    // Stale by the next poll, so returning to a hidden tab reads at once.
    staleTime: deployment.pollIntervalMs - 1,
    // The transport already retried; the next poll is the next try.
    retry: false,
  });
}

/**
 * The pending settlement of `user` in `pool`. It changes only when the user commits or claims, or when the pool
 * rebalances, so its key carries those (`moved`) and it is never stale otherwise.
 */
export function pendingSettlementOptions(
  { chainId, deployment, clients }: ChainReads,
  pool: PoolSnapshot | undefined,
  user: Address | undefined,
) {
  const u = pool?.user;
  const moved =
    pool && u
      ? [
          pool.state.updateIntervalId,
          u.commits.map((c) => c.intervalId).join(','),
          u.escrow.longTokens,
          u.escrow.shortTokens,
          u.escrow.settlementTokens,
        ].join(':')
      : null;
  const address = pool?.info.address;
  return queryOptions({
    queryKey: chainKeys.poolSettlement(chainId, user, address, moved),
    queryFn: () => {
      if (!pool || !user) throw new Error('no pool or user');
      return readPendingSettlement(clients.read, deployment, pool.info, user);
    },
    enabled: Boolean(u && user),
    staleTime: Number.POSITIVE_INFINITY,
    // The previous answer may stand in while the same pool is read again, never for another pool.
    placeholderData: (previous, previousQuery) =>
      previousQuery && isSettlementKeyFor(previousQuery.queryKey, address) ? previous : undefined,
    retry: 1,
  });
}

/** The chain's gas price, read every six polls: what a paid claim's reward is reckoned from (autoClaim.ts). */
export function gasPriceOptions({ chainId, deployment, clients }: ChainReads, enabled: boolean) {
  return queryOptions({
    queryKey: chainKeys.gasPrice(chainId),
    queryFn: () => clients.read.getGasPrice(),
    enabled,
    refetchInterval: deployment.pollIntervalMs * 6,
    staleTime: deployment.pollIntervalMs * 6,
  });
}
