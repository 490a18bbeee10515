/**
 * The wallets the connect modal offers, through RainbowKit's own wallet list. With a WalletConnect project id
 * (`VITE_WALLETCONNECT_PROJECT_ID`, README "Wallets"): WalletConnect (any phone wallet), MetaMask, Rainbow,
 * Coinbase Wallet, Rabby and Safe. Without one: the browser's extensions (found through EIP-6963 by wagmi)
 * and Safe, when the app runs as a Safe app. The choice is made at build time, so a build without a project
 * id carries none of the WalletConnect wallets' code. Where the browser refuses storage to the page (a Safe
 * app framed by the Safe's UI in Safari, or with third-party storage blocked), WalletConnect keeps its sessions
 * in memory and Coinbase Wallet is not offered: its SDK opens IndexedDB for its keys as soon as its code
 * loads (when wagmi looks for a wallet to reconnect, chosen or not) and leaves the refusal uncaught.
 */
import {
  connectorsForWallets,
  type RainbowKitWalletConnectParameters,
  type WalletList,
} from '@rainbow-me/rainbowkit';
import {
  coinbaseWallet,
  metaMaskWallet,
  rabbyWallet,
  rainbowWallet,
  safeWallet,
  walletConnectWallet,
} from '@rainbow-me/rainbowkit/wallets';
import type { CreateConnectorFn } from 'wagmi';

const APP = { appName: 'Olympus Perpetual Pools', appDescription: 'Olympus Perpetual Pools' };

type KeyValueStorage = NonNullable<RainbowKitWalletConnectParameters['storage']>;

/**
 * WalletConnect's store, in memory. WalletConnect keeps its sessions in IndexedDB; where the browser refuses
 * storage, its first read there is a promise nobody catches, reported as an uncaught error, and its store
 * never finishes starting. In memory it works for the visit, as wagmi's and RainbowKit's do
 * (storageFallback.ts).
 */
function memoryKeyValueStorage(): KeyValueStorage {
  const items = new Map<string, unknown>();
  return {
    getKeys: async () => [...items.keys()],
    getEntries: async <T>() => [...items.entries()] as [string, T][],
    getItem: async <T>(key: string) => items.get(key) as T | undefined,
    setItem: async <T>(key: string, value: T) => {
      items.set(key, value);
    },
    removeItem: async (key: string) => {
      items.delete(key);
    },
  };
}

/** The wallets offered with a WalletConnect project id. */
export function popularWallets({
  storageRefused,
}: {
  storageRefused: boolean;
}): WalletList[number]['wallets'] {
  return [
    metaMaskWallet,
    rainbowWallet,
    ...(storageRefused ? [] : [coinbaseWallet]),
    rabbyWallet,
    walletConnectWallet,
    safeWallet,
  ];
}

/** `storageRefused`: the browser refuses storage to this page (storageFallback.ts `ensureLocalStorage`). */
export function walletConnectors({ storageRefused = false } = {}): CreateConnectorFn[] {
  // Read here, not passed in: a build without it drops the branch below, and the wallets' code with it.
  const projectId = import.meta.env.VITE_WALLETCONNECT_PROJECT_ID;
  if (projectId) {
    return connectorsForWallets(
      [
        {
          groupName: 'Popular',
          wallets: popularWallets({ storageRefused }),
        },
      ],
      {
        ...APP,
        projectId,
        ...(storageRefused ? { walletConnectParameters: { storage: memoryKeyValueStorage() } } : {}),
      },
    );
  }
  // Safe needs no WalletConnect: RainbowKit lists it only inside a Safe (the app framed by the Safe's UI).
  return connectorsForWallets([{ groupName: 'Safe', wallets: [safeWallet] }], { ...APP, projectId: '' });
}
