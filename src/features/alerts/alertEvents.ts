/**
 * What newly happened between the last pools snapshot the alerts saw and the next one (docs/alerts.md): the
 * user's escrow grew because commits executed, a pool's upkeep fell more than one update interval behind, a
 * pool was paused. Pure: the memory of the previous snapshot goes in and comes back out, so the same read
 * twice, a read at an older block or a stale one tells nothing new.
 *
 * The memory is the previous snapshot kept pool by pool rather than whole: the pages read different sets of
 * pools (a pool added by address joins one page's read only), and a pool that drops out of one read must not
 * count as seen for the first time when it comes back.
 */
import { type Address, getAddress } from 'viem';
import { freshnessOf } from '../../chain/pools/freshness.ts';
import type {
  EscrowBalance,
  PoolSnapshot,
  PoolsSnapshot,
  UserCommit,
} from '../../chain/pools/poolSnapshot.ts';
import { claimableText, type EscrowGrowth, lateText, pausedText } from './alertText.ts';

export type AlertKind = 'claimable' | 'late' | 'paused';

export interface AlertEvent {
  kind: AlertKind;
  chainId: number;
  pool: Address;
  /** Unique to this happening: kind, pool and the block it was seen at. */
  id: string;
  /** One per pool and kind: a newer event of the same tag replaces the older notice (and OS notification). */
  tag: string;
  /** A few words for an OS notification's title. */
  title: string;
  /** One plain sentence that names the pool. */
  body: string;
  /** Where to act on it: the trade page to claim, the pool's page otherwise. */
  link: { to: string; label: string };
}

interface PoolFacts {
  paused: boolean;
  late: boolean;
}

interface UserFacts {
  escrow: EscrowBalance;
  commits: readonly UserCommit[];
}

export interface AlertMemory {
  /** The highest block accepted per chain: a read at an older block (a lagging node) is ignored. */
  readonly lastBlock: ReadonlyMap<number, bigint>;
  /** Pool facts by `chainId:pool`, whoever is connected. */
  readonly pools: ReadonlyMap<string, PoolFacts>;
  /** The user's facts by `chainId:user:pool`: a newly connected account starts with nothing to compare. */
  readonly users: ReadonlyMap<string, UserFacts>;
}

export const NO_MEMORY: AlertMemory = { lastBlock: new Map(), pools: new Map(), users: new Map() };

export interface SnapshotRead {
  snapshot: PoolsSnapshot;
  /** The account the snapshot was read for (its query key); undefined when none was connected. */
  user: Address | undefined;
  pollIntervalMs: number;
  /** Wall-clock ms now, to judge whether the snapshot is live (src/chain/pools/freshness.ts). */
  nowMs: number;
}

/**
 * Seconds the pool's upkeep is past due at the snapshot's block: upkeep is due once an update interval has
 * passed since the last one (docs/protocol.md §3.2); negative while it is not yet due.
 */
export function upkeepOverdueSeconds(pool: PoolSnapshot, blockTimestamp: bigint): bigint {
  return blockTimestamp - (pool.state.lastPriceTimestamp + BigInt(pool.state.updateInterval));
}

/**
 * Late: more than one whole update interval past due, so commits wait. A paused pool cannot be upkept at all;
 * its pause is the one thing said about it.
 */
function isLate(pool: PoolSnapshot, blockTimestamp: bigint): boolean {
  const interval = BigInt(pool.state.updateInterval);
  return !pool.paused && interval > 0n && upkeepOverdueSeconds(pool, blockTimestamp) > interval;
}

// Keyed by checksummed address, whatever case the pool or the account arrived in.
const poolKey = (chainId: number, pool: Address) => `${chainId}:${getAddress(pool)}`;
const userKey = (chainId: number, user: Address, pool: Address) =>
  `${chainId}:${getAddress(user)}:${getAddress(pool)}`;
const more = (next: bigint, previous: bigint) => (next > previous ? next - previous : 0n);

function escrowGrowth(previous: EscrowBalance, next: EscrowBalance): EscrowGrowth | undefined {
  const growth = {
    longTokens: more(next.longTokens, previous.longTokens),
    shortTokens: more(next.shortTokens, previous.shortTokens),
    settlementTokens: more(next.settlementTokens, previous.settlementTokens),
  };
  return growth.longTokens > 0n || growth.shortTokens > 0n || growth.settlementTokens > 0n
    ? growth
    : undefined;
}

