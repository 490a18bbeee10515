/**
 * Paying a keeper to claim for you (AutoClaim, docs/protocol.md §3.6): a commit sent with `payForClaim` carries
 * ETH as `msg.value`, and whoever calls `AutoClaim.paidClaim` for the user once the commit's interval has
 * executed earns it. The keeper (docs/keeper.md) only claims when that reward covers its gas, so the reward
 * offered is the gas of one paid claim at twice the gas price of the moment: room for gas to rise before the
 * interval executes. On Arbitrum the gas of a call also carries its L1 data cost, which the estimate below
 * does not know; the doubling is what covers it, and a keeper may still find a claim not worth making.
 */
import { useQuery } from '@tanstack/react-query';
import { gasPriceOptions } from './poolQueries.ts';
import { useActiveChain } from './usePools.ts';

/**
 * Gas of one `paidClaim`, rounded up: a user's first mint claimed for them took 159,792 on the devnet
 * (tests/chain/autoClaim.test.ts asserts a real claim stays under this).
 */
export const PAID_CLAIM_GAS = 200_000n;

/** The reward offered for a paid claim at this gas price, in wei: never zero, which AutoClaim refuses. */
export function claimReward(gasPrice: bigint): bigint {
  const reward = PAID_CLAIM_GAS * gasPrice * 2n;
  return reward > 0n ? reward : 1n;
}

/**
 * The reward to offer now, read only while the user has asked for a paid claim (one `eth_gasPrice` per poll
 * interval then, none otherwise). Undefined while it is read: nothing is sent without it.
 */
export function useClaimReward(wanted: boolean): { reward: bigint | undefined; available: boolean } {
  const active = useActiveChain();
  const available = active.deployment.autoClaim !== undefined;
  const query = useQuery(gasPriceOptions(active, wanted && available));
  return { reward: query.data === undefined ? undefined : claimReward(query.data), available };
}
