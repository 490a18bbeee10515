/**
 * The upkeep steps a user read brings with its events (the indexer's user route serves both), kept for an
 * `upkeepSteps` asked about the same user, pools and block while that read is in flight: the portfolio asks
 * both at once, and the profit split then costs no request of its own. A question asked after the read has
 * settled finds nothing here and asks the indexer itself.
 */
import type { Address } from 'viem';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import { historyKey, type UpkeepStep } from './historySource.ts';

export type StepsResult = { steps: Map<string, UpkeepStep[]>; through: bigint };

export function sharedSteps() {
  const inFlight = new Map<string, Promise<StepsResult | undefined>>();
  const keyOf = (pools: readonly PoolInfo[], user: Address, toBlock: bigint) =>
    `${historyKey(user)}|${toBlock}|${pools.map((p) => historyKey(p.address)).join(',')}`;
  return {
    /** A read starts: returns how to settle what it brings (undefined: it brought no steps). */
    open(pools: readonly PoolInfo[], user: Address, toBlock: bigint) {
      const key = keyOf(pools, user, toBlock);
      let settle: (result: StepsResult | undefined) => void = () => {};
      inFlight.set(
        key,
        new Promise((resolve) => {
          settle = resolve;
        }),
      );
      return (result: StepsResult | undefined) => {
        settle(result);
        inFlight.delete(key);
      };
    },
    /** What a read in flight will bring, taken once; undefined when none is in flight. */
    take(pools: readonly PoolInfo[], user: Address, toBlock: bigint) {
      const key = keyOf(pools, user, toBlock);
      const promise = inFlight.get(key);
      inFlight.delete(key);
      return promise;
    },
  };
}
