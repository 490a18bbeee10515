/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Arbitrum One JSON-RPC endpoints, comma-separated, the preferred first (README: "RPC endpoints"). */
  readonly VITE_ARBITRUM_RPC_URLS?: string;
  /** Set by `npm start` and the test stage: a devnet build, which reads the devnet's deployment at run time. */
  readonly VITE_DEVNET_RPC_URL?: string;
  /** Arbitrum One's history indexer (docs/indexer.md); without one, history is read from the chain's logs. */
  readonly VITE_INDEXER_URL?: string;
  /** Set by `npm start` and the test stage beside VITE_DEVNET_RPC_URL: the devnet's indexer, for the CSP. */
  readonly VITE_DEVNET_INDEXER_URL?: string;
  /** A WalletConnect Cloud project id: offers WalletConnect and the wallets that need it (README: "Wallets"). */
  readonly VITE_WALLETCONNECT_PROJECT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
