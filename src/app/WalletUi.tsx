/**
 * RainbowKit, loaded after the first paint: its provider, modals and connect button, and the toaster that
 * tells a write's progress (no write can start before a wallet is connected). The button is drawn
 * into the header's wallet slot through a portal, and the modal's opener is published for the rest of the
 * app (`src/chain/connectWallet.ts`), so nothing above this layer depends on RainbowKit being loaded.
 */
import '@rainbow-me/rainbowkit/styles.css';
import { ConnectButton, darkTheme, RainbowKitProvider, useConnectModal } from '@rainbow-me/rainbowkit';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Toaster } from 'sonner';
import { connectWallet } from '../chain/connectWallet.ts';
import { useDeployment } from '../chain/DeploymentContext.tsx';
import { WALLET_SLOT_ID } from './walletSlot.ts';

const theme = darkTheme({ accentColor: '#F8CC82', accentColorForeground: '#0f172a', borderRadius: 'medium' });

function Bridge() {
  const { openConnectModal } = useConnectModal();
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => {
    connectWallet.publish(openConnectModal);
  }, [openConnectModal]);
  useEffect(() => {
    setSlot(document.getElementById(WALLET_SLOT_ID));
  }, []);
  // RainbowKit scopes its styles and theme to [data-rk]; the portal leaves its provider's element, so it
  // carries the attribute itself.
  return slot
    ? createPortal(
        <div data-rk="">
          <ConnectButton chainStatus="icon" showBalance={false} />
        </div>,
        slot,
      )
    : null;
}

export function WalletUi() {
  const { app } = useDeployment();
  return (
    <RainbowKitProvider theme={theme} initialChain={app.defaultChain} modalSize="compact">
      <Bridge />
      <Toaster
        theme="dark"
        position="bottom-right"
        closeButton
        visibleToasts={5}
        containerAriaLabel="Notifications"
        toastOptions={{ closeButtonAriaLabel: 'Dismiss' }}
      />
    </RainbowKitProvider>
  );
}
