/**
 * What the treasury page reads before and between the steps of a launch (docs/treasury.md §2–3): a price
 * feed's description, decimals and last round; the factory's terms; and, for a planned launch, which steps
 * are already on chain and the pool's address, each as one Multicall3 call, plus a simulation of
 * `deployPool` from the launching account once both wrappers exist.
 */
import { type Address, erc20Abi, isAddressEqual, type PublicClient, zeroAddress } from 'viem';
import {
  aggregatorV3InterfaceAbi,
  chainlinkOracleWrapperAbi,
  poolFactoryAbi,
  poolTokenAbi,
} from '../../../contracts-abi/generated/index.ts';
import type { ChainDeployment } from '../config/config.ts';
import { describeError } from '../errors/errors.ts';
import { ReadBatch } from '../pools/batch.ts';
import {
  CREATE2_PROXY,
  type FactoryBases,
  type PlannedWrapper,
  type PoolAddresses,
  type PoolLaunch,
  poolKeyOf,
  predictPoolAddresses,
} from './launchPlan.ts';
import { deployPoolRequest } from './launchWrites.ts';

export type FeedReading =
  | {
      kind: 'feed';
      address: Address;
      /** `description()`, when the feed has one ("ETH / USD"). */
      description: string | undefined;
      decimals: number;
      /** The latest answer, in the feed's decimals. */
      answer: bigint;
      /** Unix seconds of the latest round. */
      updatedAt: bigint;
    }
  /** No `decimals()` or `latestRoundData()` answered there: an account, or some other contract. */
  | { kind: 'not-a-feed'; address: Address };

export async function readFeed(
  client: PublicClient,
  { multicall3 }: Pick<ChainDeployment, 'multicall3'>,
  address: Address,
): Promise<FeedReading> {
  const batch = new ReadBatch();
  const feed = { address, abi: aggregatorV3InterfaceAbi } as const;
  const description = batch.add({ ...feed, functionName: 'description' });
  const decimals = batch.add({ ...feed, functionName: 'decimals' });
  const round = batch.add({ ...feed, functionName: 'latestRoundData' });
  await batch.run(client, { multicall3 });
  if (!decimals.ok || !round.ok) return { kind: 'not-a-feed', address };
  const [, answer, , updatedAt] = round.value;
  return {
    kind: 'feed',
    address,
    description: description.ok && description.value.trim() !== '' ? description.value : undefined,
    decimals: decimals.value,
    answer,
    updatedAt,
  };
}

/** What the factory applies to every pool it deploys, and whether the CREATE2 proxy is on the chain. */
export interface FactoryTerms {
  bases: FactoryBases;
  /** The annual management fee (WAD) and the deployer's share of it, in whole percent (docs/protocol.md §2.1). */
  annualFee: bigint;
  secondaryFeeSplitPercent: bigint;
  /** Every pool's governance is the factory's. */
  governance: Address;
  /** Charged to the caller of `deployPool` when set. */
  deploymentFee: { token: Address; amount: bigint; receiver: Address } | undefined;
  proxyReady: boolean;
}

export async function readFactoryTerms(
  client: PublicClient,
  { factory: address, multicall3 }: Pick<ChainDeployment, 'factory' | 'multicall3'>,
): Promise<FactoryTerms> {
  const factory = { address, abi: poolFactoryAbi } as const;
  const batch = new ReadBatch();
  const poolBase = batch.add({ ...factory, functionName: 'poolBaseAddress' });
  const committerBase = batch.add({ ...factory, functionName: 'poolCommitterBaseAddress' });
  const tokenBase = batch.add({ ...factory, functionName: 'pairTokenBaseAddress' });
  const annualFee = batch.add({ ...factory, functionName: 'fee' });
  const split = batch.add({ ...factory, functionName: 'secondaryFeeSplitPercent' });
  const governance = batch.add({ ...factory, functionName: 'governance' });
  const feeAmount = batch.add({ ...factory, functionName: 'deploymentFee' });
  const feeToken = batch.add({ ...factory, functionName: 'deploymentFeeToken' });
  const feeReceiver = batch.add({ ...factory, functionName: 'deploymentFeeReceiver' });
  const [proxyCode] = await Promise.all([
    client.getCode({ address: CREATE2_PROXY }),
    batch.run(client, { multicall3 }),
  ]);
  const charged = feeAmount.value > 0n && feeToken.value !== zeroAddress;
  return {
    bases: {
      factory: address,
      poolBase: poolBase.value,
      committerBase: committerBase.value,
      tokenBase: tokenBase.value,
    },
    annualFee: annualFee.value,
    secondaryFeeSplitPercent: split.value,
    governance: governance.value,
    deploymentFee: charged
      ? { token: feeToken.value, amount: feeAmount.value, receiver: feeReceiver.value }
      : undefined,
    proxyReady: proxyCode !== undefined && proxyCode !== '0x',
  };
}

