/**
 * Reconnecting the wallet of an earlier visit, without fetching every wallet's SDK to find it. wagmi asks each
 * connector for its provider twice at start-up (a connector's `setup` as the config is made, and the reconnect
 * on mount), and for WalletConnect, Coinbase Wallet and MetaMask's SDK that means downloading and starting
 * their SDKs (about 500 KB of gzipped script, and WalletConnect's relay): on a first visit, all of it arrived
 * just as the connect modal opened and held the main thread while the user was choosing. Here those
 * connectors are asked on reconnect only when the visitor last used that one, and their `setup` waits until
 * the wallet layer releases it (once reconnected and the browser is idle); the browser's own wallets (EIP-6963
 * and window.ethereum), the devnet's burners and Safe (inside a Safe, which connects itself) are asked as
 * before, at no cost. A wallet picked in the modal before then loads its SDK at once.
 */
import { type Config, type Connector, type CreateConnectorFn, createConnector } from 'wagmi';
import { reconnect } from 'wagmi/actions';

/** The connector types whose provider is a large SDK fetched on first use. */
const SDK_CONNECTORS = new Set(['walletConnect', 'coinbaseWallet', 'metaMask']);

/** Whether `reconnectKnownWallets` asks this connector, given the connector the visitor last used. */
export function asksOnReconnect(connector: Pick<Connector, 'id' | 'type'>, recentId: string | null): boolean {
  return !SDK_CONNECTORS.has(connector.type) || connector.id === recentId;
}

/**
 * The connectors, with the SDK-backed ones' `setup` (which fetches and starts the SDK) held until `release`
 * is called; the others as they are.
 */
export function holdSdkSetup(connectors: readonly CreateConnectorFn[]): {
  connectors: CreateConnectorFn[];
  release: () => void;
} {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held = connectors.map((connectorFn) =>
    createConnector((config) => {
      const connector = connectorFn(config);
      const { setup } = connector;
      if (!setup || !SDK_CONNECTORS.has(connector.type)) return connector;
      return {
        ...connector,
        // wagmi calls it on the connector it builds from this object: `this` is that connector.
        async setup(this: typeof connector) {
          await released;
          return setup.call(this);
        },
      };
    }),
  );
  return { connectors: held, release };
}

/**
 * Marks the wallet as on its way before anything draws: the app reads "connecting" as loading (wallet.ts), and
 * a page must not offer to connect a wallet the reconnect below is about to find. Call on a config that was
 * just created, before its provider renders.
 */
export function awaitReconnect(config: Config): void {
  config.setState((state) => ({ ...state, status: state.current ? 'reconnecting' : 'connecting' }));
}

const started = new WeakSet<Config>();

/** Once per config (React may run the effect that calls it twice): see the header. */
export async function reconnectKnownWallets(config: Config): Promise<void> {
  if (started.has(config)) return;
  started.add(config);
  let recentId: string | null = null;
  try {
    recentId = (await config.storage?.getItem('recentConnectorId')) ?? null;
  } catch {
    // Storage refused: no wallet to come back to.
  }
  const connectors = config.connectors.filter((connector) => asksOnReconnect(connector, recentId));
  // wagmi's reconnect with no connectors asks them all, which is what this avoids.
  if (connectors.length === 0) {
    config.setState((state) => ({ ...state, connections: new Map(), current: null, status: 'disconnected' }));
    return;
  }
  await reconnect(config, { connectors });
}
