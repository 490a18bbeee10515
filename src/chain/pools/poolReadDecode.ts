/**
 * The decoding of a pools read (poolReader.ts): the filled slots of poolReadLayout.ts become the engine's
 * PoolState and the snapshot types, here and nowhere else (long first; `balances()` with its (short, long)
 * order is never used, docs/protocol.md §4).
 */
import { quadFromHex, toUInt } from '../../engine/quad.ts';
import type { CommitTotals, IntervalCommits, PoolState } from '../../engine/types.ts';
import type { ChainDeployment, CollateralSymbol } from '../config/config.ts';
import type { Slot } from './batch.ts';
import { decodeHealth } from './poolHealthReads.ts';
import { commitWindow, type PoolReads, type PoolsReadLayout } from './poolReadLayout.ts';
import type { PoolInfo } from './poolRegistry.ts';
import type { PoolSnapshot, PoolsSnapshot, UserPosition } from './poolSnapshot.ts';

/** The six totals in the order the committer's tuples (`userCommitments`, `totalPendingMints`…) return them. */
export const COMMIT_TOTAL_KEYS = [
  'longMintSettlement',
  'longBurnPoolTokens',
  'shortMintSettlement',
  'shortBurnPoolTokens',
  'shortBurnLongMintPoolTokens',
  'longBurnShortMintPoolTokens',
] as const;

/** A committer tuple as engine totals. */
export function commitTotalsOf(raw: readonly bigint[]): CommitTotals {
  const totals = {} as Record<(typeof COMMIT_TOTAL_KEYS)[number], bigint>;
  COMMIT_TOTAL_KEYS.forEach((key, i) => {
    totals[key] = raw[i] ?? 0n;
  });
  return totals;
}

export function isEmptyTotals(totals: CommitTotals): boolean {
  return COMMIT_TOTAL_KEYS.every((key) => totals[key] === 0n);
}

/**
 * Whether the ids read hold every commit that may be queued: they start at the interval id, and reach the
 * furthest interval a commit made now can join, which a late keeper pushes further (§3.2).
 */
function commitsCovered(info: PoolInfo, row: PoolReads, blockTimestamp: Slot<bigint>): boolean {
  const updateIntervalId = row.updateIntervalId.value;
  const windowStart = row.ids[0] ?? updateIntervalId;
  const windowEnd = row.ids.at(-1) ?? updateIntervalId;
  // A commit made now goes at most `late` intervals further than on a timely keeper (§3.2).
  const sinceUpkeep = blockTimestamp.value - row.lastPriceTimestamp.value;
  const late = sinceUpkeep > 0n ? sinceUpkeep / BigInt(info.updateIntervalSeconds) : 0n;
  const furthest = updateIntervalId + late + BigInt(commitWindow(info) - 1);
  return updateIntervalId === windowStart && windowEnd >= furthest;
}

function decodePool(info: PoolInfo, row: PoolReads): Omit<PoolSnapshot, 'health'> {
  const updateIntervalId = row.updateIntervalId.value;
  const intervalCommits = (slots: Slot<readonly bigint[]>[]): IntervalCommits[] =>
    slots
      .map((slot, k) => ({ intervalId: row.ids[k]!, totals: commitTotalsOf(slot.value) }))
      .filter((c) => c.intervalId >= updateIntervalId && !isEmptyTotals(c.totals));
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
            ...paidClaimOf(u.paidClaim?.value),
          },
        }
      : {}),
  };
}

/**
 * The snapshot of a pools read whose batch has run; `receivedAt` is the wall-clock ms it came back. A call that
 * failed throws its ReadFailedError when its value is first needed.
 */
export function decodePoolsRead(
  deployment: ChainDeployment,
  pools: readonly PoolInfo[],
  layout: PoolsReadLayout,
  receivedAt: number,
): PoolsSnapshot {
  let commitsComplete = true;
  const snapshots = pools.map((info, i): PoolSnapshot => {
    const row = layout.pools[i]!;
    if (!commitsCovered(info, row, layout.blockTimestamp)) commitsComplete = false;
    return { ...decodePool(info, row), health: decodeHealth(info, row.health, layout.keeperGasPrices) };
  });

  const collateralUsd: Partial<Record<CollateralSymbol, bigint>> = {};
  for (const { symbol, slot } of layout.usd)
    if (slot.ok && slot.value > 0n) collateralUsd[symbol] = slot.value;

  return {
    chainId: deployment.chainId,
    blockNumber: layout.blockNumber.value,
    blockTimestamp: layout.blockTimestamp.value,
    receivedAt,
    factoryPoolCount: layout.poolCount.value,
    pools: snapshots,
    collateralUsd,
    commitsComplete,
  };
}

/** A claim request with a reward on it; AutoClaim zeroes the request once it has been executed. */
function paidClaimOf(
  request: readonly [bigint, bigint] | undefined,
): Partial<Pick<UserPosition, 'paidClaim'>> {
  if (!request || request[1] === 0n) return {};
  return { paidClaim: { intervalId: request[0], reward: request[1] } };
}
