/**
 * The deployment file the devnet writes and the app reads (served by Vite at `/devnet.json`).
 * Bigints travel as decimal strings; everything else is plain JSON.
 */
import type { Address, Hex } from 'viem';

export interface DevAccount {
  label: string;
  address: Address;
  /** Public test key of the dev mnemonic: devnet only. */
  privateKey: Hex;
}

export interface DeployedToken {
  symbol: string;
  name: string;
  address: Address;
  decimals: number;
}

export interface DeployedFeed {
  /** e.g. 'BTC/USD', 'OHM/USD', 'ETH/OHM' (settlement per ETH). */
  pair: string;
  feed: Address;
  wrapper: Address;
  decimals: number;
}

export interface DeployedPool {
  name: string;
  market: string;
  leverage: number;
  collateral: string;
  address: Address;
  committer: Address;
  longToken: Address;
  shortToken: Address;
  settlementToken: Address;
  oracleWrapper: Address;
  /** The block of the pool's `DeployPool` log: where its history starts. */
  deployBlock?: string;
}

export interface Deployment {
  chainId: number;
  /** Where the app, the keeper and the tests reach the chain: the node, or the provider-like proxy before it. */
  rpcUrl: string;
  /** The devnet's history indexer, when one runs beside it (docs/indexer.md). */
  indexerUrl?: string;
  /** The chain's first block: its hash names this chain instance. */
  startBlock: string;
  /**
   * Where the factory's history is said to start, when not at `startBlock`: the Arbitrum profile puts it where
   * Arbitrum One's factory is, hundreds of millions of blocks before the chain's first (docs/devnet.md).
   */
  historyFromBlock?: string;
  /** `local` or `arbitrum` (docs/devnet.md). */
  profile: string;
  /** How often the app refreshes this chain's figures. */
  pollIntervalMs: number;
  updateIntervalSeconds: number;
  frontRunningIntervalSeconds: number;
  contracts: {
    multicall3: Address;
    poolSwapLibrary: Address;
    factory: Address;
    keeper: Address;
    keeperRewards: Address;
    autoClaim: Address;
    invariantCheck: Address;
  };
  roles: {
    governance: Address;
    /** The Olympus treasury: deploys the pools, so it is their secondary fee address. */
    treasury: Address;
    /** Primary fee receiver (the protocol). */
    feeReceiver: Address;
    keeper: Address;
    priceFeeder: Address;
    liquidityProvider: Address;
  };
  devAccounts: DevAccount[];
  tokens: DeployedToken[];
  feeds: DeployedFeed[];
  pools: DeployedPool[];
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function fail(path: string, expected: string): never {
  throw new Error(`devnet deployment file: ${path} should be ${expected}`);
}

function address(value: unknown, path: string): Address {
  if (typeof value !== 'string' || !ADDRESS.test(value)) fail(path, 'an address');
  return value as Address;
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Record<string, unknown>;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'a list');
  return value;
}

function int(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(path, 'a whole number');
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'text');
  return value;
}

/**
 * Checks a deployment read from disk or the network, so that a stale or hand-edited file fails loudly
 * at start-up instead of as a wrong address deep inside a transaction.
 */
