/**
 * A pool's health (docs/protocol.md, "Pool health"), derived from one pools snapshot at a moment of the
 * chain's clock: whether its keeper is on time, whether its price feed still answers, whether it is paused,
 * whether the invariant check's condition holds, and who stands behind it; what an upkeep would pay whoever
 * runs it now is in upkeepHealth.ts. Plain functions: the list's badge, the pool page's section and the "Run
 * upkeep" button all read from here.
 */
import type { Address } from 'viem';
import type { ChainDeployment } from '../../chain/config/config.ts';
import type { PoolSnapshot } from '../../chain/pools/poolSnapshot.ts';
import { intervalsLate } from '../../engine/keeperTiming.ts';
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

/** Each status in one word. */
const STATUS_WORDS: Record<HealthStatus['kind'], string> = {
  paused: 'Paused',
  'feed-stale': 'Feed stale',
  late: 'Late',
  healthy: 'Healthy',
};

/** The status in one word, for a narrow column: its detail goes on a line of its own (`statusDetail`). */
export function statusWord(status: HealthStatus): string {
  return STATUS_WORDS[status.kind];
}

/** The status in a few words: a late keeper says by how many intervals; a stale feed's age is left out. */
export function statusLabel(status: HealthStatus): string {
  return status.kind === 'late' ? `Late ${intervalCount(status.intervals)}` : statusWord(status);
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
