/**
 * App configuration in one place: supported chains, the Tracer V2.1 factory per chain, and the collateral
 * tokens Olympus pools may settle in. Devnet addresses are never written here: they come from the running
 * devnet's deployment file at start-up (see devnet.ts).
 */
import type { Address } from 'viem';
import { arbitrum } from 'viem/chains';
import type { OlympusAuthority } from '../pools/poolVerification.ts';
import { arbitrumRpcUrls } from './rpcUrls.ts';

export type CollateralSymbol = 'OHM' | 'gOHM';

export interface CollateralToken {
  symbol: CollateralSymbol;
  address: Address;
  decimals: number;
}

export interface ChainDeployment {
  chainId: number;
  factory: Address;
  keeper?: Address;
  /** Where users' paid claim requests go (`payForClaim`), when the chain has AutoClaim. */
  autoClaim?: Address;
  /**
   * The treasury, governance and price feeds an Olympus pool must have (poolVerification.ts). Without it,
   * no pool on the chain is listed as an Olympus pool.
   */
  olympus?: OlympusAuthority;
  collaterals: CollateralToken[];
  /** Oracle wrappers (WAD prices) of each collateral in USD, where the chain has one. */
  usdOracles: Partial<Record<CollateralSymbol, Address>>;
  /**
   * No log scan starts earlier than this: the factory's deployment block. A pool's own history starts at its
   * `DeployPool` log, found from here once and remembered.
   */
  historyFromBlock: bigint;
  /** The block whose hash names this chain instance (a restarted devnet is another); `historyFromBlock` if absent. */
  identityBlock?: bigint;
  /**
   * Pools whose `DeployPool` block is known without a scan (by the history's `historyKey` → block): the pools that
   * existed when this configuration was written. Others are found by one scan from `historyFromBlock`.
   */
  poolDeployBlocks?: Readonly<Record<string, bigint>>;
  /** How often figures from this chain refresh; a figure is stale after two intervals without a read. */
  pollIntervalMs: number;
  /**
   * The history indexer's origin (docs/indexer.md), when the chain has one: history is asked of it first and
   * only what it has not reached is read from the chain's logs.
   */
  indexerUrl?: string;
  /** JSON-RPC endpoints, the preferred first; reads fall back along the list. */
  rpcUrls: readonly string[];
  explorerUrl?: string;
  /**
   * A price feed whose last update (`latestRoundData().updatedAt`) is older than this, on the chain's clock,
   * counts as stale: the pool's health says so and no upkeep is offered on it (docs/protocol.md, "Pool health").
   */
  priceFeedMaxAgeSeconds: number;
  /** Multicall3, through which every refresh of every pool is one `eth_call`. */
  multicall3: Address;
}

/**
 * Arbitrum One: the Tracer V2.1 PoolFactory (docs/protocol.md §7) and Olympus's bridged OHM and gOHM.
 * No Olympus pool exists there yet; the pools view says so rather than showing Tracer's USDC pools.
 */
export const ARBITRUM_DEPLOYMENT: ChainDeployment = {
  chainId: arbitrum.id,
  factory: '0x3Feafee6b12C8d2E58c5B118e54C09F9273c6124',
  keeper: '0x051afD0b39ACF4Cc52c76a479aD802d0B82A8249',
  // Olympus has named no treasury or governance for pools on Arbitrum yet, so no pool there is verified as an
  // Olympus pool: the pools page says there are none rather than listing a look-alike. Set `olympus` here
  // when the Olympus-governed factory exists (docs/protocol.md, "Verified pools").
  collaterals: [
    { symbol: 'OHM', address: '0xf0cb2dc0db5e6c66B9a70Ac27B06b878da017028', decimals: 9 },
    { symbol: 'gOHM', address: '0x8D9bA570D6cb60C7e3e0F31343Efe75AB8E65FB1', decimals: 18 },
  ],
  // No Chainlink OHM/USD or gOHM/USD feed is configured for Arbitrum yet: USD values are then not shown.
  usdOracles: {},
  // The V2.1 factory's deployment block on Arbitrum One. When the first Olympus pool is deployed, its block
  // can replace this, though each pool's scan already starts at its own DeployPool log.
  historyFromBlock: 13_387_522n,
  pollIntervalMs: 5_000,
  rpcUrls: arbitrumRpcUrls(import.meta.env.VITE_ARBITRUM_RPC_URLS),
  ...(import.meta.env.VITE_INDEXER_URL ? { indexerUrl: import.meta.env.VITE_INDEXER_URL } : {}),
  explorerUrl: 'https://arbiscan.io',
  // Assumes feeds with an hourly heartbeat (a new round at least once an hour, sooner when the price moves past
  // the feed's deviation threshold), plus ten minutes for a round to land: older means a missed heartbeat,
  // not a quiet market. No feed is named for Arbitrum yet (`olympus` is unset); when one is, check its
  // published heartbeat, since some feeds only answer daily in a quiet market and need a longer limit.
  priceFeedMaxAgeSeconds: 70 * 60,
  multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
};

/** How often a pending transaction's receipt is asked for: only while one is pending, never when idle. */
export const RECEIPT_POLLING_MS = 1_000;

/** What one press of the devnet faucet gives, in whole tokens. */
export const DEVNET_FAUCET_GRANT: Record<string, string> = { OHM: '1000', gOHM: '5', ETH: '10' };
