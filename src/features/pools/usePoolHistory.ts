import { useQuery } from '@tanstack/react-query';
import type { PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { readPoolHistory } from '../../chain/poolHistory.ts';
import type { PoolInfo } from '../../chain/poolRegistry.ts';
import { useActiveChain } from '../../chain/usePools.ts';

/** The pool's rebalances, read again whenever the pool has been upkept since (its lastPriceTimestamp moved). */
export function usePoolHistory(info: PoolInfo | undefined, lastPriceTimestamp: bigint | undefined) {
  const { chainId, deployment } = useActiveChain();
  const client = usePublicClient({ chainId }) as PublicClient | undefined;
  return useQuery({
    queryKey: ['pool-history', chainId, info?.address ?? null, lastPriceTimestamp?.toString() ?? null],
    queryFn: () => {
      if (!client || !info) throw new Error('pool not loaded');
      return readPoolHistory(client, deployment, info);
    },
    enabled: Boolean(client && info),
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: (previous) => previous,
  });
}
