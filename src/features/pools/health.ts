/**
 * A pool's health (docs/protocol.md, "Pool health"), derived from one pools snapshot at a moment of the
 * chain's clock: whether its keeper is on time, whether its price feed still answers, whether it is paused,
 * whether the invariant check's condition holds, what an upkeep would pay whoever runs it now, and who stands
 * behind it. Plain functions: the list's badge, the pool page's section and the "Run upkeep" button all read
 * from here.
 */
import type { Address } from 'viem';
import type { ChainDeployment } from '../../chain/config.ts';
import type { PoolSnapshot } from '../../chain/poolSnapshot.ts';
import { KEEPER, WAD } from '../../engine/constants.ts';
import { type KeeperReward, keeperReward, payKeeperFromBalances } from '../../engine/keeper.ts';
import { formatDuration } from '../../ui/Countdown.tsx';

/** The one word for a pool's state, most serious first: paused, then a stale feed, then a late keeper. */
export type HealthStatus =
  | { kind: 'paused' }
  /** `ageSeconds` undefined: the feed did not answer at all. */
  | { kind: 'feed-stale'; ageSeconds: number | undefined }
  | { kind: 'late'; intervals: number }
  | { kind: 'healthy' };

export type HealthDeployment = Pick<ChainDeployment, 'priceFeedMaxAgeSeconds' | 'explorerUrl' | 'olympus'>;

/**
 * Whole update intervals missed ("Pool health"): none while the pool is not due, nor in the first interval
 * after it became due (a keeper is expected then); one once a whole interval has passed without an upkeep,
 * and so on.
 */
export function intervalsLate(lastPriceTimestamp: bigint, updateInterval: number, chainNow: number): number {
  const since = chainNow - Number(lastPriceTimestamp);
  return Math.max(0, Math.floor(since / updateInterval) - 1);
}

/** The feed's age on the chain's clock, in whole seconds; undefined when it did not answer. */
export function feedAgeSeconds(pool: Pick<PoolSnapshot, 'health'>, chainNow: number): number | undefined {
  const at = pool.health.feedUpdatedAt;
  return at === undefined ? undefined : Math.max(0, Math.floor(chainNow - Number(at)));
}

export function feedIsStale(ageSeconds: number | undefined, maxAgeSeconds: number): boolean {
  return ageSeconds === undefined || ageSeconds > maxAgeSeconds;
}

export function healthStatus(
  pool: Pick<PoolSnapshot, 'paused' | 'health' | 'state'>,
  chainNow: number,
  maxFeedAgeSeconds: number,
): HealthStatus {
  if (pool.paused) return { kind: 'paused' };
  const age = feedAgeSeconds(pool, chainNow);
  if (feedIsStale(age, maxFeedAgeSeconds)) return { kind: 'feed-stale', ageSeconds: age };
  const intervals = intervalsLate(pool.state.lastPriceTimestamp, pool.state.updateInterval, chainNow);
  return intervals > 0 ? { kind: 'late', intervals } : { kind: 'healthy' };
}

export function statusLabel(status: HealthStatus): string {
  switch (status.kind) {
    case 'paused':
      return 'Paused';
    case 'feed-stale':
      return 'Feed stale';
    case 'late':
      return `Late ${status.intervals} interval${status.intervals === 1 ? '' : 's'}`;
    case 'healthy':
      return 'Healthy';
  }
}

/** The status in one word, for a narrow column: its detail goes on a line of its own (`statusDetail`). */
export function statusWord(status: HealthStatus): string {
  return status.kind === 'late' ? 'Late' : statusLabel(status);
}

/** What the one word leaves out: how many intervals late, how old the feed is. */
export function statusDetail(status: HealthStatus): string | undefined {
  if (status.kind === 'late') return `${status.intervals} interval${status.intervals === 1 ? '' : 's'}`;
  if (status.kind === 'feed-stale')
    return status.ageSeconds === undefined ? 'not answering' : `${formatAgo(status.ageSeconds)} old`;
  return undefined;
}

/** "3m 05s": how long ago, as the countdowns write durations. */
export const formatAgo = (seconds: number) => formatDuration(seconds);

/**
 * The invariant check's condition ("Pool health", InvariantCheck): the settlement tokens the pool holds must
 * cover both side balances and the queued mints; if not, the check pauses the pool and its committer. Accrued
 * fees and the settlement waiting in users' escrow are in the same token balance but not in the condition:
 * they are what the surplus is made of.
 */
export interface InvariantView {
  held: bigint;
  /** long + short + pending mints: what the check requires the pool to hold. */
  required: bigint;
  holds: boolean;
  /** held − required when it holds. */
  surplus: bigint;
  /** Primary and secondary fees accrued and not yet claimed. */
  feesAccrued: bigint;
  /** Whether the surplus also covers the accrued fees (not part of the contract's check). */
  coversFees: boolean;
}

