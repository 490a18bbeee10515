/**
 * What the devnet deploys: one place for intervals, fees, markets, collateral tokens and pools.
 * Amounts are decimal strings in their token's units; prices are USD with up to 8 decimals (Chainlink style).
 */

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
