/**
 * A devnet for the launch tests (docs/treasury.md): a fresh node with the protocol deployed, and the treasury
 * page's steps as Node-side calls, so each test file drives a launch the way the page does.
 */
import { type Address, parseUnits, type TransactionReceipt } from 'viem';
import { expect } from 'vitest';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { chainlinkOracleWrapperBytecode } from '../../contracts-abi/generated/bytecode/ChainlinkOracleWrapper.ts';
import { devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, devnetClients } from '../../devnet/lib/clients.ts';
import { deployDevnet } from '../../devnet/lib/deploy.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { devnetChainDeployment } from '../../src/chain/config/chainDeployments.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { factoryPoolName, type PoolLaunch, planWrappers } from '../../src/chain/launch/launchPlan.ts';
import { type FactoryTerms, readFactoryTerms, readLaunchState } from '../../src/chain/launch/launchReads.ts';
import type { CallRequest } from '../../src/chain/react/useTransactor.ts';
import { launchBlocker, launchSteps, nextStep } from '../../src/features/treasury/launchSteps.ts';

export interface LaunchDevnet {
  node: RunningNode;
  clients: DevnetClients;
  deployment: Deployment;
  chain: ChainDeployment;
  /** Read again by a test that changes the factory's terms. */
  terms: FactoryTerms;
}

export async function startLaunchDevnet(): Promise<LaunchDevnet> {
  const node = await startNode({ port: await freePort() });
  const clients = devnetClients(node.rpcUrl);
  const deployment = await deployDevnet(clients, { rpcUrl: node.rpcUrl, config: devnetConfig() });
  const chain = devnetChainDeployment(deployment);
  return { node, clients, deployment, chain, terms: await readFactoryTerms(clients.public, chain) };
}

/** A 2x ETH/USD+gOHM launch by `account` on the devnet's own feeds, as the page would form it. */
export function launchBy(net: LaunchDevnet, account: Address, patch: Partial<PoolLaunch> = {}): PoolLaunch {
  const feedOf = (pair: string) => net.deployment.feeds.find((f) => f.pair === pair)!.feed;
  return {
    chainId: net.chain.chainId,
    factory: net.chain.factory,
    account,
    market: 'ETH/USD',
    marketFeed: feedOf('ETH/USD'),
    settlementEthFeed: feedOf('ETH/gOHM'),
    collateral: net.chain.collaterals.find((c) => c.symbol === 'gOHM')!,
    leverage: 2,
    updateIntervalSeconds: 60,
    frontRunningIntervalSeconds: 10,
    mintingFee: parseUnits('0.5', 16),
    burningFee: parseUnits('0.3', 16),
    changeInterval: 0n,
    ...patch,
  };
}

/** What a wallet does with the proxy step: a plain transaction to the proxy, from the account. */
export async function sendCall(
  net: LaunchDevnet,
  from: Address,
  request: CallRequest,
): Promise<TransactionReceipt> {
  const hash = await net.clients.wallet.sendTransaction({
    account: from,
    chain: net.clients.chain,
    to: request.to,
    data: request.data,
  });
  const receipt = await net.clients.public.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe('success');
  return receipt;
}

/** What the page shows for a launch right now: its planned wrappers, the chain's state, the steps left. */
export async function stateOf(net: LaunchDevnet, launch: PoolLaunch) {
  const wrappers = planWrappers(launch, chainlinkOracleWrapperBytecode);
  const state = await readLaunchState(net.clients.public, net.chain, launch, wrappers, net.terms);
  const name = factoryPoolName(launch.leverage, launch.market, launch.collateral.symbol);
  const addresses = { market: wrappers.market.address, settlementEth: wrappers.settlementEth.address };
  const steps = launchSteps(launch, name, addresses, state);
  return {
    wrappers,
    state,
    steps,
    next: nextStep(steps),
    blocker: launchBlocker(launch, name, state, steps),
  };
}
