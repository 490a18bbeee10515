/**
 * The wallets offered where the browser refuses storage to the page (a Safe app framed by the Safe's UI in
 * Safari): none whose code leaves that refusal uncaught as it loads (src/app/wallet/walletList.ts).
 */
import { coinbaseWallet, safeWallet, walletConnectWallet } from '@rainbow-me/rainbowkit/wallets';
import { describe, expect, it } from 'vitest';
import { popularWallets } from '../../src/app/wallet/walletList.ts';

describe('the wallets offered with a WalletConnect project id', () => {
  it('include Coinbase Wallet, except where the browser refuses storage to the page', () => {
    expect(popularWallets({ storageRefused: false })).toContain(coinbaseWallet);
    const refused = popularWallets({ storageRefused: true });
    expect(refused).not.toContain(coinbaseWallet);
    expect(refused).toEqual(expect.arrayContaining([walletConnectWallet, safeWallet]));
    expect(refused).toHaveLength(popularWallets({ storageRefused: false }).length - 1);
  });
});
