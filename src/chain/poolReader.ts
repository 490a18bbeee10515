/**
 * The live state of every pool on a chain in one `eth_call`: balances, supplies, pending commits of the
 * coming intervals, fees, prices, pause flag, and the connected user's wallet and escrow. Raw contract
 * returns are turned into the engine's PoolState here and nowhere else (long first; `balances()` with its
 * (short, long) order is never used).
 */
import { type Address, type PublicClient, parseAbi } from 'viem';
import {
  chainlinkOracleWrapperAbi,
  erc20Abi,
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
} from '../../contracts-abi/generated/index.ts';
import { quadFromHex, toUInt } from '../engine/quad.ts';
import type { CommitTotals, IntervalCommits, PoolState } from '../engine/types.ts';
import { ReadBatch, type Slot } from './batch.ts';
import type { ChainDeployment, CollateralSymbol } from './config.ts';
import type { PoolInfo } from './poolRegistry.ts';

/** Multicall3's clock, read in the same call so the figures and their block and time always agree. */
const MULTICALL3_CLOCK_ABI = parseAbi([
  'function getBlockNumber() view returns (uint256)',
  'function getCurrentBlockTimestamp() view returns (uint256)',
]);

export interface EscrowBalance {
  longTokens: bigint;
  shortTokens: bigint;
  settlementTokens: bigint;
}

export interface UserCommit {
  intervalId: bigint;
  totals: CommitTotals;
}

export interface UserPosition {
  longWallet: bigint;
  shortWallet: bigint;
  settlementWallet: bigint;
  /** Settlement-token allowance to the LeveragedPool (what mints spend). */
  allowance: bigint;
  /** Claimable now: `getAggregateBalance`, executed but not yet claimed. */
  escrow: EscrowBalance;
  /** The user's own commits in the coming intervals. */
  commits: UserCommit[];
}

export interface PoolSnapshot {
  info: PoolInfo;
  state: PoolState;
  /** The oracle's current price, WAD. */
  oraclePrice: bigint;
  paused: boolean;
  primaryFees: bigint;
  secondaryFees: bigint;
  feeAddress: Address;
  secondaryFeeAddress: Address;
  /** Pool tokens the pool itself holds: everyone's escrow (claims pay out of this). */
  escrowHeld: { longTokens: bigint; shortTokens: bigint };
  user?: UserPosition;
}

export interface PoolsSnapshot {
  chainId: number;
  /** The block the state was read at. */
  blockNumber: bigint;
  /** The timestamp of the block read: the chain's clock, which the devnet runs ahead of the wall clock. */
  blockTimestamp: bigint;
  /** Wall-clock ms when this read came back: the age of every figure in it, and the anchor of its clock. */
  receivedAt: number;
  /** The factory's pool count at this block: when it moves, the registry is read again. */
  factoryPoolCount: bigint;
  pools: PoolSnapshot[];
  /** Collateral prices in USD, WAD, where the chain has a feed. */
  collateralUsd: Partial<Record<CollateralSymbol, bigint>>;
  /**
   * False when a pool's queued commits may reach past the ids read: its interval id moved since the hint, or
   * its keeper is so late that new commits land further ahead. Read again with `extraIntervals`.
   */
  commitsComplete: boolean;
}

/**
 * How many interval ids ahead to read: the current one up to ceil(FRI/UI) + 1 after it (docs/protocol.md §4,
 * PoolCommitter).
 */
export function commitWindow(
  info: Pick<PoolInfo, 'updateIntervalSeconds' | 'frontRunningIntervalSeconds'>,
): number {
  return Math.ceil(info.frontRunningIntervalSeconds / info.updateIntervalSeconds) + 2;
}

const TOTALS_KEYS = [
  'longMintSettlement',
  'longBurnPoolTokens',
  'shortMintSettlement',
  'shortBurnPoolTokens',
  'shortBurnLongMintPoolTokens',
  'longBurnShortMintPoolTokens',
] as const;

function totalsOf(raw: readonly bigint[]): CommitTotals {
  const totals = {} as Record<(typeof TOTALS_KEYS)[number], bigint>;
  TOTALS_KEYS.forEach((key, i) => {
    totals[key] = raw[i] ?? 0n;
  });
  return totals;
}

function isEmpty(totals: CommitTotals): boolean {
  return TOTALS_KEYS.every((key) => totals[key] === 0n);
}

