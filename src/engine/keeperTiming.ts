/**
 * Where a pool stands against its keeper's schedule (docs/protocol.md §9, "Pool health"; §1.6), from one read
 * of the chain: the pool's `lastPriceTimestamp` and `updateInterval` at the block read, that block's
 * timestamp, and the chain's clock now as extrapolated from that block (the wall-clock time since the read
 * added to the block's time). Every place that counts down to an upkeep, says it is due, or says how late the
 * keeper is reads this one answer, so none of them can disagree.
 *
 * The extrapolated clock may say when the next upkeep falls due, never that the keeper missed it: a keeper on
 * time upkeeps in a block the app has not read yet, and until the next read shows that block the app does not
 * know whether it came. Only the block read may say the keeper is late, and it says so once a whole interval
 * has passed there since the upkeep fell due (in the first interval a keeper is expected, not late).
 */

export interface KeeperClock {
  /** The pool's `lastPriceTimestamp` at the block read. */
  lastPriceTimestamp: bigint;
  /** The pool's `updateInterval`, seconds. */
  updateInterval: number;
  /** Timestamp of the block the pool was read at. */
  blockTimestamp: bigint;
  /** Seconds on the chain's clock now, extrapolated from that block; may have a fraction. */
  chainNow: number;
}

export type KeeperTiming =
  /** Not due yet: the next upkeep falls due in `secondsLeft` (> 0) seconds of the chain's clock. */
  | { kind: 'on-time'; dueAt: number; secondsLeft: number }
  /**
   * Due, and no whole interval missed at the block read: a keeper is expected now. `confirmed` once the block
   * read is itself at or past the due time (the chain says the upkeep is required); before that only the
   * extrapolated clock says so, and the upkeep may well have happened already.
   */
  | { kind: 'due'; dueAt: number; confirmed: boolean }
  /** At the block read, `intervals` (≥ 1) whole update intervals have passed since the upkeep fell due. */
  | { kind: 'late'; dueAt: number; intervals: number };

/**
 * Whole update intervals missed at `at` (seconds on the chain's clock): none while the pool is not due, nor in
 * the first interval after it fell due; one once a whole interval has passed with no upkeep, and so on.
 */
export function intervalsLate(lastPriceTimestamp: bigint, updateInterval: number, at: number): number {
  if (updateInterval <= 0) return 0;
  const since = at - Number(lastPriceTimestamp);
  return Math.max(0, Math.floor(since / updateInterval) - 1);
}

export function keeperTiming(clock: KeeperClock): KeeperTiming {
  const { lastPriceTimestamp, updateInterval, blockTimestamp, chainNow } = clock;
  const dueAt = Number(lastPriceTimestamp) + updateInterval;
  const atBlock = Number(blockTimestamp);
  const intervals = intervalsLate(lastPriceTimestamp, updateInterval, atBlock);
  if (intervals > 0) return { kind: 'late', dueAt, intervals };
  if (atBlock >= dueAt) return { kind: 'due', dueAt, confirmed: true };
  if (chainNow < dueAt) return { kind: 'on-time', dueAt, secondsLeft: dueAt - chainNow };
  return { kind: 'due', dueAt, confirmed: false };
}

/**
 * When the upkeeps before a commit are taken to happen (§3.10): `on-time`, the next upkeep is not due yet and
 * each comes as its interval falls due; `due`, the next upkeep is due and comes at once; `late`, the keeper
 * has missed a whole interval and is taken to come back only when the commit's interval is due.
 */
export type KeeperSchedule = 'on-time' | 'due' | 'late';

/**
 * The schedule for a pool read at `readAt` (a block's timestamp), at `now` on the chain's clock: late only when
 * the block read says so (`keeperTiming`); `readAt` defaults to `now`, a state read at the moment asked about.
 */
export function keeperSchedule(
  state: { lastPriceTimestamp: bigint; updateInterval: number },
  now: bigint,
  readAt: bigint = now,
): KeeperSchedule {
  const timing = keeperTiming({
    lastPriceTimestamp: state.lastPriceTimestamp,
    updateInterval: state.updateInterval,
    blockTimestamp: readAt < now ? readAt : now,
    chainNow: Number(now),
  });
  return timing.kind;
}
