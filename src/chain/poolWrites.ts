/**
 * Write requests for the pools, ready for the transactor: approve, commit, claim (docs/protocol.md §3.6,
 * docs/devnet.md).
 */
import { erc20Abi, maxUint256 } from 'viem';
import { poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import { type CommitType, commitParamsToHex, encodeCommitParams } from '../engine/commits.ts';
import type { PoolInfo } from './poolRegistry.ts';

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

export function commitRequest(pool: PoolInfo, commitType: CommitType, amount: bigint, fromEscrow: boolean) {
  return {
    address: pool.committer,
    abi: poolCommitterAbi,
    functionName: 'commit' as const,
    args: [commitParamsToHex(encodeCommitParams(amount, commitType, fromEscrow, false))] as const,
    chainId: pool.chainId,
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
