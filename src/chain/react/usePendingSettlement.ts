import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import type { PoolSnapshot } from '../pools/poolReader.ts';
import { pendingSettlementOptions } from './poolQueries.ts';
import { useActiveChain } from './usePools.ts';

/**
 * The selected pool's pending settlement for the user. It changes only when the user commits or claims, or
 * when the pool rebalances, so it is read again when the snapshot shows one of those, not on every poll.
 */
export function usePendingSettlement(pool: PoolSnapshot | undefined, user: Address | undefined) {
  return useQuery(pendingSettlementOptions(useActiveChain(), pool, user));
}