/** Whether the user has anything in this pool's escrow to claim. */
export function hasEscrow(pool: Pick<PoolSnapshot, 'user'>): boolean {
  const e = pool.user?.escrow;
  return Boolean(e && (e.longTokens > 0n || e.shortTokens > 0n || e.settlementTokens > 0n));
}

/**
 * A claim that would revert: the user is owed more pool tokens than the pool holds. V2.1 credits a flip's
 * tokens at the mint fee current when the user settles, not the one its interval executed at; when the fee
 * fell in between, the user is owed more than was minted (docs/protocol.md §3.9; pinned in
 * tests/chain/engineDifferential.test.ts).
 */
export function claimWouldFail(pool: Pick<PoolSnapshot, 'escrowHeld' | 'user'>): boolean {
  const owed = pool.user?.escrow;
  if (!owed) return false;
  return owed.longTokens > pool.escrowHeld.longTokens || owed.shortTokens > pool.escrowHeld.shortTokens;
}

export interface ReadOptions {
  user?: Address;
  /** Last known `updateIntervalId` per committer; missing ones cost one extra call, once. */
  intervalHints?: ReadonlyMap<Address, bigint>;
  /** Interval ids to read beyond the usual window, for pools whose keeper is late. */
  extraIntervals?: number;
  blockNumber?: bigint;
}