export function parseDeployment(raw: unknown): Deployment {
  const root = record(raw, 'root');
  const contracts = record(root.contracts, 'contracts');
  const roles = record(root.roles, 'roles');
  return {
    chainId: int(root.chainId, 'chainId'),
    rpcUrl: text(root.rpcUrl, 'rpcUrl'),
    ...(root.indexerUrl === undefined ? {} : { indexerUrl: text(root.indexerUrl, 'indexerUrl') }),
    startBlock: text(root.startBlock, 'startBlock'),
    ...(root.historyFromBlock === undefined
      ? {}
      : { historyFromBlock: text(root.historyFromBlock, 'historyFromBlock') }),
    profile: root.profile === undefined ? 'local' : text(root.profile, 'profile'),
    pollIntervalMs: root.pollIntervalMs === undefined ? 1000 : int(root.pollIntervalMs, 'pollIntervalMs'),
    updateIntervalSeconds: int(root.updateIntervalSeconds, 'updateIntervalSeconds'),
    frontRunningIntervalSeconds: int(root.frontRunningIntervalSeconds, 'frontRunningIntervalSeconds'),
    contracts: {
      multicall3: address(contracts.multicall3, 'contracts.multicall3'),
      poolSwapLibrary: address(contracts.poolSwapLibrary, 'contracts.poolSwapLibrary'),
      factory: address(contracts.factory, 'contracts.factory'),
      keeper: address(contracts.keeper, 'contracts.keeper'),
      keeperRewards: address(contracts.keeperRewards, 'contracts.keeperRewards'),
      autoClaim: address(contracts.autoClaim, 'contracts.autoClaim'),
      invariantCheck: address(contracts.invariantCheck, 'contracts.invariantCheck'),
    },
    roles: {
      governance: address(roles.governance, 'roles.governance'),
      treasury: address(roles.treasury, 'roles.treasury'),
      feeReceiver: address(roles.feeReceiver, 'roles.feeReceiver'),
      keeper: address(roles.keeper, 'roles.keeper'),
      priceFeeder: address(roles.priceFeeder, 'roles.priceFeeder'),
      liquidityProvider: address(roles.liquidityProvider, 'roles.liquidityProvider'),
    },
    devAccounts: list(root.devAccounts, 'devAccounts').map((item, i) => {
      const a = record(item, `devAccounts[${i}]`);
      const privateKey = text(a.privateKey, `devAccounts[${i}].privateKey`);
      if (!/^0x[0-9a-fA-F]{64}$/.test(privateKey)) fail(`devAccounts[${i}].privateKey`, 'a 32-byte key');
      return {
        label: text(a.label, `devAccounts[${i}].label`),
        address: address(a.address, `devAccounts[${i}].address`),
        privateKey: privateKey as Hex,
      };
    }),
    tokens: list(root.tokens, 'tokens').map((item, i) => {
      const t = record(item, `tokens[${i}]`);
      return {
        symbol: text(t.symbol, `tokens[${i}].symbol`),
        name: text(t.name, `tokens[${i}].name`),
        address: address(t.address, `tokens[${i}].address`),
        decimals: int(t.decimals, `tokens[${i}].decimals`),
      };
    }),
    feeds: list(root.feeds, 'feeds').map((item, i) => {
      const f = record(item, `feeds[${i}]`);
      return {
        pair: text(f.pair, `feeds[${i}].pair`),
        feed: address(f.feed, `feeds[${i}].feed`),
        wrapper: address(f.wrapper, `feeds[${i}].wrapper`),
        decimals: int(f.decimals, `feeds[${i}].decimals`),
      };
    }),
    pools: list(root.pools, 'pools').map((item, i) => {
      const p = record(item, `pools[${i}]`);
      return {
        name: text(p.name, `pools[${i}].name`),
        market: text(p.market, `pools[${i}].market`),
        leverage: int(p.leverage, `pools[${i}].leverage`),
        collateral: text(p.collateral, `pools[${i}].collateral`),
        address: address(p.address, `pools[${i}].address`),
        committer: address(p.committer, `pools[${i}].committer`),
        longToken: address(p.longToken, `pools[${i}].longToken`),
        shortToken: address(p.shortToken, `pools[${i}].shortToken`),
        settlementToken: address(p.settlementToken, `pools[${i}].settlementToken`),
        oracleWrapper: address(p.oracleWrapper, `pools[${i}].oracleWrapper`),
        ...(p.deployBlock === undefined
          ? {}
          : { deployBlock: text(p.deployBlock, `pools[${i}].deployBlock`) }),
      };
    }),
  };
}
