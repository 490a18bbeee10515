/**
 * The wallet UI's handles, published by the lazily loaded RainbowKit layer (WalletUi.tsx) for the rest of
 * the app: open the connect modal from a trade form, know whether the UI has loaded. A click made before
 * RainbowKit arrives is remembered and honoured when it does.
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

export const walletUi = {
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

export function useWalletUi(): WalletUiState & { openConnectModal: () => void } {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
  return { ...current, openConnectModal: walletUi.openConnectModal };
}