/**
 * The commits to remember: all of the next read's, and while that read may have missed some (its keeper is
 * late, `commitsComplete`), the previous ones it could not have seen executed.
 */
function commitsToKeep(previous: readonly UserCommit[], pool: PoolSnapshot, complete: boolean) {
  const next = pool.user?.commits ?? [];
  if (complete) return next;
  const known = new Set(next.map((c) => c.intervalId));
  const kept = previous.filter(
    (c) => c.intervalId >= pool.state.updateIntervalId && !known.has(c.intervalId),
  );
  return [...next, ...kept];
}

function eventOf(
  kind: AlertKind,
  pool: PoolSnapshot,
  blockNumber: bigint,
  text: Pick<AlertEvent, 'title' | 'body' | 'link'>,
): AlertEvent {
  const tag = `${kind}:${poolKey(pool.info.chainId, pool.info.address)}`;
  return {
    kind,
    chainId: pool.info.chainId,
    pool: pool.info.address,
    id: `${tag}:${blockNumber}`,
    tag,
    ...text,
  };
}

/** The events the next snapshot brings, and the memory to pass with the one after it. */
export function alertEvents(
  memory: AlertMemory,
  read: SnapshotRead,
): { events: AlertEvent[]; memory: AlertMemory } {
  const { snapshot, user, pollIntervalMs, nowMs } = read;
  const freshness = freshnessOf({
    receivedAt: snapshot.receivedAt,
    blockNumber: snapshot.blockNumber,
    pollIntervalMs,
    nowMs,
    error: undefined,
    endpoint: '',
  });
  const lastBlock = memory.lastBlock.get(snapshot.chainId);
  // Stale figures, or a node behind the one read before: nothing in them is news.
  if (freshness.kind !== 'live' || (lastBlock !== undefined && snapshot.blockNumber < lastBlock))
    return { events: [], memory };

  const events: AlertEvent[] = [];
  const pools = new Map(memory.pools);
  const users = new Map(memory.users);
  for (const pool of snapshot.pools) {
    const key = poolKey(snapshot.chainId, pool.info.address);
    const before = pools.get(key);
    const facts: PoolFacts = { paused: pool.paused, late: isLate(pool, snapshot.blockTimestamp) };
    // A pool seen for the first time tells what already holds; after that, only what changed.
    if (facts.paused && !before?.paused)
      events.push(eventOf('paused', pool, snapshot.blockNumber, pausedText(pool)));
    if (facts.late && !before?.late)
      events.push(
        eventOf(
          'late',
          pool,
          snapshot.blockNumber,
          lateText(pool, upkeepOverdueSeconds(pool, snapshot.blockTimestamp)),
        ),
      );
    pools.set(key, facts);

    if (!user || !pool.user) continue;
    const uKey = userKey(snapshot.chainId, user, pool.info.address);
    const previous = users.get(uKey);
    // The account's first read of this pool has nothing to compare: what waits in escrow is not news.
    const grown = previous ? escrowGrowth(previous.escrow, pool.user.escrow) : undefined;
    if (previous && grown) {
      const executed = previous.commits.filter((c) => c.intervalId < pool.state.updateIntervalId);
      events.push(eventOf('claimable', pool, snapshot.blockNumber, claimableText(pool, grown, executed)));
    }
    users.set(uKey, {
      escrow: pool.user.escrow,
      commits: commitsToKeep(previous?.commits ?? [], pool, snapshot.commitsComplete),
    });
  }
  const blocks = new Map(memory.lastBlock);
  blocks.set(snapshot.chainId, snapshot.blockNumber);
  return { events, memory: { lastBlock: blocks, pools, users } };
}

/**
 * Whether what an alert told is still so, by the latest facts seen: a claim that has been made, a pool upkept
 * again or unpaused takes its notice away, so that no notice goes on saying what is no longer true.
 */
export function alertStillHolds(
  alert: Pick<AlertEvent, 'kind' | 'chainId' | 'pool'>,
  user: Address | undefined,
  memory: AlertMemory,
): boolean {
  if (alert.kind === 'claimable') {
    const facts = user ? memory.users.get(userKey(alert.chainId, user, alert.pool)) : undefined;
    if (!facts) return true;
    const { longTokens, shortTokens, settlementTokens } = facts.escrow;
    return longTokens > 0n || shortTokens > 0n || settlementTokens > 0n;
  }
  const facts = memory.pools.get(poolKey(alert.chainId, alert.pool));
  if (!facts) return true;
  return alert.kind === 'late' ? facts.late : facts.paused;
}
