/**
 * A pool's health (docs/protocol.md, "Pool health"), derived from one pools snapshot at a moment of the
 * chain's clock: whether its keeper is on time, whether its price feed still answers, whether it is paused,
 * whether the invariant check's condition holds, what an upkeep would pay whoever runs it now, and who stands
 * behind it. Plain functions: the list's badge, the pool page's section and the "Run upkeep" button all read
 * from here.
 */
import type { Address } from 'viem';
import type { ChainDeployment } from '../../chain/config/config.ts';
import type { PoolSnapshot } from '../../chain/pools/poolSnapshot.ts';
import { KEEPER, WAD } from '../../engine/constants.ts';
import type { KeeperReward } from '../../engine/keeper.ts';
import { intervalsLate } from '../../engine/keeperTiming.ts';
import { keeperUpkeep } from '../../engine/upkeep.ts';
import { formatAge } from '../../ui/age.ts';
import { intervalCount } from '../../ui/keeperWords.ts';

/** The one word for a pool's state, most serious first: paused, then a stale feed, then a late keeper. */
export type HealthStatus =
  | { kind: 'paused' }
  /** `ageSeconds` undefined: the feed did not answer at all. */
  | { kind: 'feed-stale'; ageSeconds: number | undefined }
  | { kind: 'late'; intervals: number }
  | { kind: 'healthy' };

export type HealthDeployment = Pick<ChainDeployment, 'priceFeedMaxAgeSeconds' | 'explorerUrl' | 'olympus'>;

export { intervalsLate } from '../../engine/keeperTiming.ts';

/** The feed's age on the chain's clock, in whole seconds; undefined when it did not answer. */
export function feedAgeSeconds(pool: Pick<PoolSnapshot, 'health'>, chainNow: number): number | undefined {
  const at = pool.health.feedUpdatedAt;
  return at === undefined ? undefined : Math.max(0, Math.floor(chainNow - Number(at)));
}

export function feedIsStale(ageSeconds: number | undefined, maxAgeSeconds: number): boolean {
  return ageSeconds === undefined || ageSeconds > maxAgeSeconds;
}

/**
 * The status at `chainNow`, for a pool read at the block of time `readAt` (default: `chainNow`, a clock that
 * is the block's own). Lateness is the block's to say, never the clock extrapolated past it (keeperTiming.ts):
 * the keeper may have upkept since, in a block not read yet.
 */
export function healthStatus(
  pool: Pick<PoolSnapshot, 'paused' | 'health' | 'state'>,
  chainNow: number,
  maxFeedAgeSeconds: number,
  readAt: number = chainNow,
): HealthStatus {
  if (pool.paused) return { kind: 'paused' };
  const age = feedAgeSeconds(pool, chainNow);
  if (feedIsStale(age, maxFeedAgeSeconds)) return { kind: 'feed-stale', ageSeconds: age };
  const intervals = intervalsLate(pool.state.lastPriceTimestamp, pool.state.updateInterval, readAt);
  return intervals > 0 ? { kind: 'late', intervals } : { kind: 'healthy' };
}

export function statusLabel(status: HealthStatus): string {
  switch (status.kind) {
    case 'paused':
      return 'Paused';
    case 'feed-stale':
      return 'Feed stale';
    case 'late':
      return `Late ${intervalCount(status.intervals)}`;
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
  if (status.kind === 'late') return intervalCount(status.intervals);
  if (status.kind === 'feed-stale')
    return status.ageSeconds === undefined ? 'not answering' : `${formatAge(status.ageSeconds)} old`;
  return undefined;
}

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
      /**
       * False when the reward is at least both sides together once the upkeep has run (the keeper is paid
       * from the balances it leaves, §2.4): the pool then pays nothing.
       */
      payable: boolean;
    };

/**
 * What the keeper reward would be for an upkeep at `chainNow` that the contract measures as `gasSpent`
 * (§2.4, the engine's keeperReward). The contract adds a fixed 80,195 gas for the part of the transaction it
 * cannot measure; `gasSpentFromEstimate` turns a whole transaction's gas estimate into that measured part.
 */
export function upkeepReward(
  pool: Pick<PoolSnapshot, 'state' | 'health' | 'oraclePrice'>,
  chainNow: number,
  gasSpent: bigint | undefined,
): UpkeepRewardView {
  const { state, health } = pool;
  const now = BigInt(Math.floor(chainNow));
  if (now < state.lastPriceTimestamp + BigInt(state.updateInterval)) return { kind: 'not-due' };
  const price = health.settlementEthPrice;
  if (gasSpent === undefined || price === undefined || price <= 0n) return { kind: 'unknown' };
  let upkeep: ReturnType<typeof keeperUpkeep>;
  try {
    // The whole upkeep at today's price, as the keeper runs it: the reward is paid from what it leaves.
    upkeep = keeperUpkeep(state, pool.oraclePrice, now, {
      gasPriceWei: health.keeperGasPrice,
      gasSpent,
      settlementPerEthWad: price,
    });
  } catch {
    // A panic takes the keeper's whole call down: nothing would be paid, and the gas estimate fails too.
    return { kind: 'unknown' };
  }
  if (upkeep.status === 'not-due') return { kind: 'not-due' };
  const { reward } = upkeep;
  const rewardWad = reward.reward * 10n ** BigInt(18 - state.decimals);
  return {
    kind: 'reward',
    reward,
    rewardEthWei: (rewardWad * WAD) / price,
    payable: upkeep.payment.paid,
  };
}

/**
 * Whether an upkeep offered now pays whoever sends it ("Pool health", §2.4): it is offered only when the
 * engine's reward is above zero and the pool can pay it, since an upkeep that pays nothing still costs its gas.
 * `pending` while the gas is being estimated; `nothing` with the one sentence why.
 */
export type UpkeepPay = { kind: 'pays' } | { kind: 'pending' } | { kind: 'nothing'; reason: string };

export function upkeepPay(pool: Pick<PoolSnapshot, 'health' | 'info'>, view: UpkeepRewardView): UpkeepPay {
  const { symbol } = pool.info.collateral;
  if (view.kind === 'not-due')
    return { kind: 'nothing', reason: 'The pool is not due yet: an upkeep now would pay you nothing.' };
  if (view.kind === 'unknown') {
    const price = pool.health.settlementEthPrice;
    return price === undefined || price <= 0n
      ? {
          kind: 'nothing',
          reason: `The settlement/ETH feed gives no price, so the keeper reward cannot be priced in ${symbol}: the upkeep may pay you nothing for its gas.`,
        }
      : { kind: 'pending' };
  }
  if (view.reward.reward === 0n)
    return {
      kind: 'nothing',
      reason: `The keeper reward comes to 0 ${symbol} at this pool's gas and settlement/ETH prices: the upkeep would cost you gas and pay nothing.`,
    };
  if (!view.payable)
    return {
      kind: 'nothing',
      reason:
        'After the upkeep the pool would hold less than this reward, so it would pay you nothing for its gas.',
    };
  return { kind: 'pays' };
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
      reason: `These figures are ${formatAge(staleFiguresSeconds)} old: wait for fresh ones before running an upkeep.`,
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
      reason: `The price feed last updated ${formatAge(age)} ago: an upkeep now would rebalance the pool and execute its commits at that old price.`,
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
