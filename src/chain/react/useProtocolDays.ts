/**
 * The protocol page's figures from the history indexer (historyQueries.ts says how often they are read).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { chainIdentityReader } from '../history/logScanSource.ts';
import { protocolDaysOptions } from './historyQueries.ts';
import { useActiveChain } from './usePools.ts';

export function useProtocolDays() {
  const active = useActiveChain();
  const { deployment, clients } = active;
  // Read once per chain, as the history source reads it.
  const chainIdentity = useMemo(() => chainIdentityReader(clients.read, deployment), [clients, deployment]);
  return useQuery(protocolDaysOptions(active, chainIdentity));
}
