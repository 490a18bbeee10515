/**
 * Asking the user to connect a wallet, from anywhere (a trade form, the portfolio). The wallet modal itself
 * belongs to the lazily loaded RainbowKit layer in `src/app/wallet/WalletUi.tsx`, which publishes its opener here;
 * a click made before that layer has loaded is remembered and honoured when it arrives. Features depend on
 * this handle, never on RainbowKit or the app shell.
 */
import { useSyncExternalStore } from 'react';

interface WalletUiState {
  ready: boolean;
  openConnectModal: (() => void) | undefined;
  /** Set when the user asked to connect before the UI had loaded. */
  connectRequested: boolean;
}

let state: WalletUiState = { ready: false, openConnectModal: undefined, connectRequested: false };
const listeners = new Set<() => void>();

function set(next: Partial<WalletUiState>) {
  state = { ...state, ...next };
  // Over a copy: a listener may re-render its component at once, and a Set also visits what is added to it
  // while it is walked.
  for (const listener of [...listeners]) listener();
}

/** One subscribe function for every component, so that React does not resubscribe them on each render. */
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const connectWallet = {
  /**
   * The layer's current opener: undefined while wagmi reconnects a wallet from an earlier visit, or once one
   * is connected. A request made meanwhile waits for an opener (`dropRequest` ends it once a wallet turns out
   * to be connected after all).
   */
  publish(openConnectModal: (() => void) | undefined) {
    const pending = state.connectRequested;
    set({ ready: true, openConnectModal, connectRequested: pending && !openConnectModal });
    if (pending) openConnectModal?.();
  },
  /** A wallet is connected: a request to connect one has nothing left to do. */
  dropRequest() {
    if (state.connectRequested) set({ connectRequested: false });
  },
  openConnectModal() {
    if (state.openConnectModal) state.openConnectModal();
    else set({ connectRequested: true });
  },
};

export function useConnectWallet(): WalletUiState & { openConnectModal: () => void } {
  const current = useSyncExternalStore(subscribe, () => state);
  return { ...current, openConnectModal: connectWallet.openConnectModal };
}
