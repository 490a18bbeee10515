/**
 * The history indexer (docs/indexer.md): Tracer V2.1 pools deployed by the chain's factory, their committers,
 * the keeper, the AutoClaim contract and the pools' long and short tokens. Ponder follows a factory one level
 * deep, so the tokens, announced by each pool's `PoolInitialized`, are followed through every
 * `PoolInitialized` on the chain, a look-alike pool's included; the routes answer only for the tokens of the
 * factory's verified pools, read from the chain.
 */
import { createConfig, factory } from 'ponder';
import { getAbiItem, zeroAddress } from 'viem';
import {
  autoClaimAbi,
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
  poolTokenAbi,
} from '../contracts-abi/generated/index.ts';
import { indexedChain } from './chain.ts';

const chain = indexedChain();
const { deployment } = chain;
const deployPool = getAbiItem({ abi: poolFactoryAbi, name: 'DeployPool' });
const poolInitialized = getAbiItem({ abi: leveragedPoolAbi, name: 'PoolInitialized' });
const on = { chain: chain.name, startBlock: chain.startBlock } as const;

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: 'postgres', connectionString: process.env.DATABASE_URL }
    : { kind: 'pglite', directory: process.env.INDEXER_PGLITE_DIR ?? '.devnet/indexer' },
  ordering: 'multichain',
  chains: {
    [chain.name]: {
      id: deployment.chainId,
      rpc: chain.rpcUrl,
      pollingInterval: chain.pollingIntervalMs,
      disableCache: chain.disableCache,
      ethGetLogsBlockRange: chain.logRange,
    },
  },
  contracts: {
    PoolFactory: { ...on, abi: poolFactoryAbi, address: deployment.factory },
    LeveragedPool: {
      ...on,
      abi: leveragedPoolAbi,
      address: factory({ address: deployment.factory, event: deployPool, parameter: 'pool' }),
    },
    PoolCommitter: {
      ...on,
      abi: poolCommitterAbi,
      address: factory({ address: deployment.factory, event: deployPool, parameter: 'poolCommitter' }),
    },
    LongToken: {
      ...on,
      abi: poolTokenAbi,
      address: factory({ event: poolInitialized, parameter: 'longToken' }),
    },
    ShortToken: {
      ...on,
      abi: poolTokenAbi,
      address: factory({ event: poolInitialized, parameter: 'shortToken' }),
    },
    // A chain without a keeper or AutoClaim in its config gets the zero address, which emits nothing.
    PoolKeeper: { ...on, abi: poolKeeperAbi, address: deployment.keeper ?? zeroAddress },
    AutoClaim: { ...on, abi: autoClaimAbi, address: deployment.autoClaim ?? zeroAddress },
  },
});
