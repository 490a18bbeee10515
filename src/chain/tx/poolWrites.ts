/**
 * Write requests for the pools, ready for the transactor: approve, commit, claim (docs/protocol.md §3.6,
 * docs/devnet.md), and an upkeep anyone may run once a pool is due ("Pool health").
 */
import { erc20Abi, maxUint256 } from 'viem';
import { poolCommitterAbi, poolKeeperAbi } from '../../../contracts-abi/generated/index.ts';
import { type CommitType, commitParamsToHex, encodeCommitParams } from '../../engine/commits.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';

/** Mints pull the collateral into the LeveragedPool, so that is the spender to approve. */
export function approveRequest(pool: PoolInfo, amount: bigint | 'unlimited') {
  return {
    address: pool.collateral.address,
    abi: erc20Abi,
    functionName: 'approve' as const,
    args: [pool.address, amount === 'unlimited' ? maxUint256 : amount] as const,
    chainId: pool.chainId,
  };
}

/**
 * A commit; with `claimReward` (wei), a paid one: the reward rides as `msg.value` to AutoClaim, and a keeper
 * claims for the user once the commit's interval has executed (src/chain/react/autoClaim.ts).
 */
export function commitRequest(
  pool: PoolInfo,
  commitType: CommitType,
  amount: bigint,
  fromEscrow: boolean,
  claimReward?: bigint,
) {
  const paid = claimReward !== undefined;
  return {
    address: pool.committer,
    abi: poolCommitterAbi,
    functionName: 'commit' as const,
    args: [commitParamsToHex(encodeCommitParams(amount, commitType, fromEscrow, paid))] as const,
    chainId: pool.chainId,
    ...(paid ? { value: claimReward } : {}),
  };
}

export function claimRequest(pool: PoolInfo, user: `0x${string}`) {
  return {
    address: pool.committer,
    abi: poolCommitterAbi,
    functionName: 'claim' as const,
    args: [user] as const,
    chainId: pool.chainId,
  };
}

/**
 * `PoolKeeper.performUpkeepSinglePool(pool)` on the pool's own keeper, the only one the pool accepts an upkeep
 * from. Anyone may send it; the sender is paid the keeper reward out of the pool (§2.4 and "Pool health").
 */
export function upkeepRequest(pool: PoolInfo) {
  return {
    address: pool.keeper,
    abi: poolKeeperAbi,
    functionName: 'performUpkeepSinglePool' as const,
    args: [pool.address] as const,
    chainId: pool.chainId,
  };
}