export interface LaunchState {
  /** The CREATE2 deployment proxy has code on this chain. */
  proxyReady: boolean;
  /** The factory's deployment fee, with what the account allows the factory and holds of its token. */
  deploymentFee: { token: Address; amount: bigint; allowance: bigint; balance: bigint } | undefined;
  /** The collateral's `decimals()`; undefined when it did not answer. */
  settlementDecimals: number | undefined;
  /** Which wrappers already exist (the step is then done and skipped). */
  wrappers: { market: boolean; settlementEth: boolean };
  addresses: PoolAddresses;
  /** The factory lists a pool at the predicted address: the launch is done, or someone made it first. */
  poolExists: boolean;
  /** The pool's tokens exist without it: a pool with this wrapper, leverage and collateral exists. */
  tokensTaken: boolean;
  /** `deployPool` simulated from the account, once both wrappers exist and the pool does not. */
  simulation: { ok: true; pool: Address } | { ok: false; message: string } | undefined;
}

/** One Multicall3 call (and a simulation once both wrappers exist): which of a launch's steps are done. */
export async function readLaunchState(
  client: PublicClient,
  { multicall3 }: Pick<ChainDeployment, 'multicall3'>,
  launch: PoolLaunch,
  wrappers: { market: PlannedWrapper; settlementEth: PlannedWrapper },
  terms: FactoryTerms,
): Promise<LaunchState> {
  const addresses = predictPoolAddresses(terms.bases, poolKeyOf(launch, wrappers.market.address));
  const batch = new ReadBatch();
  const deployerOf = (wrapper: PlannedWrapper) =>
    batch.add({ address: wrapper.address, abi: chainlinkOracleWrapperAbi, functionName: 'deployer' });
  const marketDeployer = deployerOf(wrappers.market);
  const settlementDeployer = deployerOf(wrappers.settlementEth);
  const decimals = batch.add({ address: launch.collateral.address, abi: erc20Abi, functionName: 'decimals' });
  const valid = batch.add({
    address: launch.factory,
    abi: poolFactoryAbi,
    functionName: 'isValidPool',
    args: [addresses.pool],
  });
  const longToken = batch.add({ address: addresses.longToken, abi: poolTokenAbi, functionName: 'decimals' });
  const fee = terms.deploymentFee;
  const token = fee ? ({ address: fee.token, abi: erc20Abi } as const) : undefined;
  const allowance = token
    ? batch.add({ ...token, functionName: 'allowance', args: [launch.account, launch.factory] })
    : undefined;
  const balance = token
    ? batch.add({ ...token, functionName: 'balanceOf', args: [launch.account] })
    : undefined;
  await batch.run(client, { multicall3 });

  const mine = (slot: typeof marketDeployer) => slot.ok && isAddressEqual(slot.value, launch.account);
  const built = { market: mine(marketDeployer), settlementEth: mine(settlementDeployer) };
  const poolExists = valid.value;
  const tokensTaken = !poolExists && longToken.ok;
  return {
    proxyReady: terms.proxyReady,
    deploymentFee:
      fee && allowance && balance
        ? { token: fee.token, amount: fee.amount, allowance: allowance.value, balance: balance.value }
        : undefined,
    settlementDecimals: decimals.ok ? decimals.value : undefined,
    wrappers: built,
    addresses,
    poolExists,
    tokensTaken,
    simulation:
      built.market && built.settlementEth && !poolExists && !tokensTaken
        ? await simulateDeployPool(client, launch, wrappers)
        : undefined,
  };
}

async function simulateDeployPool(
  client: PublicClient,
  launch: PoolLaunch,
  wrappers: { market: PlannedWrapper; settlementEth: PlannedWrapper },
): Promise<LaunchState['simulation']> {
  const { chainId: _, ...request } = deployPoolRequest(launch, {
    market: wrappers.market.address,
    settlementEth: wrappers.settlementEth.address,
  });
  try {
    const { result } = await client.simulateContract({ ...request, account: launch.account });
    return { ok: true, pool: result };
  } catch (error) {
    return { ok: false, message: describeError(error).message };
  }
}
