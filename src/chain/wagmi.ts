/**
 * The wagmi + RainbowKit configuration. The devnet chain and its burner wallets exist only when a devnet
 * deployment was found at start-up; Arbitrum One is always offered.
 */
import { connectorsForWallets, type Wallet, type WalletList } from '@rainbow-me/rainbowkit';
import {
  injectedWallet,
  metaMaskWallet,
  rabbyWallet,
  walletConnectWallet,
} from '@rainbow-me/rainbowkit/wallets';
import { type Chain, defineChain, http } from 'viem';
import { arbitrum } from 'viem/chains';
import { type Config, createConfig, createConnector } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { APP_NAME, DEVNET_POLLING_MS, MAINNET_POLLING_MS } from './config.ts';
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

function devWallets(deployment: DevnetDeployment): Array<() => Wallet> {
  return deployment.devAccounts.map((account) => () => ({
    id: `devnet-${account.address.toLowerCase()}`,
    name: `${account.label} (devnet)`,
    iconUrl: '/dev-account.svg',
    iconBackground: '#1e293b',
    installed: true,
    createConnector: (walletDetails) => {
      const provider = createDevProvider({
        rpcUrl: deployment.rpcUrl,
        chainId: deployment.chainId,
        address: account.address,
        privateKey: account.privateKey,
      });
      return createConnector((config) => ({
        ...injected({
          target: () => ({ id: walletDetails.rkDetails.id, name: walletDetails.rkDetails.name, provider }),
        })(config),
        ...walletDetails,
      }));
    },
  }));
}

export interface AppConfig {
  wagmi: Config;
  chains: readonly [Chain, ...Chain[]];
  /** The chain a wrong-network guard offers to switch to. */
  defaultChain: Chain;
}

export function createAppConfig(deployment: DevnetDeployment | undefined): AppConfig {
  const projectId = import.meta.env.VITE_WALLETCONNECT_PROJECT_ID as string | undefined;
  const devnet = deployment ? devnetChainOf(deployment) : undefined;
  const chains: readonly [Chain, ...Chain[]] = devnet ? [devnet, arbitrum] : [arbitrum];

  const groups: WalletList = [];
  if (deployment) groups.push({ groupName: 'Devnet dev accounts', wallets: devWallets(deployment) });
  groups.push({
    groupName: 'Wallets',
    // WalletConnect-based wallets need a project id; without one, only wallets in this browser are offered.
    wallets: projectId
      ? [injectedWallet, metaMaskWallet, rabbyWallet, walletConnectWallet]
      : [injectedWallet],
  });
  const connectors = connectorsForWallets(groups, { appName: APP_NAME, projectId: projectId ?? 'unset' });

  const transports = Object.fromEntries(
    chains.map((chain) => [chain.id, http(chain.rpcUrls.default.http[0], { batch: false })]),
  );
  const wagmi = createConfig({
    chains,
    connectors,
    transports,
    pollingInterval: devnet ? DEVNET_POLLING_MS : MAINNET_POLLING_MS,
    multiInjectedProviderDiscovery: true,
  });
  return { wagmi, chains, defaultChain: devnet ?? arbitrum };
}
