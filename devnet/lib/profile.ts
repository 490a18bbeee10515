/**
 * How the local chain behaves (`DEVNET_PROFILE`). `local` is the quiet lab: a block per transaction, the node
 * answered directly. `arbitrum` is the world holders live in: the chain starts at block 400,000,000, about
 * Arbitrum One's head, with its factory's history said to start where Arbitrum One's does; it has a long and
 * sparse history of trades and rebalances spread over more than 100,000 blocks, mines a block every 250 ms,
 * and is reached only through a proxy that behaves like a public provider (docs/devnet.md).
 */
import { LOG_RANGE_ERRORS, type RpcProxyFaults } from './rpcFaults.ts';

export type DevnetProfileName = 'local' | 'arbitrum';

export interface DevnetProfile {
  name: DevnetProfileName;
  /** How often the app refreshes what it shows from this chain (written into the deployment file). */
  pollIntervalMs: number;
  /** Number of the genesis block. */
  firstBlock?: bigint;
  /**
   * Where the deployment file says the factory's history starts (its `historyFromBlock`), when before
   * `firstBlock`: a pool the file does not list is then looked for from there, over blocks the node answers
   * with no logs, so the log scan pays what it would on the real chain.
   */
  historyFromBlock?: bigint;
  /** Interval mining, in seconds; absent: a block per transaction. */
  blockTimeSeconds?: number;
  /** Eras of activity, `blocksPerEra` blocks apart, before the app is served. */
  history?: { eras: number; blocksPerEra: number };
  /** A public-provider-like proxy in front of the node, and its faults. */
  proxy?: Partial<RpcProxyFaults>;
  /**
   * The history indexer's own endpoint, a second proxy in front of the node, and its faults; absent: the
   * indexer reads through `proxy` (or the node).
   */
  indexerProxy?: Partial<RpcProxyFaults>;
}

/** What a free public Arbitrum endpoint does to its callers: the provider-like proxy's faults by default. */
export const PUBLIC_ENDPOINT_FAULTS: RpcProxyFaults = {
  latencyMs: [50, 300],
  rateLimitShare: 0.03,
  retryAfterSeconds: 1,
  maxLogRange: 10_000,
  maxLogResults: 10_000,
  logRangeError: LOG_RANGE_ERRORS[0]!,
  stateWindow: 128,
};

/**
 * What an indexer operator's endpoint does: a paid plan next to the indexer, with a public one's caps but tens of
 * milliseconds of latency and no random 429s. Live indexing asks for every block, four a second on Arbitrum,
 * one after another; Ponder backs off for seconds at each 429, so through the public-like proxy it fell 30 s and
 * more behind the head and stayed there (docs/indexer.md, "Running it in production").
 */
export const OPERATOR_ENDPOINT_FAULTS: RpcProxyFaults = {
  ...PUBLIC_ENDPOINT_FAULTS,
  latencyMs: [10, 40],
  rateLimitShare: 0,
};

/**
 * What the long history does in each era (devnet/lib/longHistory.ts, devnet/lib/historyTrades.ts). The
 * trades follow a cycle of four eras; amounts are in the pool's settlement token.
 */
export const HISTORY_SCRIPT = {
  /** Each era's market prices, as factors of their start prices; the list repeats past its end. */
  priceMoves: [1.04, 0.97, 1.06, 1.01, 1.03],
  /** The pools the two traders use. */
  btcPool: '3-BTC/USD+gOHM',
  ethPool: '3-ETH/USD+OHM',
  /** Era 1: the holder opens a BTC long and an ETH short, the other account a BTC short. */
  openingMints: { holderBtcLong: '2', holderEthShort: '400', otherBtcShort: '1.5' },
  /** Era 2: the holder burns half its BTC longs and the other account opens an ETH long of this much. */
  otherEthLong: '250',
  /** Era 4: the holder adds this much to its BTC long. */
  holderBtcTopUp: '1',
  /** Upkeeps a keeper back after a quiet stretch may take to catch up before the build gives up. */
  maxCatchUpUpkeeps: 500,
  /** Chain seconds kept for the wall-clock time the build itself takes, when placing the genesis block. */
  buildSlackSeconds: 600,
} as const;

export const LOCAL_PROFILE: DevnetProfile = { name: 'local', pollIntervalMs: 1000 };

/**
 * The quiet lab reached through the provider-like proxy with none of its faults on: the browser journeys'
 * stage, so a journey can script one fault at a time (a lost answer, a run of 429s, an outage).
 */
export const LOCAL_BEHIND_PROXY: DevnetProfile = {
  ...LOCAL_PROFILE,
  proxy: {
    latencyMs: [0, 0],
    rateLimitShare: 0,
    maxLogRange: Number.MAX_SAFE_INTEGER,
    maxLogResults: Number.MAX_SAFE_INTEGER,
    stateWindow: Number.MAX_SAFE_INTEGER,
  },
};

export const ARBITRUM_PROFILE: DevnetProfile = {
  name: 'arbitrum',
  // Arbitrum One's blocks come every 250 ms, but nothing a pool shows changes that fast: a 5 s cadence is
  // 12 reads a minute per page, within what a free public endpoint tolerates.
  pollIntervalMs: 5000,
  // Arbitrum One is past block 400,000,000 and its Tracer V2.1 factory was deployed at block 13,387,522: a
  // scan from the factory's block is ~387M blocks here too, ~38,700 pages at the proxy's 10,000-block cap.
  firstBlock: 400_000_000n,
  historyFromBlock: 13_387_522n,
  blockTimeSeconds: 0.25,
  // Five eras of trades, 30,000 blocks apart: a user's history spans 120,000 blocks.
  history: { eras: 5, blocksPerEra: 30_000 },
  proxy: PUBLIC_ENDPOINT_FAULTS,
  indexerProxy: OPERATOR_ENDPOINT_FAULTS,
};

export function devnetProfile(raw: string | undefined = process.env.DEVNET_PROFILE): DevnetProfile {
  if (raw === undefined || raw === '' || raw === 'local') return LOCAL_PROFILE;
  if (raw === 'arbitrum') return ARBITRUM_PROFILE;
  throw new Error(`DEVNET_PROFILE must be "local" or "arbitrum", got "${raw}"`);
}
