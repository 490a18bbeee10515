/**
 * Asking the user to connect a wallet, from anywhere (a trade form, the portfolio). The wallet modal itself
 * belongs to the lazily loaded RainbowKit layer in `src/app/WalletUi.tsx`, which publishes its opener here;
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
  for (const listener of listeners) listener();
}

export const connectWallet = {
  publish(openConnectModal: (() => void) | undefined) {
    const pending = state.connectRequested;
    set({ ready: true, openConnectModal, connectRequested: false });
    if (pending) openConnectModal?.();
  },
  openConnectModal() {
    if (state.openConnectModal) state.openConnectModal();
    else set({ connectRequested: true });
  },
};

export function useConnectWallet(): WalletUiState & { openConnectModal: () => void } {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
  return { ...current, openConnectModal: connectWallet.openConnectModal };
}
