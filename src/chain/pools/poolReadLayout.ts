/**
 * The batch layout of a pools read (poolReader.ts): which contract calls go into the one multicall per poll,
 * and in what order. The chain's clock and the factory's pool count come first, then the USD feeds, then per
 * pool the user's calls (when a user is connected) followed by the pool's own. Turning the results into a
 * snapshot is poolReadDecode.ts's job.
 */
import { type Address, type PublicClient, parseAbi } from 'viem';
import {
  autoClaimAbi,
  chainlinkOracleWrapperAbi,
  erc20Abi,
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
} from '../../../contracts-abi/generated/index.ts';
import type { ChainDeployment, CollateralSymbol } from '../config/config.ts';
import { ReadBatch } from './batch.ts';
import { addHealthReads, addKeeperGasPriceReads } from './poolHealthReads.ts';
import type { PoolInfo } from './poolRegistry.ts';

/** Multicall3's clock, read in the same call so the figures and their block and time always agree. */
const MULTICALL3_CLOCK_ABI = parseAbi([
  'function getBlockNumber() view returns (uint256)',
  'function getCurrentBlockTimestamp() view returns (uint256)',
]);

/**
 * How many interval ids ahead to read: the current one up to ceil(FRI/UI) + 1 after it (docs/protocol.md §4,
 * PoolCommitter).
 */
export function commitWindow(
  info: Pick<PoolInfo, 'updateIntervalSeconds' | 'frontRunningIntervalSeconds'>,
): number {
  return Math.ceil(info.frontRunningIntervalSeconds / info.updateIntervalSeconds) + 2;
}

/**
 * The first interval id to read per committer: the known ones, and for the rest their `updateIntervalId`,
 * read once in a batch of its own.
 */
export async function intervalHints(
  client: PublicClient,
  deployment: ChainDeployment,
  pools: readonly PoolInfo[],
  known: ReadonlyMap<Address, bigint> | undefined,
): Promise<Map<Address, bigint>> {
  const hints = new Map(known);
  const missing = pools.filter((p) => !hints.has(p.committer));
  if (missing.length === 0) return hints;
  const batch = new ReadBatch();
  const slots = missing.map((p) =>
    batch.add({ address: p.committer, abi: poolCommitterAbi, functionName: 'updateIntervalId' }),
  );
  await batch.run(client, { multicall3: deployment.multicall3 });
  for (const [i, p] of missing.entries()) hints.set(p.committer, slots[i]!.value);
  return hints;
}

export interface LayoutOptions {
  user: Address | undefined;
  hints: ReadonlyMap<Address, bigint>;
  /** Interval ids to read beyond the usual window. */
  extraIntervals: number;
}

function balanceOf(batch: ReadBatch, token: Address, owner: Address) {
  return batch.add({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] });
}

/**
 * The user's calls for one pool: wallet balances, allowance, escrow, own commits of the ids read, and the
 * claim they paid a keeper to make (AutoClaim), where the chain has AutoClaim.
 */
function addUserReads(
  batch: ReadBatch,
  info: PoolInfo,
  user: Address,
  ids: readonly bigint[],
  autoClaim: Address | undefined,
) {
  const committer = { address: info.committer, abi: poolCommitterAbi } as const;
  return {
    longWallet: balanceOf(batch, info.longToken, user),
    shortWallet: balanceOf(batch, info.shortToken, user),
    settlementWallet: balanceOf(batch, info.collateral.address, user),
    allowance: batch.add({
      address: info.collateral.address,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [user, info.address],
    }),
    escrow: batch.add({ ...committer, functionName: 'getAggregateBalance', args: [user] }),
    commits: ids.map((id) => batch.add({ ...committer, functionName: 'userCommitments', args: [user, id] })),
    paidClaim: autoClaim
      ? batch.add({
          address: autoClaim,
          abi: autoClaimAbi,
          functionName: 'claimRequests',
          args: [user, info.committer],
        })
      : undefined,
  };
}

