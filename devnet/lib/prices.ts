/**
 * The price simulator: a seeded, reproducible geometric random walk for each market feed (and OHM/USD,
 * with gOHM/USD kept at OHM × index), written to the TestChainlinkOracle feeds every few seconds.
 *
 * Market time runs faster than wall time (`speedUp`, PRICE_SIMULATOR in devnet/config.ts: one real minute is
 * an hour of market moves), so a 60 s devnet rebalance sees an hourly-sized move instead of a flat line.
 */
import { formatUnits, parseUnits } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { testChainlinkOracleAbi } from '../../contracts-abi/generated/index.ts';
import { createPrng, type Prng } from '../../src/engine/simulate/prng.ts';
import { type DevnetConfig, FEED_DECIMALS, PRICE_SIMULATOR } from '../config.ts';
import { type DevnetClients, write } from './clients.ts';
import { repeat } from './repeat.ts';

const SECONDS_PER_YEAR = 31_556_952;

export interface WalkState {
  pair: string;
  price: number;
  annualVolatility: number;
}

/** One GBM step of `dtSeconds` market seconds, drift-free in expectation (the −σ²/2 term). */
export function stepPrice(state: WalkState, dtSeconds: number, random: Prng): number {
  const dt = dtSeconds / SECONDS_PER_YEAR;
  const sigma = state.annualVolatility;
  return state.price * Math.exp(-0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * random.nextNormal());
}

export interface PriceSimulatorOptions {
  seed?: number;
  tickMs?: number;
  speedUp?: number;
  log?: (line: string) => void;
}

export function runPriceSimulator(
  clients: DevnetClients,
  deployment: Deployment,
  config: DevnetConfig,
  {
    seed = PRICE_SIMULATOR.seed,
    tickMs = PRICE_SIMULATOR.tickMs,
    speedUp = PRICE_SIMULATOR.speedUp,
    log = () => {},
  }: PriceSimulatorOptions = {},
): () => void {
  // The simulator's own seeded generator, so the same seed always replays the same walk.
  const random = createPrng(seed);
  const ohm = config.collaterals.find((c) => c.symbol === 'OHM');
  const gohm = config.collaterals.find((c) => c.symbol === 'gOHM');
  const walks: WalkState[] = config.markets.map((m) => ({
    pair: m.symbol,
    price: Number(m.startPrice),
    annualVolatility: m.annualVolatility,
  }));
  if (ohm)
    walks.push({
      pair: 'OHM/USD',
      price: Number(ohm.usdPrice),
      annualVolatility: PRICE_SIMULATOR.ohmAnnualVolatility,
    });
  const index = ohm && gohm ? Number(gohm.usdPrice) / Number(ohm.usdPrice) : undefined;
  const feedOf = (pair: string) => deployment.feeds.find((f) => f.pair === pair)?.feed;

  const setPrice = async (pair: string, price: number) => {
    const feed = feedOf(pair);
    if (!feed) return;
    await write(clients, deployment.roles.priceFeeder, {
      address: feed,
      abi: testChainlinkOracleAbi,
      functionName: 'setPrice',
      args: [parseUnits(price.toFixed(FEED_DECIMALS), FEED_DECIMALS)],
    });
  };
  const tick = async () => {
    const moved: string[] = [];
    for (const walk of walks) {
      walk.price = stepPrice(walk, (tickMs / 1000) * speedUp, random);
      await setPrice(walk.pair, walk.price);
      moved.push(`${walk.pair} ${formatUnits(parseUnits(walk.price.toFixed(2), 2), 2)}`);
    }
    const ohmWalk = walks.find((w) => w.pair === 'OHM/USD');
    if (ohmWalk && index !== undefined) await setPrice('gOHM/USD', ohmWalk.price * index);
    log(`prices: ${moved.join(', ')}`);
  };
  return repeat('prices', tick, { everyMs: tickMs, firstAfterMs: tickMs, log });
}
