/**
 * Steps 1–4 of deploying the V2.1 stack (docs/devnet.md, "Deploying the protocol"): the library, the factory,
 * the keeper and its rewards, AutoClaim and InvariantCheck, wired together, and the factory's fees.
 */
import { type Address, parseUnits } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { poolFactoryAbi, poolKeeperAbi } from '../../contracts-abi/generated/index.ts';
import type { DevnetConfig } from '../config.ts';
import { artifact } from './artifacts.ts';
import { type DevnetClients, deploy, write } from './clients.ts';

export function percentToWad(percent: string): bigint {
  return parseUnits(percent, 16);
}

/** The protocol's contracts, as the deployment file records them (the batcher is placed apart). */
export type ProtocolContracts = Omit<Deployment['contracts'], 'multicall3'>;

export async function deployProtocol(
  clients: DevnetClients,
  { governance, feeReceiver }: { governance: Address; feeReceiver: Address },
  config: DevnetConfig,
): Promise<ProtocolContracts> {
  // 1–3: library, factory, keeper, rewards, autoclaim, invariant check (docs/devnet.md).
  const lib = artifact('PoolSwapLibrary');
  const poolSwapLibrary = await deploy(clients, governance, lib.abi, lib.bytecode, []);
  const factoryArt = artifact('PoolFactory', poolSwapLibrary);
  const factory = await deploy(clients, governance, factoryArt.abi, factoryArt.bytecode, [
    feeReceiver,
    governance,
  ]);
  const keeperArt = artifact('PoolKeeper');
  const keeper = await deploy(clients, governance, keeperArt.abi, keeperArt.bytecode, [factory]);
  const rewardsArt = artifact('KeeperRewards', poolSwapLibrary);
  const keeperRewards = await deploy(clients, governance, rewardsArt.abi, rewardsArt.bytecode, [keeper]);
  await write(clients, governance, {
    address: keeper,
    abi: poolKeeperAbi,
    functionName: 'setKeeperRewards',
    args: [keeperRewards],
  });
  await write(clients, governance, {
    address: keeper,
    abi: poolKeeperAbi,
    functionName: 'setGasPrice',
    args: [parseUnits(config.keeperGasPriceGwei, 9)],
  });
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setPoolKeeper',
    args: [keeper],
  });
  const autoClaimArt = artifact('AutoClaim');
  const autoClaim = await deploy(clients, governance, autoClaimArt.abi, autoClaimArt.bytecode, [factory]);
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setAutoClaim',
    args: [autoClaim],
  });
  const invariantArt = artifact('InvariantCheck');
  const invariantCheck = await deploy(clients, governance, invariantArt.abi, invariantArt.bytecode, [
    factory,
  ]);
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setInvariantCheck',
    args: [invariantCheck],
  });
  // 4: the annual management fee and the treasury's share of it (docs/protocol.md §2.1).
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setFee',
    args: [percentToWad(config.annualFeePercent)],
  });
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setSecondaryFeeSplitPercent',
    args: [BigInt(config.secondaryFeeSplitPercent)],
  });
  return { poolSwapLibrary, factory, keeper, keeperRewards, autoClaim, invariantCheck };
}
