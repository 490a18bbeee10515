import type { PoolInfo } from '../../chain/pools/poolRegistry.ts';
import { poolHistoryOptions } from '../../chain/react/historyQueries.ts';
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
  return useHistoryQuery(poolHistoryOptions(useActiveChain(), info), {
    stamp: lastPriceTimestamp?.toString() ?? '',
    toBlock,
  });
}
