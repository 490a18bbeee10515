/**
 * Adaptive paging for `eth_getLogs` over long block ranges. Public providers cap a request by block span
 * or by result count, answer 429 when pushed, and fail now and then; this is the one place that retries a
 * log request (the transport and the query layer do not), so retries never multiply. Whether a failure calls
 * for a wait, a narrower page or giving up is decided in logErrors.ts.
 *
 * The span starts wide and halves on each refusal. After a success it doubles again but stays below the
 * smallest span refused so far, closing half the gap instead when doubling would reach it, so a fixed range
 * cap is found by a short binary search and then mostly left alone. Result-count caps move with the density
 * of logs, so every PROBE_AFTER pages without a refusal the span tries past that size once: a refusal costs
 * one request and changes nothing, a success forgets the old limit and lets the span double freely again.
 *
 * Scans that run side by side for one read share a ScanBudget: a rate limit met by one pauses them all for
 * the wait the provider asked (its `retry-after`), since the provider counts the client's requests, not the
 * scan's. A rate limit is waited out for as long as the provider keeps asking, up to a patience of minutes;
 * any other failure is retried a few times with a doubling backoff.
 */
import { type BlockRange, classifyLogError } from './logErrors.ts';
import { ScanBudget, wait } from './scanBudget.ts';

export type { BlockRange } from './logErrors.ts';

export { classifyLogError, type ErrorClass } from './logErrors.ts';
export { mergeLogs } from './logMerge.ts';

export interface ScanProgress {
  fromBlock: bigint;
  toBlock: bigint;
  scannedTo: bigint;
  /** blocks done / total, 0..1 */
  fraction: number;
  requests: number;
}

export interface PagerOptions<T = unknown> {
  /** First span tried (blocks); default 100_000n ("start wide"). */
  initialSpan?: bigint;
  /** Never grow past this; default = initialSpan. */
  maxSpan?: bigint;
  /** How many transient failures (network, 5xx, timeout) of one page in a row before giving up; default 6. */
  maxRetries?: number;
  /**
   * How long one page may wait out rate limits in a row before giving up; default 2 minutes. A provider that
   * refuses every request that long is not slowing us down, it is refusing.
   */
  rateLimitPatienceMs?: number;
  /** Base backoff when no retry-after is given; default 500 ms, doubling each retry, capped at 15 s. */
  backoffMs?: number;
  /** Shared with the other scans of the same read; one of its own otherwise. */
  budget?: ScanBudget;
  sleep?: (ms: number) => Promise<void>;
  /** Abort rejects with the signal's reason, also while waiting out a backoff. */
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  /** Called after each successful page, in block order, e.g. to persist what is already known. */
  onPage?: (logs: T[], range: BlockRange) => void | Promise<void>;
}

const MAX_BACKOFF_MS = 15_000;
const PROBE_AFTER = 16;

export class LogScanError extends Error {
  constructor(
    /** The page that could not be fetched. */
    readonly range: BlockRange,
    /** Requests made by the whole scan, the failed ones included. */
    readonly requests: number,
    readonly reason: 'too-wide' | 'retries-exhausted',
    cause: unknown,
  ) {
    const why =
      reason === 'too-wide'
        ? 'the provider refuses even a single-block request'
        : 'the provider kept rate-limiting or failing until the retries ran out';
    super(`Could not fetch logs for ${describeRange(range)}: ${why}.`, { cause });
    this.name = 'LogScanError';
  }
}

function describeRange({ fromBlock, toBlock }: BlockRange): string {
  return fromBlock === toBlock ? `block ${fromBlock}` : `blocks ${fromBlock} to ${toBlock}`;
}
/** Fetches logs for [fromBlock, toBlock] page by page, in block order; returns all logs concatenated in order. */
export async function scanLogs<T>(
  fetchPage: (range: BlockRange) => Promise<T[]>,
  range: BlockRange,
  options: PagerOptions<T> = {},
): Promise<{ logs: T[]; requests: number }> {
  const { signal, maxRetries = 6, backoffMs = 500, rateLimitPatienceMs = 120_000 } = options;
  const budget = options.budget ?? new ScanBudget();
  const initialSpan = options.initialSpan ?? 100_000n;
  const maxSpan = options.maxSpan ?? initialSpan;
  if (initialSpan < 1n || maxSpan < 1n) throw new RangeError('Log page spans must be at least one block');

  const logs: T[] = [];
  const total = range.toBlock - range.fromBlock + 1n;
  let span = initialSpan < maxSpan ? initialSpan : maxSpan;
  let refused: bigint | undefined;
  let lastGood = 0n;
  let sinceRefusal = 0;
  let failures = 0;
  let rateLimitedMs = 0;
  let requests = 0;
  let start = range.fromBlock;

  while (start <= range.toBlock) {
    // A rate limit met by this scan or another of the same read holds them all.
    await budget.ready(signal);
    signal?.throwIfAborted();
    const end = start + span - 1n < range.toBlock ? start + span - 1n : range.toBlock;
    const page = { fromBlock: start, toBlock: end };
    const size = end - start + 1n;
    requests++;
    budget.requests++;
    let result: T[];
    try {
      result = await fetchPage(page);
    } catch (error) {
      signal?.throwIfAborted();
      const verdict = classifyLogError(error);
      if (verdict.kind === 'fatal') throw error;
      if (verdict.kind === 'too-wide') {
        if (size <= 1n) throw new LogScanError(page, requests, 'too-wide', error);
        refused = refused === undefined || size < refused ? size : refused;
        sinceRefusal = 0;
        // A refused growth step falls back to the span that last worked rather than halving below it.
        span = lastGood > 0n && lastGood < size ? lastGood : size / 2n;
        const hint = verdict.suggested && verdict.suggested.toBlock - verdict.suggested.fromBlock + 1n;
        if (hint && hint >= 1n && hint < span) span = hint;
        continue;
      }
      failures++;
      const delay =
        verdict.kind === 'rate-limited' && verdict.retryAfterMs !== undefined
          ? verdict.retryAfterMs
          : Math.min(backoffMs * 2 ** (failures - 1), MAX_BACKOFF_MS);
      if (verdict.kind === 'rate-limited') {
        rateLimitedMs += delay;
        if (rateLimitedMs > rateLimitPatienceMs)
          throw new LogScanError(page, requests, 'retries-exhausted', error);
        budget.pause(wait(delay, options.sleep, signal));
      } else {
        if (failures > maxRetries) throw new LogScanError(page, requests, 'retries-exhausted', error);
        await wait(delay, options.sleep, signal);
      }
      continue;
    }
    signal?.throwIfAborted();
    failures = 0;
    rateLimitedMs = 0;
    lastGood = size;
    for (const log of result) logs.push(log);
    await options.onPage?.(result, page);
    const done = end - range.fromBlock + 1n;
    options.onProgress?.({
      ...range,
      scannedTo: end,
      fraction: Number(done) / Number(total),
      requests,
    });
    start = end + 1n;

    sinceRefusal++;
    if (refused !== undefined && size >= refused) refused = undefined;
    let next = span * 2n < maxSpan ? span * 2n : maxSpan;
    if (refused !== undefined && next >= refused && sinceRefusal < PROBE_AFTER)
      next = span + (refused - span) / 2n;
    if (next > span) span = next;
  }
  return { logs, requests };
}
