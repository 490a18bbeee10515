/**
 * What the devnet deploys and how its actors behave: one place for the node, intervals, fees, markets,
 * collateral tokens, pools, the price simulator, the keeper and the Node-side clients. Values that differ by
 * profile live in devnet/lib/profile.ts. Amounts are decimal strings in their token's units; prices are USD
 * with up to 8 decimals (Chainlink style).
 */

/** anvil's dev chain id, which wallets and the app know the devnet by. */
export const DEVNET_CHAIN_ID = 31337;
/** Where `npm start` serves the chain unless DEVNET_PORT says otherwise. */
export const DEFAULT_DEVNET_PORT = 8545;
/** The well-known public test mnemonic of anvil/Hardhat: dev accounts only, never real funds. */
export const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

/**
 * Which dev account (index into the mnemonic's accounts) plays which part, so that actors running at once
 * never share a nonce; `users` dev accounts from `firstUser` on are the wallets offered in the app.
 */
export const ROLE_INDEX = {
  governance: 0,
  treasury: 1,
  feeReceiver: 2,
  keeper: 3,
  priceFeeder: 4,
  liquidityProvider: 5,
  firstUser: 6,
  users: 4,
} as const;

/** What anvil starts with (devnet/lib/node.ts). */
export const NODE = {
  /** Dev accounts derived from the mnemonic: enough for every role in devnet/lib/accounts.ts. */
  accounts: 10,
  /** Ether each dev account holds at genesis. */
  etherPerAccount: 10_000,
  /** Hardhat's per-transaction cap, under which the V2.1 deployment was first tried by hand. */
  blockGasLimit: 30_000_000,
} as const;

/** Decimals of every price feed (TestChainlinkOracle), as Chainlink's USD feeds have. */
export const FEED_DECIMALS = 8;

/** The price simulator (devnet/lib/prices.ts). */
export const PRICE_SIMULATOR = {
  /** Seeds the walk, so the same seed always replays the same prices. */
  seed: 42,
  /** Wall-clock time between two price updates. */
  tickMs: 3000,
  /** Market seconds per wall-clock second: 60 makes one real minute an hour of market moves. */
  speedUp: 60,
  /** Annualised volatility of OHM/USD; gOHM/USD follows it at OHM × index. */
  ohmAnnualVolatility: 0.6,
} as const;

/** How often the devnet keeper (devnet/lib/keeper.ts) looks for pools due an upkeep. */
export const KEEPER_INTERVAL_MS = 1000;

/** How the Node-side clients (devnet/lib/clients.ts) poll, and ride out the proxy's 429s. */
export const CLIENTS = {
  /** viem's polling interval for blocks and filters. */
  pollingMs: 250,
  /** How often a sent transaction's receipt is asked for. */
  receiptPollingMs: 20,
  /** viem's wait before a retry, when `retry-after` does not say. */
  retryDelayMs: 200,
  /** Behind the proxy: how many times a request, or a rate-limited send, is tried again. */
  retriesBehindProxy: 8,
} as const;

export type CollateralSymbol = 'OHM' | 'gOHM';
export type MarketSymbol = 'BTC/USD' | 'ETH/USD';

export interface CollateralSpec {
  symbol: CollateralSymbol;
  name: string;
  decimals: number;
  /** What each dev (user) account receives at start and per faucet click. */
  devGrant: string;
  /** USD price at start (gOHM = OHM × index). */
  usdPrice: string;
  /**
   * How many of this token one ETH buys: the settlement/ETH price keeper rewards use (docs/protocol.md §2.4).
   */
  perEth: string;
}

export interface MarketSpec {
  symbol: MarketSymbol;
  startPrice: string;
  /** Annualised volatility of the simulated random walk, as a fraction (0.55 = 55%). */
  annualVolatility: number;
}

export interface PoolSpec {
  market: MarketSymbol;
  leverage: number;
  collateral: CollateralSymbol;
  mintingFeePercent: string;
  burningFeePercent: string;
  changeIntervalPercent: string;
  /** Liquidity the seeding account commits to each side; unequal on purpose where a skew is wanted. */
  seedLong: string;
  seedShort: string;
}

export interface DevnetConfig {
  updateIntervalSeconds: number;
  frontRunningIntervalSeconds: number;
  /** Annual management fee, percent (2 = 2% a year; §2.1). */
  annualFeePercent: string;
  /** Share of the management fee accrued to each pool's deployer, the Olympus treasury (§2.1). */
  secondaryFeeSplitPercent: number;
  /** PoolKeeper gas price for keeper rewards (§2.4): Arbitrum-like, so 60 s upkeeps do not drain pools. */
  keeperGasPriceGwei: string;
  collaterals: CollateralSpec[];
  markets: MarketSpec[];
  pools: PoolSpec[];
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number of seconds`);
  return value;
}

export function devnetConfig(): DevnetConfig {
  const updateIntervalSeconds = intFromEnv('DEVNET_UPDATE_INTERVAL', 60);
  const frontRunningIntervalSeconds = intFromEnv('DEVNET_FRONT_RUNNING_INTERVAL', 10);
  return {
    updateIntervalSeconds,
    frontRunningIntervalSeconds,
    annualFeePercent: '2',
    secondaryFeeSplitPercent: 10,
    keeperGasPriceGwei: '0.01',
    collaterals: [
      {
        symbol: 'OHM',
        name: 'Olympus',
        decimals: 9,
        devGrant: '5000',
        usdPrice: '22.40',
        perEth: '151.7857',
      },
      {
        symbol: 'gOHM',
        name: 'Governance OHM',
        decimals: 18,
        devGrant: '20',
        usdPrice: '6031.06',
        perEth: '0.5637',
      },
    ],
    markets: [
      { symbol: 'BTC/USD', startPrice: '96250', annualVolatility: 0.55 },
      { symbol: 'ETH/USD', startPrice: '3400', annualVolatility: 0.7 },
    ],
    pools: [
      {
        market: 'BTC/USD',
        leverage: 3,
        collateral: 'gOHM',
        mintingFeePercent: '0.5',
        burningFeePercent: '0.3',
        changeIntervalPercent: '0',
        seedLong: '42',
        seedShort: '30',
      },
      {
        market: 'BTC/USD',
        leverage: 1,
        collateral: 'gOHM',
        mintingFeePercent: '0.3',
        burningFeePercent: '0',
        changeIntervalPercent: '0',
        seedLong: '25',
        seedShort: '25',
      },
      {
        market: 'ETH/USD',
        leverage: 3,
        collateral: 'OHM',
        mintingFeePercent: '0.5',
        burningFeePercent: '0.3',
        changeIntervalPercent: '0',
        seedLong: '80000',
        seedShort: '95000',
      },
      {
        market: 'ETH/USD',
        leverage: 1,
        collateral: 'OHM',
        mintingFeePercent: '0.3',
        burningFeePercent: '0',
        changeIntervalPercent: '0',
        seedLong: '110000',
        seedShort: '100000',
      },
    ],
  };
}
