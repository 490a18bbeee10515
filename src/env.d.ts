/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Arbitrum One JSON-RPC endpoints, comma-separated, the preferred first (README: "RPC endpoints"). */
  readonly VITE_ARBITRUM_RPC_URLS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