export function invariantView(
  pool: Pick<PoolSnapshot, 'state' | 'health' | 'primaryFees' | 'secondaryFees'>,
) {
  const held = pool.health.settlementHeld;
  const required = pool.state.longBalance + pool.state.shortBalance + pool.health.pendingMintSettlement;
  const feesAccrued = pool.primaryFees + pool.secondaryFees;
  const holds = held >= required;
  return {
    held,
    required,
    holds,
    surplus: holds ? held - required : 0n,
    feesAccrued,
    coversFees: held >= required + feesAccrued,
  } satisfies InvariantView;
}

export type UpkeepRewardView =
  | { kind: 'not-due' }
  /** The settlement/ETH feed did not answer, or the gas is not estimated yet. */
  | { kind: 'unknown' }
  | {
      kind: 'reward';
      reward: KeeperReward;
      /** The reward in ETH (wei), at the settlement/ETH price it was computed with. */
      rewardEthWei: bigint;
      /** False when the reward is at least both sides together: the pool then pays nothing (§2.4). */
      payable: boolean;
    };

/**
 * What the keeper reward would be for an upkeep at `chainNow` that the contract measures as `gasSpent`
 * (§2.4, the engine's keeperReward). The contract adds a fixed 80,195 gas for the part of the transaction it
 * cannot measure; `gasSpentFromEstimate` turns a whole transaction's gas estimate into that measured part.
 */
export function upkeepReward(
  pool: Pick<PoolSnapshot, 'state' | 'health'>,
  chainNow: number,
  gasSpent: bigint | undefined,
): UpkeepRewardView {
  const { state, health } = pool;
  const now = BigInt(Math.floor(chainNow));
  if (now < state.lastPriceTimestamp + BigInt(state.updateInterval)) return { kind: 'not-due' };
  const price = health.settlementEthPrice;
  if (gasSpent === undefined || price === undefined || price <= 0n) return { kind: 'unknown' };
  const reward = keeperReward({
    gasPriceWei: health.keeperGasPrice,
    gasSpent,
    settlementPerEthWad: price,
    lastPriceTimestamp: state.lastPriceTimestamp,
    updateInterval: BigInt(state.updateInterval),
    now,
    decimals: state.decimals,
  });
  const rewardWad = reward.reward * 10n ** BigInt(18 - state.decimals);
  return {
    kind: 'reward',
    reward,
    rewardEthWei: (rewardWad * WAD) / price,
    payable: payKeeperFromBalances(reward.reward, state.longBalance, state.shortBalance).paid,
  };
}

/** The gas the keeper would measure for itself, from an estimate of the whole transaction ("Pool health"). */
export function gasSpentFromEstimate(estimate: bigint): bigint {
  return estimate > KEEPER.fixedGasOverhead ? estimate - KEEPER.fixedGasOverhead : 0n;
}

/** Whether "Run upkeep" is offered, and if it is refused, the one sentence why. */
export type UpkeepOffer = { kind: 'hidden' } | { kind: 'refused'; reason: string } | { kind: 'available' };

export function upkeepOffer(
  pool: Pick<PoolSnapshot, 'paused' | 'health'>,
  chainNow: number,
  { maxFeedAgeSeconds, staleFiguresSeconds }: { maxFeedAgeSeconds: number; staleFiguresSeconds?: number },
): UpkeepOffer {
  // The chain's own answer at the block read: blocks only move forward, so a due pool stays due until upkept.
  if (!pool.health.upkeepRequired) return { kind: 'hidden' };
  if (staleFiguresSeconds !== undefined)
    return {
      kind: 'refused',
      reason: `These figures are ${formatAgo(staleFiguresSeconds)} old: wait for fresh ones before running an upkeep.`,
    };
  if (pool.paused)
    return {
      kind: 'refused',
      reason: 'The pool is paused: an upkeep reverts until governance unpauses it.',
    };
  const age = feedAgeSeconds(pool, chainNow);
  if (age === undefined)
    return {
      kind: 'refused',
      reason: 'The price feed does not answer: an upkeep now would revert and cost you its gas.',
    };
  if (feedIsStale(age, maxFeedAgeSeconds))
    return {
      kind: 'refused',
      reason: `The price feed last updated ${formatAgo(age)} ago: an upkeep now would rebalance the pool and execute its commits at that old price.`,
    };
  return { kind: 'available' };
}

export interface HealthAddress {
  label: string;
  address: Address;
  /** The explorer's page, where the chain has an explorer. */
  href: string | undefined;
}

/** Who governs the pool, who receives its fees, and the feeds that price it, each with its explorer page. */
export function healthAddresses(pool: PoolSnapshot, deployment: HealthDeployment): HealthAddress[] {
  const { trust } = pool.info;
  const entries: [string, Address | undefined][] = [
    ['Governance', trust.governance],
    ['Fee receiver', pool.feeAddress],
    ['Secondary fee address', pool.secondaryFeeAddress],
    ['Olympus treasury', deployment.olympus?.treasury],
    ['Market price feed', trust.marketFeed],
    ['Settlement/ETH feed', trust.settlementEthFeed],
  ];
  return entries.flatMap(([label, address]) =>
    address
      ? [
          {
            label,
            address,
            href: deployment.explorerUrl ? `${deployment.explorerUrl}/address/${address}` : undefined,
          },
        ]
      : [],
  );
}
