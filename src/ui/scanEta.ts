/**
 * Time left of a long history read, from timestamped progress samples. A figure is given only once there is
 * a rate worth the name (a few seconds of samples, some blocks done); the rate is measured up to now, not
 * up to the last sample, so while no block arrives the time left can only grow, never count down on its
 * own; and after a while without progress the read is called stalled instead.
 */

export interface ScanSample {
  /** When the progress was seen (ms, Date.now()). */
  atMs: number;
  scanned: bigint;
  total: bigint;
}

export type TimeLeft =
  | { kind: 'estimating' }
  /** `seconds` is rounded to what the figure can claim (see roundTimeLeft). */
  | { kind: 'left'; seconds: number }
  | { kind: 'stalled'; forSeconds: number }
  | { kind: 'finishing' };

/** The rate is measured over about the last minute, so a read that slows down or speeds up shows it. */
export const RATE_WINDOW_MS = 60_000;
/** No figure before this much time has been watched. */
export const MIN_WATCH_MS = 3_000;
/** No progress for this long (or five usual gaps between progress, if longer) is a stall. */
export const STALL_MS = 10_000;

/**
 * The samples with `sample` added. A new total or a count that goes back is another read: it starts over.
 * A sample that adds no block is dropped, so the last sample is when progress last moved.
 */
export function recordSample(samples: readonly ScanSample[], sample: ScanSample): ScanSample[] {
  const last = samples.at(-1);
  if (!last || last.total !== sample.total || sample.scanned < last.scanned) return [sample];
  if (sample.scanned === last.scanned) return [...samples];
  const kept = [...samples, sample];
  // Keep the newest sample at or before the window's start as the anchor, and everything after it.
  let first = 0;
  while (first + 1 < kept.length && kept[first + 1]!.atMs <= sample.atMs - RATE_WINDOW_MS) first++;
  return kept.slice(first);
}

export function estimateTimeLeft(samples: readonly ScanSample[], nowMs: number): TimeLeft {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return { kind: 'estimating' };
  if (last.scanned >= last.total) return { kind: 'finishing' };
  const quietMs = nowMs - last.atMs;
  const moves = samples.length - 1;
  const usualGapMs = moves > 0 ? (last.atMs - first.atMs) / moves : 0;
  if (quietMs >= Math.max(STALL_MS, 5 * usualGapMs))
    return { kind: 'stalled', forSeconds: Math.floor(quietMs / 1000) };
  const watchedMs = nowMs - first.atMs;
  const done = last.scanned - first.scanned;
  if (watchedMs < MIN_WATCH_MS || done <= 0n) return { kind: 'estimating' };
  const blocksPerMs = Number(done) / watchedMs;
  const seconds = Number(last.total - last.scanned) / blocksPerMs / 1000;
  return { kind: 'left', seconds: roundTimeLeft(seconds) };
}

/**
 * What an estimate can honestly claim: tens of seconds under a minute, whole minutes under an hour, tens of
 * minutes beyond. Rounded up under a minute, so a read is never "about 0 s" from the end.
 */
export function roundTimeLeft(seconds: number): number {
  if (seconds < 55) return Math.max(10, Math.ceil(seconds / 10) * 10);
  if (seconds < 3570) return Math.max(60, Math.round(seconds / 60) * 60);
  return Math.round(seconds / 600) * 600;
}

/** "about 40 s left", "about 12 min left", "about 1 h 20 min left" (of a rounded figure). */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `about ${h} h${m > 0 ? ` ${m} min` : ''} left`;
}

/** The words for a TimeLeft, as the progress line shows them. */
export function describeTimeLeft(left: TimeLeft): string {
  switch (left.kind) {
    case 'estimating':
      return 'estimating time left…';
    case 'finishing':
      return 'finishing…';
    case 'stalled':
      return `no progress for ${left.forSeconds} s: the endpoint may be refusing or slow`;
    case 'left':
      return formatTimeLeft(left.seconds);
  }
}
