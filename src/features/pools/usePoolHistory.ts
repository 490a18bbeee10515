import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { HistoryProgress, HistoryProvenance } from '../../chain/history/historySource.ts';
import { historyRereadMs } from '../../chain/history/provenanceText.ts';
import { readPoolHistory } from '../../chain/poolHistory.ts';
import type { PoolInfo } from '../../chain/poolRegistry.ts';
import { chainKeys } from '../../chain/queryKeys.ts';
import { useActiveChain } from '../../chain/usePools.ts';

/**
 * The pool's rebalances and recorded balances, read again only when the pool has been upkept since (its
 * lastPriceTimestamp moved); a repeat read scans only the blocks it has not seen. While a long scan runs,
 * `progress` says how far it is.
 */
export function usePoolHistory(
  info: PoolInfo | undefined,
  lastPriceTimestamp: bigint | undefined,
  toBlock: bigint | undefined,
) {
  const { chainId, deployment, clients } = useActiveChain();
  const [progress, setProgress] = useState<HistoryProgress>();
  const [source, setSource] = useState<HistoryProvenance>();
  const pool = info?.address;
  const query = useQuery({
    queryKey: [
      ...(pool ? chainKeys.poolHistory(chainId, pool) : ['chain', chainId, 'pool-history', null]),
      lastPriceTimestamp?.toString() ?? null,
    ],
    queryFn: ({ signal }) => {
      if (!info || toBlock === undefined) throw new Error('pool not loaded');
      return readPoolHistory(clients.historySource, clients.read, deployment, info, {
        toBlock,
        signal,
        onProgress: setProgress,
        onSource: setSource,
      });
    },
    enabled: Boolean(info && toBlock !== undefined),
    staleTime: Number.POSITIVE_INFINITY,
    // The pager already retried what can be retried.
    retry: false,
    refetchInterval: (query) =>
      historyRereadMs(query.state.status === 'error', source, deployment.pollIntervalMs),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[3] === (pool?.toLowerCase() ?? null) ? previous : undefined,
  });
  return { ...query, progress: query.isFetching ? progress : undefined, source };
}
