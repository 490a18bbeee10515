/**
 * A click on "Connect Wallet" is never lost (src/chain/wallet/connectWallet.ts): made before the wallet layer has
 * loaded, or while wagmi reconnects a wallet from an earlier visit (RainbowKit has no opener then), it waits
 * for an opener and is honoured once; it is dropped if the reconnect connects a wallet after all.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectWallet, resetConnectWalletForTests } from '../../src/chain/wallet/connectWallet.ts';

describe('a request to connect a wallet', () => {
  afterEach(resetConnectWalletForTests);

  it('left waiting by one case is gone in the next', () => {
    // Each case starts from the reset: a request made here must not open the next case's modal.
    connectWallet.openConnectModal();
    resetConnectWalletForTests();
    const open = vi.fn();
    connectWallet.publish(open);
    expect(open).not.toHaveBeenCalled();
  });

  it('made before the layer loads and while it reconnects, opens the modal once an opener comes', () => {
    const open = vi.fn();
    connectWallet.openConnectModal();
    // The layer arrives while wagmi reconnects: no opener yet, and the request still waits.
    connectWallet.publish(undefined);
    expect(open).not.toHaveBeenCalled();
    connectWallet.publish(open);
    expect(open).toHaveBeenCalledTimes(1);
    // Honoured once: a later opener opens nothing by itself.
    connectWallet.publish(undefined);
    connectWallet.publish(open);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('is dropped when the reconnect connects a wallet after all', () => {
    const open = vi.fn();
    connectWallet.publish(undefined);
    connectWallet.openConnectModal();
    connectWallet.dropRequest();
    connectWallet.publish(open);
    expect(open).not.toHaveBeenCalled();
  });

  it('opens at once when the layer can', () => {
    const open = vi.fn();
    connectWallet.publish(open);
    connectWallet.openConnectModal();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
