/**
 * Asking the user to connect a wallet, from anywhere (a trade form, the portfolio). The wallet modal itself
 * belongs to the lazily loaded RainbowKit layer in `src/app/wallet/WalletUi.tsx`, which publishes its opener here;
 * a click made before that layer has loaded is remembered and honoured when it arrives. Features depend on
 * this handle, never on RainbowKit or the app shell.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

interface WalletUiState {
  ready: boolean;
  openConnectModal: (() => void) | undefined;
  /** Set when the user asked to connect before the UI had loaded. */
  connectRequested: boolean;
}

const walletUi = createStore<WalletUiState>()(() => ({
  ready: false,
  openConnectModal: undefined,
  connectRequested: false,
}));

export const connectWallet = {
  /**
   * The layer's current opener: undefined while wagmi reconnects a wallet from an earlier visit, or once one
   * is connected. A request made meanwhile waits for an opener (`dropRequest` ends it once a wallet turns out
   * to be connected after all).
   */
  publish(openConnectModal: (() => void) | undefined) {
    const pending = walletUi.getState().connectRequested;
    walletUi.setState({ ready: true, openConnectModal, connectRequested: pending && !openConnectModal });
    if (pending) openConnectModal?.();
  },
  /** A wallet is connected: a request to connect one has nothing left to do. */
  dropRequest() {
    if (walletUi.getState().connectRequested) walletUi.setState({ connectRequested: false });
  },
  openConnectModal() {
    const { openConnectModal } = walletUi.getState();
    if (openConnectModal) openConnectModal();
    else walletUi.setState({ connectRequested: true });
  },
};

export function useConnectWallet(): WalletUiState & { openConnectModal: () => void } {
  const current = useStore(walletUi);
  return { ...current, openConnectModal: connectWallet.openConnectModal };
}

/** As before the wallet layer loaded, with no request waiting: for tests, between cases. */
export function resetConnectWalletForTests(): void {
  walletUi.setState(walletUi.getInitialState(), true);
}
