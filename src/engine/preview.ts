/**
 * What the pool will look like after each coming upkeep at an assumed price (docs/protocol.md §1.6, §3):
 * the queued intervals execute one per upkeep on a timely keeper, the first upkeep moves the price from the
 * keeper's stored one to the assumed one, later upkeeps see no move and only charge the management fee.
 * Runs the exact path, so the figures are what the chain will do at that price (up to the keeper's reward, an
 * optional input, and other users' commits still to come).
 */
import { type CommitRequest, queueCommit } from './commits.ts';
import { payKeeperFromBalances } from './keeper.ts';
import { skew } from './metrics.ts';
import { tokenPrice } from './prices.ts';
import type { Quad } from './quad.ts';
import { bookOf } from './sides.ts';
import type { PoolBook, PoolState } from './types.ts';
import { poolUpkeep } from './upkeep.ts';

export interface PreviewOptions {
  /** Oracle price assumed for every coming upkeep, WAD. */
  price: bigint;
  /** Unix seconds now; defaults to the last upkeep's time. The first upkeep happens as soon as it is due. */
  now?: bigint;
  /** How many upkeeps to show; defaults to as many as it takes to execute every queued interval (at least 1). */
  upkeeps?: number;
  /** Keeper reward taken after each upkeep, in settlement units; defaults to 0 (not modelled). */
  keeperRewardPerUpkeep?: bigint;
  /** A hypothetical commit made now, before the upkeeps: the "after this trade" preview of a trade form. */
  extraCommit?: CommitRequest;
}

/** The pool's balances, supplies and pending burns after the upkeep, and what they imply. */
export interface PreviewStep extends PoolBook {
  /** 1 for the next upkeep, 2 for the one after, … */
  upkeep: number;
  /** When it is expected (a timely keeper). */
  time: bigint;
  executedIntervalIds: bigint[];
  /** balance / (supply + pending burns): what a commit in the next interval would trade at, if nothing moved. */
  longTokenPrice: Quad;
  shortTokenPrice: Quad;
  skew: number | undefined;
  mintingFeeWad: bigint;
  /** Management fee taken by this upkeep (both sides). */
  managementFee: bigint;
  keeperPaid: bigint;
}

export interface PoolPreview {
  steps: PreviewStep[];
  /** True when no keeper reward was given: the balances are slightly optimistic (§2.4). */
  keeperRewardIgnored: boolean;
  /** Interval the hypothetical commit was assigned to, and its mint fee, when one was given. */
  extraCommit?: { intervalId: bigint; mintFee: bigint };
  /** The pool after the last previewed upkeep. */
  state: PoolState;
}

/** Upper bound on the default number of upkeeps, whatever the queue says. */
const MAX_DEFAULT_UPKEEPS = 64;

export function previewPool(state: PoolState, options: PreviewOptions): PoolPreview {
  const now = options.now ?? state.lastPriceTimestamp;
  const updateInterval = BigInt(state.updateInterval);
  const reward = options.keeperRewardPerUpkeep ?? 0n;

  let current = state;
  let extraCommit: PoolPreview['extraCommit'];
  if (options.extraCommit) {
    const queued = queueCommit(current, options.extraCommit, now);
    current = queued.state;
    extraCommit = { intervalId: queued.intervalId, mintFee: queued.mintFee };
  }

  let lastQueued = 0n;
  for (const c of current.commits) if (c.intervalId > lastQueued) lastQueued = c.intervalId;
  const needed =
    lastQueued >= current.updateIntervalId ? Number(lastQueued - current.updateIntervalId) + 1 : 1;
  const upkeeps = options.upkeeps ?? Math.min(Math.max(needed, 1), MAX_DEFAULT_UPKEEPS);

  const steps: PreviewStep[] = [];
  let time = current.lastPriceTimestamp + updateInterval;
  if (time < now) time = now;
  for (let k = 1; k <= upkeeps; k++) {
    const result = poolUpkeep(current, options.price, time);
    let next = result.state;
    let keeperPaid = 0n;
    if (reward > 0n) {
      const payment = payKeeperFromBalances(reward, next.longBalance, next.shortBalance);
      next = { ...next, longBalance: payment.longBalance, shortBalance: payment.shortBalance };
      keeperPaid = payment.paid ? reward : 0n;
    }
    steps.push({
      upkeep: k,
      time,
      executedIntervalIds: result.executed.map((e) => e.intervalId),
      ...bookOf(next),
      longTokenPrice: tokenPrice(next.longBalance, next.longSupply, next.pendingLongBurnPoolTokens),
      shortTokenPrice: tokenPrice(next.shortBalance, next.shortSupply, next.pendingShortBurnPoolTokens),
      skew: skew(next.longBalance, next.shortBalance),
      mintingFeeWad: next.mintingFeeWad,
      managementFee: result.priceChange.longFee + result.priceChange.shortFee,
      keeperPaid,
    });
    current = next;
    time = next.lastPriceTimestamp + updateInterval;
  }
  return {
    steps,
    keeperRewardIgnored: reward === 0n,
    ...(extraCommit ? { extraCommit } : {}),
    state: current,
  };
}