/** One pool's calls: the user's first (when connected), then the pool's, committer's, tokens' and keeper's. */
function addPoolReads(batch: ReadBatch, deployment: ChainDeployment, info: PoolInfo, options: LayoutOptions) {
  const pool = { address: info.address, abi: leveragedPoolAbi } as const;
  const committer = { address: info.committer, abi: poolCommitterAbi } as const;
  const firstId = options.hints.get(info.committer) ?? 1n;
  const ids = Array.from(
    { length: commitWindow(info) + options.extraIntervals },
    (_, k) => firstId + BigInt(k),
  );
  const user = options.user ? addUserReads(batch, info, options.user, ids, deployment.autoClaim) : undefined;
  return {
    ids,
    longBalance: batch.add({ ...pool, functionName: 'longBalance' }),
    shortBalance: batch.add({ ...pool, functionName: 'shortBalance' }),
    fee: batch.add({ ...pool, functionName: 'getFee' }),
    lastPriceTimestamp: batch.add({ ...pool, functionName: 'lastPriceTimestamp' }),
    oraclePrice: batch.add({ ...pool, functionName: 'getOraclePrice' }),
    paused: batch.add({ ...pool, functionName: 'paused' }),
    primaryFees: batch.add({ ...pool, functionName: 'primaryFees' }),
    secondaryFees: batch.add({ ...pool, functionName: 'secondaryFees' }),
    secondaryFeeSplitPercent: batch.add({ ...pool, functionName: 'secondaryFeeSplitPercent' }),
    feeAddress: batch.add({ ...pool, functionName: 'feeAddress' }),
    secondaryFeeAddress: batch.add({ ...pool, functionName: 'secondaryFeeAddress' }),
    longSupply: batch.add({ address: info.longToken, abi: erc20Abi, functionName: 'totalSupply' }),
    longHeld: balanceOf(batch, info.longToken, info.address),
    shortHeld: balanceOf(batch, info.shortToken, info.address),
    shortSupply: batch.add({ address: info.shortToken, abi: erc20Abi, functionName: 'totalSupply' }),
    updateIntervalId: batch.add({ ...committer, functionName: 'updateIntervalId' }),
    pendingLongBurn: batch.add({ ...committer, functionName: 'pendingLongBurnPoolTokens' }),
    pendingShortBurn: batch.add({ ...committer, functionName: 'pendingShortBurnPoolTokens' }),
    mintingFee: batch.add({ ...committer, functionName: 'getMintingFee' }),
    burningFee: batch.add({ ...committer, functionName: 'getBurningFee' }),
    changeInterval: batch.add({ ...committer, functionName: 'changeInterval' }),
    commits: ids.map((id) => batch.add({ ...committer, functionName: 'totalPoolCommitments', args: [id] })),
    executionPrice: batch.add({
      address: deployment.keeper ?? info.keeper,
      abi: poolKeeperAbi,
      functionName: 'executionPrice',
      args: [info.address],
    }),
    health: addHealthReads(batch, info),
    user,
  };
}

/** The slots of one pool's calls, filled when the batch has run. */
export type PoolReads = ReturnType<typeof addPoolReads>;

/** Queues every call of a pools read on `batch`, in the order above, and returns their slots. */
export function layoutPoolsRead(
  batch: ReadBatch,
  deployment: ChainDeployment,
  pools: readonly PoolInfo[],
  options: LayoutOptions,
) {
  const multicall = { address: deployment.multicall3, abi: MULTICALL3_CLOCK_ABI } as const;
  return {
    blockNumber: batch.add({ ...multicall, functionName: 'getBlockNumber' }),
    blockTimestamp: batch.add({ ...multicall, functionName: 'getCurrentBlockTimestamp' }),
    poolCount: batch.add({ address: deployment.factory, abi: poolFactoryAbi, functionName: 'numPools' }),
    usd: Object.entries(deployment.usdOracles).map(([symbol, oracle]) => ({
      symbol: symbol as CollateralSymbol,
      slot: batch.add({ address: oracle, abi: chainlinkOracleWrapperAbi, functionName: 'getPrice' }),
    })),
    pools: pools.map((info) => addPoolReads(batch, deployment, info, options)),
    keeperGasPrices: addKeeperGasPriceReads(batch, pools),
  };
}

/** The slots of a whole pools read. */
export type PoolsReadLayout = ReturnType<typeof layoutPoolsRead>;
