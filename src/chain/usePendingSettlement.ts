import { useQuery } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import type { PoolInfo } from './poolRegistry.ts';
import { useActiveChain } from './usePools.ts';
import { readPendingSettlement } from './userSettlement.ts';

/** The selected pool's pending settlement for the user, read again at each new snapshot block. */
export function usePendingSettlement(
  pool: PoolInfo | undefined,
  user: Address | undefined,
  blockNumber: bigint | undefined,
) {
  const { chainId, deployment } = useActiveChain();
  const client = usePublicClient({ chainId }) as PublicClient | undefined;
  return useQuery({
    queryKey: [
      'pending-settlement',
      chainId,
      pool?.address ?? null,
      user ?? null,
      blockNumber?.toString() ?? null,
    ],
    queryFn: () => {
      if (!client || !pool || !user) throw new Error('no pool or user');
      return readPendingSettlement(client, deployment, pool, user, blockNumber);
    },
    enabled: Boolean(client && pool && user),
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: (previous) => previous,
  });
}
