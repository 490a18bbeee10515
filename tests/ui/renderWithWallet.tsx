/**
 * The one wrapper the component tests render in: TanStack Query, the deployment context, the app's hash
 * router with nuqs (so pages and their links work as in the app), and beside them wagmi with its mock
 * connector publishing the account through the app's own WalletBridge (the wallet is what these unit tests
 * isolate; the chain tests and the browser journeys use real wallets and contracts). RPC transports point at a closed port: nothing here reaches a network.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { HashRouter } from 'react-router';
import type { Chain } from 'viem';
import { arbitrum } from 'viem/chains';
import { afterEach } from 'vitest';
import { type Config, createConfig, http, WagmiProvider } from 'wagmi';
import { mock } from 'wagmi/connectors';
import { NuqsRouterAdapter } from '../../src/app/nuqsHashAdapter.tsx';
import { WalletBridge } from '../../src/app/wallet/walletBridge.tsx';
import type { AppConfig } from '../../src/chain/config/appConfig.ts';
import { devnetChainDeployment } from '../../src/chain/config/chainDeployments.ts';
import { createChainClients } from '../../src/chain/config/clients.ts';
import { ARBITRUM_DEPLOYMENT } from '../../src/chain/config/config.ts';
import type { DevnetDeployment } from '../../src/chain/config/devnet.ts';
import { memoryCache } from '../../src/chain/history/historyCache.ts';
import { DeploymentProvider, readyAppConfig } from '../../src/chain/react/DeploymentContext.tsx';
import { resetConnectWalletForTests } from '../../src/chain/wallet/connectWallet.ts';
import { resetWalletForTests } from '../../src/chain/wallet/wallet.ts';

// Every file rendering with the wallet starts each case from a wallet still loading and no connect request
// waiting. Unmounted first, so that nothing on screen draws the reset.
afterEach(() => {
  cleanup();
  resetWalletForTests();
  resetConnectWalletForTests();
});

export const TEST_USER = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;

export interface WalletSetup {
  /** Chains the app serves (the first is the default). */
  appChains: [Chain, ...Chain[]];
  /** Chains the wallet knows, a superset of the app's (to test an unsupported one). */
  walletChains?: Chain[];
  /** The devnet's deployment when one of the app's chains is the devnet. */
  devnet?: DevnetDeployment;
}

function deploymentOf(chain: Chain, devnet: DevnetDeployment | undefined) {
  if (chain.id === arbitrum.id) return ARBITRUM_DEPLOYMENT;
  if (devnet && chain.id === devnet.chainId) return devnetChainDeployment(devnet);
  throw new Error(`no deployment for chain ${chain.id} in this test`);
}

export function renderWithWallet(ui: ReactNode, setup: WalletSetup): { wagmi: Config } {
  const { appChains, devnet } = setup;
  const walletChains = setup.walletChains ?? appChains;
  const wagmi = createConfig({
    chains: walletChains as [Chain, ...Chain[]],
    connectors: [mock({ accounts: [TEST_USER] })],
    transports: Object.fromEntries(walletChains.map((c) => [c.id, http('http://127.0.0.1:1')])),
  });
  const app: AppConfig = {
    chains: appChains,
    defaultChain: appChains[0]!,
    clients: new Map(
      appChains.map((c) => [c.id, createChainClients(c, deploymentOf(c, devnet), memoryCache())]),
    ),
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <DeploymentProvider value={{ app: readyAppConfig(app), devnet }}>
        <HashRouter>
          <NuqsRouterAdapter>{ui}</NuqsRouterAdapter>
        </HashRouter>
        {/* Beside the app, as in it: the wallet reaches the app through src/chain/wallet/wallet.ts. */}
        <WagmiProvider config={wagmi}>
          <WalletBridge />
        </WagmiProvider>
      </DeploymentProvider>
    </QueryClientProvider>,
  );
  return { wagmi };
}

/** A page that needs no wallet, in the app's router: its link parameters read from and write to the hash. */
export function renderInRouter(ui: ReactNode) {
  return render(
    <HashRouter>
      <NuqsRouterAdapter>{ui}</NuqsRouterAdapter>
    </HashRouter>,
  );
}
