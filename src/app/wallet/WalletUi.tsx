/**
 * The wallet layer, loaded after the first paint: wagmi (its config and provider), RainbowKit (provider,
 * modals and connect button) and the toaster that tells a write's progress (no write can start before a
 * wallet is connected). It sits beside the app, not around it: the account reaches the app through
 * `src/chain/wallet/wallet.ts`, the connect button is drawn into the header's slot through a portal, and the
 * modal's opener is published through `src/chain/wallet/connectWallet.ts`, so nothing in the app depends on this
 * layer having loaded.
 */
import '@rainbow-me/rainbowkit/styles.css';
import { ConnectButton, darkTheme, RainbowKitProvider, useConnectModal } from '@rainbow-me/rainbowkit';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Toaster } from 'sonner';
import { type Config, WagmiProvider } from 'wagmi';
import type { AppConfig } from '../../chain/config/appConfig.ts';
import { useAppConfig, useDevnet } from '../../chain/react/DeploymentContext.tsx';
import { ResumeSent } from '../../chain/react/useResumeSent.ts';
import { connectWallet } from '../../chain/wallet/connectWallet.ts';
import { awaitReconnect, holdSdkSetup, reconnectKnownWallets } from '../../chain/wallet/reconnect.ts';
import { createWagmiConfig } from '../../chain/wallet/wagmi.ts';
import { currentWallet, onWalletChange } from '../../chain/wallet/wallet.ts';
import { whenIdle } from '../idle.ts';
import { ensureLocalStorage } from '../storageFallback.ts';
import { WalletBridge } from './walletBridge.tsx';
import { walletConnectors } from './walletList.ts';
import { WALLET_SLOT_ID } from './walletSlot.ts';

// Before wagmi or RainbowKit touch storage.
const storageRefused = ensureLocalStorage();

const theme = darkTheme({ accentColor: '#F8CC82', accentColorForeground: '#0f172a', borderRadius: 'medium' });

/** Draws RainbowKit's button into the header's slot and publishes the modal's opener. */
function ConnectBridge() {
  const { openConnectModal } = useConnectModal();
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => {
    connectWallet.publish(openConnectModal);
  }, [openConnectModal]);
  // A click remembered while wagmi reconnected is dropped if that reconnect connects a wallet. Subscribed
  // rather than rendered from: drawing this part again as the account changes froze the page on connecting.
  useEffect(
    () =>
      onWalletChange((wallet) => {
        if (wallet.status === 'connected') connectWallet.dropRequest();
      }),
    [],
  );
  useEffect(() => {
    setSlot(document.getElementById(WALLET_SLOT_ID));
  }, []);
  // RainbowKit scopes its styles and theme to [data-rk]; the portal leaves its provider's element, so it
  // carries the attribute itself.
  return slot
    ? createPortal(
        <div
          data-rk=""
          // RainbowKit's button does nothing while wagmi reconnects a wallet from an earlier visit (its modal
          // opens only once the status is "disconnected"): a click then is remembered and honoured when it can.
          onClickCapture={() => {
            if (!openConnectModal && currentWallet().status !== 'connected') connectWallet.openConnectModal();
          }}
        >
          <ConnectButton
            chainStatus="icon"
            showBalance={false}
            accountStatus={{ smallScreen: 'avatar', largeScreen: 'full' }}
          />
        </div>,
        slot,
      )
    : null;
}

export function WalletUi() {
  const app = useAppConfig();
  const devnet = useDevnet();
  // Built once and kept: wagmi's provider starts a reconnect each time it renders (its Hydrate part, outside
  // server rendering), and that reconnect sets wagmi's state at once. Drawn again whenever the providers
  // around it re-render (the connect button publishing its opener does that), it set the state the account
  // readers hold while React was still rendering it, which React refuses with an error, and reconnected a
  // wallet that was already there. The same element is skipped by React, so wagmi's provider renders once.
  const [tree] = useState(() => {
    // The wallets' SDKs (WalletConnect's above all) are fetched once the modal has had its chance to open.
    const wallets = holdSdkSetup(walletConnectors({ storageRefused }));
    const wagmi = createWagmiConfig(app, devnet, wallets.connectors);
    awaitReconnect(wagmi);
    return walletTree(wagmi, app, wallets.release);
  });
  return tree;
}

/**
 * Reconnects the wallet of an earlier visit once drawn, asking only the wallets that cost nothing to ask
 * (src/chain/wallet/reconnect.ts), then lets the SDK-backed wallets start when the browser is next idle.
 */
function Reconnect({ config, releaseSdks }: { config: Config; releaseSdks: () => void }) {
  useEffect(() => {
    let cancel = () => {};
    const release = () => {
      cancel = whenIdle(releaseSdks, 5000);
    };
    // Released however the reconnect ends: a wallet that failed to come back must not keep the others waiting.
    reconnectKnownWallets(config).then(release, release);
    return () => cancel();
  }, [config, releaseSdks]);
  return null;
}

function walletTree(wagmi: Config, app: AppConfig, releaseSdks: () => void) {
  return (
    <WagmiProvider config={wagmi} reconnectOnMount={false}>
      <Reconnect config={wagmi} releaseSdks={releaseSdks} />
      <WalletBridge />
      <RainbowKitProvider theme={theme} initialChain={app.defaultChain} modalSize="compact">
        <ConnectBridge />
        <Toaster
          theme="dark"
          position="bottom-right"
          closeButton
          visibleToasts={5}
          containerAriaLabel="Notifications"
          toastOptions={{ closeButtonAriaLabel: 'Dismiss' }}
        />
      </RainbowKitProvider>
      {/* After the Toaster, so the toasts of writes resumed after a reload have somewhere to show. */}
      <ResumeSent />
    </WagmiProvider>
  );
}
