import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import type { PoolSnapshot } from '../pools/poolReader.ts';
import { readPendingSettlement } from '../pools/userSettlement.ts';
import { chainKeys } from './queryKeys.ts';
import { useActiveChain } from './usePools.ts';

/**
 * The selected pool's pending settlement for the user. It changes only when the user commits or claims, or
 * when the pool rebalances, so it is read again when the snapshot shows one of those, not on every poll.
 */
export function usePendingSettlement(pool: PoolSnapshot | undefined, user: Address | undefined) {
  const { chainId, deployment, clients } = useActiveChain();
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
  return useQuery({
    queryKey: [...chainKeys.pendingSettlement(chainId, user), pool?.info.address ?? null, moved],
    queryFn: () => {
      if (!pool || !user) throw new Error('no pool or user');
      return readPendingSettlement(clients.read, deployment, pool.info, user);
    },
    enabled: Boolean(pool?.user && user),
    staleTime: Number.POSITIVE_INFINITY,
    // The previous answer may stand in while the same pool is read again, never for another pool.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[4] === (pool?.info.address ?? null) ? previous : undefined,
    retry: 1,
  });
}
