/**
 * The wallets the connect modal offers, through RainbowKit's own wallet list. With a WalletConnect project id
 * (`VITE_WALLETCONNECT_PROJECT_ID`, README "Wallets"): WalletConnect (any phone wallet), MetaMask, Rainbow,
 * Coinbase Wallet, Rabby and Safe. Without one: the browser's extensions (found through EIP-6963 by wagmi)
 * and Safe, when the app runs as a Safe app. The choice is made at build time, so a build without a project
 * id carries none of the WalletConnect wallets' code.
 */
import { connectorsForWallets } from '@rainbow-me/rainbowkit';
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

export function walletConnectors(): CreateConnectorFn[] {
  // Read here, not passed in: a build without it drops the branch below, and the wallets' code with it.
  const projectId = import.meta.env.VITE_WALLETCONNECT_PROJECT_ID;
  if (projectId) {
    return connectorsForWallets(
      [
        {
          groupName: 'Popular',
          wallets: [
            metaMaskWallet,
            rainbowWallet,
            coinbaseWallet,
            rabbyWallet,
            walletConnectWallet,
            safeWallet,
          ],
        },
      ],
      { ...APP, projectId },
    );
  }
  // Safe needs no WalletConnect: RainbowKit lists it only inside a Safe (the app framed by the Safe's UI).
  return connectorsForWallets([{ groupName: 'Safe', wallets: [safeWallet] }], { ...APP, projectId: '' });
}
