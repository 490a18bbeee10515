/**
 * Starting the wallet layer fetches no wallet SDK the visitor has not used (src/chain/wallet/reconnect.ts):
 * the reconnect asks WalletConnect-like connectors only when that one was the last used, and their `setup`
 * (which wagmi runs as the config is made, fetching the SDK) waits for the layer's release.
 */
import { createConfig, createConnector, createStorage, http } from '@wagmi/core';
import { mainnet } from 'viem/chains';
import { describe, expect, it, vi } from 'vitest';
import { awaitReconnect, holdSdkSetup, reconnectKnownWallets } from '../../src/chain/wallet/reconnect.ts';

/** A connector of `type` whose provider is never found (as a wallet not there), its calls counted. */
function fakeConnector(id: string, type: string) {
  const calls = { getProvider: vi.fn(async () => undefined), setup: vi.fn(async () => {}) };
  const fn = createConnector(() => ({
    id,
    name: id,
    type,
    setup: calls.setup,
    getProvider: calls.getProvider,
    connect: async () => {
      throw new Error('not used');
    },
    disconnect: async () => {},
    getAccounts: async () => [],
    getChainId: async () => mainnet.id,
    isAuthorized: async () => false,
    onAccountsChanged: () => {},
    onChainChanged: () => {},
    onDisconnect: () => {},
  }));
  return { fn, calls };
}

function memoryStorage(entries: Record<string, string> = {}) {
  const items = new Map(Object.entries(entries));
  return createStorage({
    storage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    },
  });
}

function wallets(recent?: string) {
  const browser = fakeConnector('io.rabby', 'injected');
  const walletConnect = fakeConnector('walletConnect', 'walletConnect');
  const coinbase = fakeConnector('coinbaseWalletSDK', 'coinbaseWallet');
  const held = holdSdkSetup([browser.fn, walletConnect.fn, coinbase.fn]);
  const config = createConfig({
    chains: [mainnet],
    connectors: held.connectors,
    transports: { [mainnet.id]: http('http://127.0.0.1:1') },
    storage: memoryStorage(recent ? { 'wagmi.recentConnectorId': JSON.stringify(recent) } : {}),
    multiInjectedProviderDiscovery: false,
  });
  return { config, release: held.release, browser, walletConnect, coinbase };
}

describe("the wallet layer's start", () => {
  it('asks only the browser’s wallets on a first visit, and ends disconnected', async () => {
    const { config, browser, walletConnect, coinbase } = wallets();
    awaitReconnect(config);
    expect(config.state.status).toBe('connecting');
    await reconnectKnownWallets(config);
    expect(browser.calls.getProvider).toHaveBeenCalled();
    expect(walletConnect.calls.getProvider).not.toHaveBeenCalled();
    expect(coinbase.calls.getProvider).not.toHaveBeenCalled();
    expect(config.state.status).toBe('disconnected');
  });

  it('asks WalletConnect when the visitor last connected through it', async () => {
    const { config, walletConnect, coinbase } = wallets('walletConnect');
    await reconnectKnownWallets(config);
    expect(walletConnect.calls.getProvider).toHaveBeenCalled();
    expect(coinbase.calls.getProvider).not.toHaveBeenCalled();
  });

  it('holds the SDK-backed wallets’ setup until released, and no other', async () => {
    const { browser, walletConnect, release } = wallets();
    await Promise.resolve();
    expect(browser.calls.setup).toHaveBeenCalledTimes(1);
    expect(walletConnect.calls.setup).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(walletConnect.calls.setup).toHaveBeenCalledTimes(1));
  });
});
