/**
 * Publishes wagmi's account to the rest of the app (src/chain/wallet/wallet.ts). Rendered inside WagmiProvider by
 * the wallet layer, and by the component tests with wagmi's mock connector.
 */
import { useEffect } from 'react';
import { useAccount, useConfig } from 'wagmi';
import { publishWallet, type WalletState } from '../../chain/wallet/wallet.ts';

export function WalletBridge() {
  const config = useConfig();
  const { status, address, chainId } = useAccount();
  useEffect(() => {
    // While wagmi reconnects a wallet the user connected before, the wallet is not yet known: "loading".
    const wallet: WalletState =
      status === 'connected' && address && chainId !== undefined
        ? { status: 'connected', address, chainId }
        : status === 'disconnected'
          ? { status: 'disconnected' }
          : { status: 'loading' };
    publishWallet(wallet, config);
  }, [status, address, chainId, config]);
  return null;
}
