/**
 * The wagmi configuration, built by the wallet layer after the first paint (app/WalletUi.tsx) together with
 * RainbowKit, the largest part of the app's code. Connectors are plain wagmi connectors carrying the `rkDetails`
 * metadata RainbowKit 2.2 reads in its modal (what its `connectorsForWallets` would attach); wallets
 * announced over EIP-6963 (MetaMask, Rabby, …) are discovered by wagmi and listed by RainbowKit as Installed.
 * The devnet's burner wallets exist only when a devnet deployment was found at start-up.
 */
import { type Config, type CreateConnectorFn, createConfig, createConnector } from 'wagmi';
import { injected } from 'wagmi/connectors';
import type { AppConfig } from '../config/appConfig.ts';
import { RECEIPT_POLLING_MS } from '../config/config.ts';
import type { DevnetDeployment } from '../config/devnet.ts';
import { createDevProvider } from './devWallet.ts';

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

/**
 * wagmi's configuration: `wallets` are the modal's wallet list (the app shell's, from RainbowKit), the
 * devnet's burners join it on the devnet, and a legacy injected wallet is reachable too.
 */
export function createWagmiConfig(
  app: AppConfig,
  deployment: DevnetDeployment | undefined,
  wallets: readonly CreateConnectorFn[],
): Config {
  const connectors: CreateConnectorFn[] = [...(deployment ? devConnectors(deployment) : []), ...wallets];
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
  const transports = Object.fromEntries([...app.clients].map(([id, c]) => [id, c.transport]));
  return createConfig({
    chains: app.chains,
    connectors,
    transports,
    // Used for receipts of pending transactions only: nothing in the app watches blocks.
    pollingInterval: RECEIPT_POLLING_MS,
    multiInjectedProviderDiscovery: true,
  });
}
