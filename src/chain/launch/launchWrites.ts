/**
 * Write requests for launching a pool, ready for the transactor (docs/treasury.md §2): each wrapper through
 * the CREATE2 deployment proxy (`sendCall`), the deployment fee's approval when the factory charges one, and
 * `deployPool` (`send`). Every one is a call with a `to`, so a Safe can send it as well as an EOA.
 */
import { type Address, concat, erc20Abi } from 'viem';
import { poolFactoryAbi } from '../../../contracts-abi/generated/index.ts';
import type { CallRequest } from '../react/useTransactor.ts';
import {
  CREATE2_PROXY,
  deployPoolName,
  type PlannedWrapper,
  type PoolLaunch,
  WRAPPER_SALT,
} from './launchPlan.ts';

/** The proxy creates the wrapper from `salt ++ initcode`; the address is `wrapper.address`. */
export function wrapperDeployRequest(chainId: number, wrapper: PlannedWrapper): CallRequest {
  return { to: CREATE2_PROXY, data: concat([WRAPPER_SALT, wrapper.initCode]), chainId };
}

/** `deployPool` takes `transferFrom(account, receiver, fee)` of the fee token when the factory sets a fee. */
export function approveDeploymentFeeRequest(
  launch: Pick<PoolLaunch, 'chainId' | 'factory'>,
  token: Address,
  amount: bigint,
) {
  return {
    address: token,
    abi: erc20Abi,
    functionName: 'approve' as const,
    args: [launch.factory, amount] as const,
    chainId: launch.chainId,
  };
}

/**
 * `deployPool` over the launch's wrappers. The account is the fee controller too: it may change the minting
 * and burning fees later, within the contracts' bounds (docs/protocol.md §2.2).
 */
export function deployPoolRequest(launch: PoolLaunch, wrappers: { market: Address; settlementEth: Address }) {
  return {
    address: launch.factory,
    abi: poolFactoryAbi,
    functionName: 'deployPool' as const,
    args: [
      {
        poolName: deployPoolName(launch.market, launch.collateral.symbol),
        frontRunningInterval: launch.frontRunningIntervalSeconds,
        updateInterval: launch.updateIntervalSeconds,
        leverageAmount: launch.leverage,
        settlementToken: launch.collateral.address,
        oracleWrapper: wrappers.market,
        settlementEthOracle: wrappers.settlementEth,
        feeController: launch.account,
        mintingFee: launch.mintingFee,
        changeInterval: launch.changeInterval,
        burningFee: launch.burningFee,
      },
    ] as const,
    chainId: launch.chainId,
  };
}