async function hintsFor(
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

export async function readPools(
  client: PublicClient,
  deployment: ChainDeployment,
  pools: readonly PoolInfo[],
  { user, intervalHints, extraIntervals = 0, blockNumber }: ReadOptions = {},
): Promise<PoolsSnapshot> {
  const hints = await hintsFor(client, deployment, pools, intervalHints);
  const batch = new ReadBatch();
  const keeperOf = (p: PoolInfo) => deployment.keeper ?? p.keeper;
  const multicall = { address: deployment.multicall3, abi: MULTICALL3_CLOCK_ABI } as const;
  const blockNumberSlot = batch.add({ ...multicall, functionName: 'getBlockNumber' });
  const blockTimestampSlot = batch.add({ ...multicall, functionName: 'getCurrentBlockTimestamp' });
  const poolCountSlot = batch.add({
    address: deployment.factory,
    abi: poolFactoryAbi,
    functionName: 'numPools',
  });

  const usdSlots = Object.entries(deployment.usdOracles).map(([symbol, oracle]) => ({
    symbol: symbol as CollateralSymbol,
    slot: batch.add({ address: oracle, abi: chainlinkOracleWrapperAbi, functionName: 'getPrice' }),
  }));

  const rows = pools.map((info) => {
    const pool = { address: info.address, abi: leveragedPoolAbi } as const;
    const committer = { address: info.committer, abi: poolCommitterAbi } as const;
    const firstId = hints.get(info.committer) ?? 1n;
    const ids = Array.from({ length: commitWindow(info) + extraIntervals }, (_, k) => firstId + BigInt(k));
    const userSlots = user
      ? {
          longWallet: batch.add({
            address: info.longToken,
            abi: erc20Abi,
            functionName: 'balanceOf',
            args: [user],
          }),
          shortWallet: batch.add({
            address: info.shortToken,
            abi: erc20Abi,
            functionName: 'balanceOf',
            args: [user],
          }),
          settlementWallet: batch.add({
            address: info.collateral.address,
            abi: erc20Abi,
            functionName: 'balanceOf',
            args: [user],
          }),
          allowance: batch.add({
            address: info.collateral.address,
            abi: erc20Abi,
            functionName: 'allowance',
            args: [user, info.address],
          }),
          escrow: batch.add({ ...committer, functionName: 'getAggregateBalance', args: [user] }),
          commits: ids.map((id) =>
            batch.add({ ...committer, functionName: 'userCommitments', args: [user, id] }),
          ),
        }
      : undefined;
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
      longHeld: batch.add({
        address: info.longToken,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [info.address],
      }),
      shortHeld: batch.add({
        address: info.shortToken,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [info.address],
      }),
      shortSupply: batch.add({ address: info.shortToken, abi: erc20Abi, functionName: 'totalSupply' }),
      updateIntervalId: batch.add({ ...committer, functionName: 'updateIntervalId' }),
      pendingLongBurn: batch.add({ ...committer, functionName: 'pendingLongBurnPoolTokens' }),
      pendingShortBurn: batch.add({ ...committer, functionName: 'pendingShortBurnPoolTokens' }),
      mintingFee: batch.add({ ...committer, functionName: 'getMintingFee' }),
      burningFee: batch.add({ ...committer, functionName: 'getBurningFee' }),
      changeInterval: batch.add({ ...committer, functionName: 'changeInterval' }),
      commits: ids.map((id) => batch.add({ ...committer, functionName: 'totalPoolCommitments', args: [id] })),
      executionPrice: batch.add({
        address: keeperOf(info),
        abi: poolKeeperAbi,
        functionName: 'executionPrice',
        args: [info.address],
      }),
      user: userSlots,
    };
  });

  await batch.run(client, { multicall3: deployment.multicall3, ...(blockNumber ? { blockNumber } : {}) });
  const receivedAt = Date.now();

  let commitsComplete = true;
  const snapshots = pools.map((info, i): PoolSnapshot => {
    const row = rows[i]!;
    const updateIntervalId = row.updateIntervalId.value;
    const windowStart = row.ids[0] ?? updateIntervalId;
    const windowEnd = row.ids.at(-1) ?? updateIntervalId;
    // A commit made now goes at most `late` intervals further than on a timely keeper (§3.2).
    const sinceUpkeep = blockTimestampSlot.value - row.lastPriceTimestamp.value;
    const late = sinceUpkeep > 0n ? sinceUpkeep / BigInt(info.updateIntervalSeconds) : 0n;
    const furthest = updateIntervalId + late + BigInt(commitWindow(info) - 1);
    if (updateIntervalId !== windowStart || windowEnd < furthest) commitsComplete = false;
    const intervalCommits = (slots: Slot<readonly bigint[]>[]): IntervalCommits[] =>
      slots
        .map((slot, k) => ({ intervalId: row.ids[k]!, totals: totalsOf(slot.value) }))
        .filter((c) => c.intervalId >= updateIntervalId && !isEmpty(c.totals));
    const state: PoolState = {
      decimals: info.collateral.decimals,
      leverage: info.leverage,
      transfer: 'sigmoid',
      longBalance: row.longBalance.value,
      shortBalance: row.shortBalance.value,
      longSupply: row.longSupply.value,
      shortSupply: row.shortSupply.value,
      pendingLongBurnPoolTokens: row.pendingLongBurn.value,
      pendingShortBurnPoolTokens: row.pendingShortBurn.value,
      feePerIntervalWad: row.fee.value,
      mintingFeeWad: row.mintingFee.value,
      burningFeeWad: row.burningFee.value,
      // Stored as the quad of a WAD integer (§1.1), so the conversion is exact.
      changeIntervalWad: toUInt(quadFromHex(row.changeInterval.value)),
      secondaryFeeSplitPercent: row.secondaryFeeSplitPercent.value,
      updateInterval: info.updateIntervalSeconds,
      frontRunningInterval: info.frontRunningIntervalSeconds,
      lastPriceTimestamp: row.lastPriceTimestamp.value,
      updateIntervalId,
      lastPrice: row.executionPrice.value,
      commits: intervalCommits(row.commits as Slot<readonly bigint[]>[]),
    };
    const u = row.user;
    return {
      info,
      state,
      oraclePrice: row.oraclePrice.value,
      paused: row.paused.value,
      primaryFees: row.primaryFees.value,
      secondaryFees: row.secondaryFees.value,
      feeAddress: row.feeAddress.value,
      secondaryFeeAddress: row.secondaryFeeAddress.value,
      escrowHeld: { longTokens: row.longHeld.value, shortTokens: row.shortHeld.value },
      ...(u
        ? {
            user: {
              longWallet: u.longWallet.value,
              shortWallet: u.shortWallet.value,
              settlementWallet: u.settlementWallet.value,
              allowance: u.allowance.value,
              escrow: { ...u.escrow.value },
              commits: intervalCommits(u.commits as unknown as Slot<readonly bigint[]>[]),
            },
          }
        : {}),
    };
  });

  const collateralUsd: Partial<Record<CollateralSymbol, bigint>> = {};
  for (const { symbol, slot } of usdSlots) if (slot.ok && slot.value > 0n) collateralUsd[symbol] = slot.value;

  return {
    chainId: deployment.chainId,
    blockNumber: blockNumberSlot.value,
    blockTimestamp: blockTimestampSlot.value,
    receivedAt,
    factoryPoolCount: poolCountSlot.value,
    pools: snapshots,
    collateralUsd,
    commitsComplete,
  };
}
