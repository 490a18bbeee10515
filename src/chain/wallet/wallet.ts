/**
 * The connected wallet, as the rest of the app sees it. wagmi and RainbowKit are the largest part of the
 * app's code and load after the first paint (`src/app/wallet/WalletUi.tsx`); until they have, and until wagmi has
 * reconnected a wallet the user connected before, the wallet is `loading`, never "disconnected": a page must
 * not say "connect a wallet" to someone whose wallet is on its way. The lazily loaded layer publishes wagmi's
 * account and config here; features read them through `useWallet`, and writes reach wagmi through
 * `walletConfig` (useTransactor) and `switchWalletChain`.
 */
import type { Address } from 'viem';
import type { Config } from 'wagmi';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type WalletState =
  | { status: 'loading' }
  | { status: 'disconnected' }
  | { status: 'connected'; address: Address; chainId: number };

interface Store {
  wallet: WalletState;
  config: Config | undefined;
}

const walletStore = createStore<Store>()(() => ({ wallet: { status: 'loading' }, config: undefined }));

/** Called by the wallet layer whenever wagmi's account changes. */
export function publishWallet(wallet: WalletState, config: Config): void {
  const store = walletStore.getState();
  const same =
    store.config === config &&
    store.wallet.status === wallet.status &&
    (wallet.status !== 'connected' ||
      (store.wallet.status === 'connected' &&
        store.wallet.address === wallet.address &&
        store.wallet.chainId === wallet.chainId));
  // The same account again keeps the same object, so nothing that reads it renders again.
  if (!same) walletStore.setState({ wallet, config });
}

/** The wallet as it is now, for an event handler (components read it with `useWallet`). */
export const currentWallet = (): WalletState => walletStore.getState().wallet;

/** Calls `listener` with the wallet whenever it changes, without rendering anything; returns the unsubscribe. */
export function onWalletChange(listener: (wallet: WalletState) => void): () => void {
  return walletStore.subscribe((store) => listener(store.wallet));
}

export function useWallet(): WalletState {
  return useStore(walletStore, (store) => store.wallet);
}

/** Back to "loading" with no config, as before the wallet layer loaded: for tests, between cases. */
export function resetWalletForTests(): void {
  walletStore.setState(walletStore.getInitialState(), true);
}

/** The wallet's address when it is connected to `chainId`, else undefined. */
export function userOn(wallet: WalletState, chainId: number): Address | undefined {
  return wallet.status === 'connected' && wallet.chainId === chainId ? wallet.address : undefined;
}

/** wagmi's config, for the write actions; there is none before the wallet layer has loaded. */
export function walletConfig(): Config {
  const { config } = walletStore.getState();
  if (!config) throw new Error('The wallet is still loading. Try again in a moment.');
  return config;
}

/** Asks the wallet to switch chains; rejects with the wallet's reason when it refuses. */
export async function switchWalletChain(chainId: number): Promise<void> {
  const { switchChain } = await import('wagmi/actions');
  await switchChain(walletConfig(), { chainId });
}
