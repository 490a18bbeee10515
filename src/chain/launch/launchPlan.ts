/**
 * Where a new pool's contracts will live, known before anything is sent (docs/treasury.md §2): the two oracle
 * wrappers, created through the CREATE2 deployment proxy, and the pool, its committer and its two tokens,
 * which the factory clones at addresses fixed by the pool's settings. Pure: the wrapper's creation code is
 * handed in by the treasury page, so it lands in that page's chunk and no other.
 */
import {
  type Address,
  concat,
  encodeAbiParameters,
  encodeDeployData,
  getContractAddress,
  type Hex,
  keccak256,
  stringToHex,
} from 'viem';
import { chainlinkOracleWrapperAbi } from '../../../contracts-abi/generated/index.ts';
import type { CollateralToken } from '../config/config.ts';

/**
 * The deterministic deployment proxy (`salt ++ initcode` in, the new address out), at the same address on
 * anvil (from genesis) and Arbitrum One. Called with a plain `to`, so a Safe can send it.
 */
export const CREATE2_PROXY: Address = '0x4e59b44847b379578588920cA78FbF26c0B4956C';

/** One salt for every wrapper: its constructor's (feed, deployer) already make each address unique. */
export const WRAPPER_SALT: Hex = keccak256(stringToHex('olympus-perpetual-pools/oracle-wrapper/v1'));

/** A launch whose every field passed the checks of docs/treasury.md §3: what the steps send. */
export interface PoolLaunch {
  chainId: number;
  factory: Address;
  /** Deploys the wrappers' `deployer`, calls `deployPool`, becomes secondary fee address and fee controller. */
  account: Address;
  /** "ETH/USD": the market part of the pool's name. */
  market: string;
  marketFeed: Address;
  /** Settlement tokens per ETH: what keeper rewards are priced with (docs/protocol.md §2.4). */
  settlementEthFeed: Address;
  collateral: CollateralToken;
  leverage: number;
  updateIntervalSeconds: number;
  frontRunningIntervalSeconds: number;
  /** WAD rates: 1e16 is 1%. */
  mintingFee: bigint;
  burningFee: bigint;
  changeInterval: bigint;
}

/** The name passed to `deployPool`: "ETH/USD+gOHM". */
export function deployPoolName(market: string, collateral: string): string {
  return `${market}+${collateral}`;
}

/** The name the pool will report: the factory puts the leverage and a dash before it, "2-ETH/USD+gOHM". */
export function factoryPoolName(leverage: number, market: string, collateral: string): string {
  return `${leverage}-${deployPoolName(market, collateral)}`;
}

/** The wrapper's creation code with its constructor arguments `(feed, deployer)`. */
export function wrapperInitCode(bytecode: Hex, feed: Address, deployer: Address): Hex {
  return encodeDeployData({ abi: chainlinkOracleWrapperAbi, bytecode, args: [feed, deployer] });
}

/** Where the proxy creates a contract from `initCode` with the wrappers' salt. */
export function predictWrapper(initCode: Hex): Address {
  return getContractAddress({
    opcode: 'CREATE2',
    from: CREATE2_PROXY,
    salt: WRAPPER_SALT,
    bytecodeHash: keccak256(initCode),
  });
}

/** The creation code of an EIP-1167 minimal proxy to `implementation`, as the factory's clones use it. */
export function cloneInitCode(implementation: Address): Hex {
  return concat([
    '0x3d602d80600a3d3981f3363d3d373d3d3d363d73',
    implementation,
    '0x5af43d82803e903d91602b57fd5bf3',
  ]);
}

/** What makes a pool's address: the factory's clone salt is the hash of these, in this order. */
export interface PoolKey {
  frontRunningIntervalSeconds: number;
  updateIntervalSeconds: number;
  leverage: number;
  settlementToken: Address;
  oracleWrapper: Address;
}

export function poolSalt(key: PoolKey): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'uint32' }, { type: 'uint32' }, { type: 'uint16' }, { type: 'address' }, { type: 'address' }],
      [
        key.frontRunningIntervalSeconds,
        key.updateIntervalSeconds,
        key.leverage,
        key.settlementToken,
        key.oracleWrapper,
      ],
    ),
  );
}

/**
 * A pool token's clone salt. It leaves the intervals out, so two pools on one wrapper, leverage and collateral
 * collide on their tokens even when their intervals differ (docs/treasury.md §3).
 */
export function poolTokenSalt(key: PoolKey, direction: 'L-' | 'S-'): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'uint16' }, { type: 'address' }, { type: 'address' }, { type: 'string' }],
      [key.leverage, key.settlementToken, key.oracleWrapper, direction],
    ),
  );
}

/** The factory and the implementations it clones (`poolBaseAddress()` and the others). */
export interface FactoryBases {
  factory: Address;
  poolBase: Address;
  committerBase: Address;
  tokenBase: Address;
}

export interface PoolAddresses {
  pool: Address;
  committer: Address;
  longToken: Address;
  shortToken: Address;
}

export function predictPoolAddresses(bases: FactoryBases, key: PoolKey): PoolAddresses {
  const clone = (implementation: Address, salt: Hex) =>
    getContractAddress({
      opcode: 'CREATE2',
      from: bases.factory,
      salt,
      bytecode: cloneInitCode(implementation),
    });
  const salt = poolSalt(key);
  return {
    pool: clone(bases.poolBase, salt),
    committer: clone(bases.committerBase, salt),
    longToken: clone(bases.tokenBase, poolTokenSalt(key, 'L-')),
    shortToken: clone(bases.tokenBase, poolTokenSalt(key, 'S-')),
  };
}

/** The wrappers a launch deploys (market first), each with its creation code and predicted address. */
export interface PlannedWrapper {
  feed: Address;
  initCode: Hex;
  address: Address;
}

export function planWrappers(
  launch: Pick<PoolLaunch, 'account' | 'marketFeed' | 'settlementEthFeed'>,
  bytecode: Hex,
): { market: PlannedWrapper; settlementEth: PlannedWrapper } {
  const plan = (feed: Address): PlannedWrapper => {
    const initCode = wrapperInitCode(bytecode, feed, launch.account);
    return { feed, initCode, address: predictWrapper(initCode) };
  };
  return { market: plan(launch.marketFeed), settlementEth: plan(launch.settlementEthFeed) };
}

/** The key of the pool a launch creates, once its market wrapper's address is known. */
export function poolKeyOf(launch: PoolLaunch, marketWrapper: Address): PoolKey {
  return {
    frontRunningIntervalSeconds: launch.frontRunningIntervalSeconds,
    updateIntervalSeconds: launch.updateIntervalSeconds,
    leverage: launch.leverage,
    settlementToken: launch.collateral.address,
    oracleWrapper: marketWrapper,
  };
}
