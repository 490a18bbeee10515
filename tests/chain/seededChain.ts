/**
 * The start of a chain test that trades: a fresh node with the devnet deployed and seeded, its Olympus pools
 * discovered as the app discovers them, and each of `users` given 1,000 of every collateral token.
 */
import { type Address, parseUnits } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { testTokenAbi } from '../../contracts-abi/generated/index.ts';
import { type DevnetConfig, devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, devnetClients, write } from '../../devnet/lib/clients.ts';
import { deployDevnet } from '../../devnet/lib/deploy.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { seedDevnet } from '../../devnet/lib/seed.ts';
import { devnetChainDeployment } from '../../src/chain/config/chainDeployments.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { discoverPools, type PoolInfo } from '../../src/chain/pools/poolRegistry.ts';

export interface SeededChain {
  node: RunningNode;
  clients: DevnetClients;
  deployment: Deployment;
  chain: ChainDeployment;
  pools: PoolInfo[];
}

export async function startSeededChain(
  users: readonly Address[],
  config: DevnetConfig = devnetConfig(),
): Promise<SeededChain> {
  const node = await startNode({ port: await freePort() });
  const clients = devnetClients(node.rpcUrl);
  const deployment = await deployDevnet(clients, { rpcUrl: node.rpcUrl, config });
  await seedDevnet(clients, deployment, config);
  const chain = devnetChainDeployment(deployment);
  const { pools } = await discoverPools(clients.public, chain);
  for (const user of users)
    for (const token of deployment.tokens)
      await write(clients, deployment.roles.governance, {
        address: token.address,
        abi: testTokenAbi,
        functionName: 'mint',
        args: [user, parseUnits('1000', token.decimals)],
      });
  return { node, clients, deployment, chain, pools };
}
