/**
 * Pools seen paused (docs/protocol.md §9). PoolKeeper still calls a paused pool due, but its upkeep reverts
 * until governance unpauses it (a paused pool cannot pay its keeper), so a keeper that asked on every tick would
 * estimate, and log, a failing upkeep once a second for as long as the pause lasts. A pool seen paused is left
 * out of the passes and asked about again only once `recheckMs` has passed; unpausing is a governance act,
 * rare and slow, so a minute's wait costs nothing.
 */
import type { Address } from 'viem';

/** How long a paused pool is left alone before the keeper asks `paused()` again. */
export const PAUSED_RECHECK_MS = 60_000;

export interface PausedPools {
  /** Of `pools`, those to ask about this pass: all but the paused ones whose re-check has not come. */
  toAsk<T extends { address: Address }>(pools: readonly T[]): T[];
  /** Records what `paused()` answered; true when the pool is newly seen paused. */
  record(pool: Address, paused: boolean): boolean;
  /** Whether the pool is known paused (asked about or not this pass). */
  isPaused(pool: Address): boolean;
  readonly recheckMs: number;
}

export function pausedPools({
  recheckMs = PAUSED_RECHECK_MS,
  now = Date.now,
}: {
  recheckMs?: number | undefined;
  now?: () => number;
} = {}): PausedPools {
  /** Lower-cased address → when to ask about it again. */
  const until = new Map<string, number>();
  const key = (pool: Address) => pool.toLowerCase();
  return {
    recheckMs,
    toAsk: (pools) => pools.filter((p) => (until.get(key(p.address)) ?? 0) <= now()),
    record(pool, paused) {
      const known = until.has(key(pool));
      if (paused) until.set(key(pool), now() + recheckMs);
      else until.delete(key(pool));
      return paused && !known;
    },
    isPaused: (pool) => until.has(key(pool)),
  };
}
