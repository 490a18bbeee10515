/**
 * The words for where a pool stands against its keeper, shared by every place that says it (the pools list's
 * countdown and badge, the pool page, the trade preview, the pending commits), so that none words it its own
 * way. Whether a pool is due or late is the engine's keeperTiming; these only say it.
 */

/** Past the due time, with no whole interval missed at the block read: a keeper is expected now. */
export const DUE_NOW = 'Due now';

/** A whole interval or more has passed at the block read since the upkeep fell due, with no upkeep. */
export const WAITING_FOR_KEEPER = 'Waiting for keeper';

/** "1 interval", "3 intervals": how many whole update intervals the keeper has missed. */
export function intervalCount(intervals: number): string {
  return `${intervals} interval${intervals === 1 ? '' : 's'}`;
}

/** A queued commit in a paused pool: no upkeep runs, so nothing executes, until governance unpauses it. */
export const PAUSED_COMMIT = 'paused: executes only once the pool is unpaused';
