/**
 * The protocol page's figures from the history indexer. They move only when a day's commits, claims or
 * rebalances are indexed, so a few minutes' staleness is plenty; a failed indexer is an outcome the page
 * shows (protocolDays.ts), and is asked again at the next refresh.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { chainIdentityReader } from '../history/logScanSource.ts';
import { readProtocolDays } from '../history/protocolDays.ts';
import { chainKeys } from './queryKeys.ts';
import { useActiveChain } from './usePools.ts';

const STALE_MS = 3 * 60_000;

export function useProtocolDays() {
  const { chainId, deployment, clients } = useActiveChain();
  // Read once per chain, as the history source reads it.
  const chainIdentity = useMemo(() => chainIdentityReader(clients.read, deployment), [clients, deployment]);
  return useQuery({
    queryKey: chainKeys.protocolDays(chainId),
    queryFn: ({ signal }) => readProtocolDays({ deployment, chainIdentity, signal }),
    staleTime: STALE_MS,
    refetchInterval: STALE_MS,
    retry: 1,
  });
}
