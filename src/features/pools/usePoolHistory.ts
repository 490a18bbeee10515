import { readPoolHistory } from '../../chain/history/poolHistory.ts';
import type { PoolInfo } from '../../chain/pools/poolRegistry.ts';
import { chainKeys } from '../../chain/react/queryKeys.ts';
import { useHistoryQuery } from '../../chain/react/useHistoryQuery.ts';
import { useActiveChain } from '../../chain/react/usePools.ts';

/**
 * The pool's rebalances and recorded balances, read again when the pool has been upkept since (its
 * lastPriceTimestamp moved); a repeat read scans only the blocks it has not seen. While a long scan runs,
 * `progress` says how far it is.
 */
export function usePoolHistory(
  info: PoolInfo | undefined,
  lastPriceTimestamp: bigint | undefined,
  toBlock: bigint | undefined,
) {
  const { chainId, deployment, clients } = useActiveChain();
  return useHistoryQuery({
    queryKey: info ? chainKeys.poolHistory(chainId, info.address) : ['chain', chainId, 'pool-history', null],
    enabled: Boolean(info),
    stamp: lastPriceTimestamp?.toString() ?? '',
    toBlock,
    pollIntervalMs: deployment.pollIntervalMs,
    read: (request) => {
      if (!info) throw new Error('pool not loaded');
      return readPoolHistory(clients.historySource, clients.read, deployment, info, request);
    },
  });
}
