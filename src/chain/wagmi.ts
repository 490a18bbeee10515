/**
 * The wagmi configuration. It does not import RainbowKit: RainbowKit's UI is ~150 KB gzip and loads after
 * the first paint (app/WalletUi.tsx). Connectors are plain wagmi connectors carrying the `rkDetails`
 * metadata RainbowKit 2.2 reads in its modal (what its `connectorsForWallets` would attach); wallets
 * announced over EIP-6963 (MetaMask, Rabby, …) are discovered by wagmi and listed by RainbowKit as Installed.
 * The devnet chain and its burner wallets exist only when a devnet deployment was found at start-up.
 */
import { type Chain, defineChain } from 'viem';
import { arbitrum } from 'viem/chains';
import { type Config, type CreateConnectorFn, createConfig, createConnector } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { chainDeployments } from './chainDeployments.ts';
import { type ChainClients, createChainClients } from './clients.ts';
import { RECEIPT_POLLING_MS } from './config.ts';
import type { DevnetDeployment } from './devnet.ts';
import { createDevProvider } from './devWallet.ts';

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

interface WalletListing {
  id: string;
  name: string;
  iconUrl: string;
  iconBackground: string;
  groupName: string;
  groupIndex: number;
  installed: boolean;
}

/** A wagmi connector as RainbowKit's modal expects to find it: the connector plus its listing. */
function listed(listing: WalletListing, connector: CreateConnectorFn): CreateConnectorFn {
  const rkDetails = { ...listing, index: listing.groupIndex, isRainbowKitConnector: true };
  return createConnector((config) => ({ ...connector(config), rkDetails }));
}

function devConnectors(deployment: DevnetDeployment): CreateConnectorFn[] {
  return deployment.devAccounts.map((account) => {
    const id = `devnet-${account.address.toLowerCase()}`;
    const name = `${account.label} (devnet)`;
    const provider = createDevProvider({
      rpcUrl: deployment.rpcUrl,
      chainId: deployment.chainId,
      address: account.address,
      privateKey: account.privateKey,
    });
    return listed(
      {
        id,
        name,
        iconUrl: '/dev-account.svg',
        iconBackground: '#1e293b',
        groupName: 'Devnet dev accounts',
        groupIndex: 0,
        installed: true,
      },
      injected({ target: () => ({ id, name, provider }) }),
    );
  });
}

export interface AppConfig {
  wagmi: Config;
  chains: readonly [Chain, ...Chain[]];
  /** The chain a wrong-network guard offers to switch to. */
  defaultChain: Chain;
  /** Read and history clients per chain id (src/chain/clients.ts). */
  clients: ReadonlyMap<number, ChainClients>;
}

export function createAppConfig(deployment: DevnetDeployment | undefined): AppConfig {
  const devnet = deployment ? devnetChainOf(deployment) : undefined;
  const chains: readonly [Chain, ...Chain[]] = devnet ? [devnet, arbitrum] : [arbitrum];
  const connectors: CreateConnectorFn[] = deployment ? devConnectors(deployment) : [];
  // A wallet injected the old way (window.ethereum, no EIP-6963 announcement) is still reachable.
  if (typeof window !== 'undefined' && 'ethereum' in window) {
    connectors.push(
      listed(
        {
          id: 'injected',
          name: 'Browser wallet',
          iconUrl: '/dev-account.svg',
          iconBackground: '#1e293b',
          groupName: 'Wallets',
          groupIndex: 1,
          installed: true,
        },
        injected(),
      ),
    );
  }
  const deployments = chainDeployments(deployment);
  const clients = new Map(
    chains.flatMap((chain) => {
      const d = deployments.get(chain.id);
      return d ? [[chain.id, createChainClients(chain, d)] as const] : [];
    }),
  );
  const transports = Object.fromEntries([...clients].map(([id, c]) => [id, c.transport]));
  const wagmi = createConfig({
    chains,
    connectors,
    transports,
    // Used for receipts of pending transactions only: nothing in the app watches blocks.
    pollingInterval: RECEIPT_POLLING_MS,
    multiInjectedProviderDiscovery: true,
  });
  return { wagmi, chains, defaultChain: devnet ?? arbitrum, clients };
}
