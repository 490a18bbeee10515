/**
 * What the app reads the chains with: the chains it serves, the default one, and a read and history client
 * per chain (src/chain/config/clients.ts). It is built from viem, which is not part of the first load: `main.tsx`
 * starts loading this module at boot and pages wait for it (`useAppConfig`) while the shell is already on
 * screen. The devnet chain exists only when a devnet deployment was found at start-up.
 */
import { type Chain, defineChain } from 'viem';
import { arbitrum } from 'viem/chains';
import { chainDeployments } from './chainDeployments.ts';
import { type ChainClients, createChainClients } from './clients.ts';
import type { DevnetDeployment } from './devnet.ts';

export function devnetChainOf(deployment: DevnetDeployment): Chain {
  return defineChain({
    id: deployment.chainId,
    name: 'Olympus devnet',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [deployment.rpcUrl] } },
    contracts: { multicall3: { address: deployment.contracts.multicall3 } },
    testnet: true,
    // Read by RainbowKit's chain menu.
    iconUrl: '/olympus-logo.svg',
    iconBackground: '#0f172a',
  } as Chain);
}

export interface AppConfig {
  chains: readonly [Chain, ...Chain[]];
  /** The chain a wrong-network guard offers to switch to. */
  defaultChain: Chain;
  /** Read and history clients per chain id (src/chain/config/clients.ts). */
  clients: ReadonlyMap<number, ChainClients>;
}

export function createAppConfig(deployment: DevnetDeployment | undefined): AppConfig {
  const devnet = deployment ? devnetChainOf(deployment) : undefined;
  const chains: readonly [Chain, ...Chain[]] = devnet ? [devnet, arbitrum] : [arbitrum];
  const deployments = chainDeployments(deployment);
  const clients = new Map(
    chains.flatMap((chain) => {
      const d = deployments.get(chain.id);
      return d ? [[chain.id, createChainClients(chain, d)] as const] : [];
    }),
  );
  return { chains, defaultChain: devnet ?? arbitrum, clients };
}
