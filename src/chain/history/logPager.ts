/**
 * Adaptive paging for `eth_getLogs` over long block ranges. Public providers cap a request by block span
 * or by result count, answer 429 when pushed, and fail now and then; this is the one place that retries a
 * log request (the transport and the query layer do not), so retries never multiply.
 *
 * The span starts wide and halves on each refusal. After a success it doubles again but stays below the
 * smallest span refused so far, closing half the gap instead when doubling would reach it, so a fixed range
 * cap is found by a short binary search and then mostly left alone. Result-count caps move with the density
 * of logs, so every PROBE_AFTER pages without a refusal the span tries past that size once: a refusal costs
 * one request and changes nothing, a success forgets the old limit and lets the span double freely again.
 */

export interface BlockRange {
  fromBlock: bigint;
  toBlock: bigint;
}

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
  /** How many 429s / transient failures in a row before giving up; default 6. */
  maxRetries?: number;
  /** Base backoff when no retry-after is given; default 500 ms, doubling each retry, capped at 15 s. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Abort rejects with the signal's reason, also while waiting out a backoff. */
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  /** Called after each successful page, in block order, e.g. to persist what is already known. */
  onPage?: (logs: T[], range: BlockRange) => void | Promise<void>;
}

export type ErrorClass =
  | { kind: 'rate-limited'; retryAfterMs?: number }
  | { kind: 'too-wide'; suggested?: BlockRange }
  | { kind: 'transient' }
  | { kind: 'fatal' };

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

// Checked before the rate wording: Infura's "more than 10000 results" shares code -32005 with its rate limits.
const TOO_WIDE_TEXT =
  /\branges?\b|\bresults\b|response size|too (wide|large|big|many (logs|results|blocks))|more than [\d,]+ (blocks|logs)/i;
const RATE_TEXT =
  /rate limit|too many requests|exceeded.*(quota|capacity|rate)|(quota|capacity|rate) exceeded|request limit reached/i;
const NETWORK_TEXT = /fetch failed|failed to fetch|networkerror|load failed|network error/i;
const SUGGESTED = /\[\s*(0x[0-9a-f]+|\d+)\s*,\s*(0x[0-9a-f]+|\d+)\s*\]/i;
// Method missing, user or wallet refusals: a narrower range cannot change these answers.
const REFUSED_CODES = new Set([-32601, -32004, 4001, 4100, 4200]);

function field(node: object, key: string): unknown {
  return (node as Record<string, unknown>)[key];
}

/** The error and its `cause`s, outermost first (viem nests the provider's answer a few levels down). */
function causeChain(error: unknown): object[] {
  const chain: object[] = [];
  for (let node = error; typeof node === 'object' && node !== null; node = field(node, 'cause')) {
    if (chain.includes(node) || chain.length > 16) break;
    chain.push(node);
  }
  return chain;
}

function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function suggestedRange(text: string, chain: object[]): BlockRange | undefined {
  const match = SUGGESTED.exec(text);
  if (match?.[1] && match[2]) return { fromBlock: BigInt(match[1]), toBlock: BigInt(match[2]) };
  for (const node of chain) {
    const data = field(node, 'data');
    if (typeof data !== 'object' || data === null) continue;
    const from = field(data, 'from');
    const to = field(data, 'to');
    if (typeof from === 'string' && typeof to === 'string' && /^0x[0-9a-f]+$/i.test(from + to.slice(2)))
      return { fromBlock: BigInt(from), toBlock: BigInt(to) };
  }
  return undefined;
}

export function classifyLogError(error: unknown): ErrorClass {
  const chain = causeChain(error);
  const names = chain.map((node) => field(node, 'name'));
  const statuses = chain.map((node) => field(node, 'status')).filter((s) => typeof s === 'number');
  // A DOMException's numeric code is not a provider's answer.
  const codes = chain.filter((node) => !(node instanceof DOMException)).map((node) => field(node, 'code'));
  const rpcCodes = codes.filter((c): c is number => typeof c === 'number' && c !== -1);
  // viem's `message` repeats the request body and URL; its short message and details are the provider's words.
  const text = [
    typeof error === 'string' ? error : '',
    ...chain.flatMap((node) => {
      const short = field(node, 'shortMessage');
      return typeof short === 'string' ? [short, field(node, 'details')] : [field(node, 'message')];
    }),
  ]
    .filter((s) => typeof s === 'string')
    .join('\n');

  if (names.includes('AbortError')) return { kind: 'fatal' };
  const tooWideWords = TOO_WIDE_TEXT.test(text);
  if (
    statuses.includes(429) ||
    rpcCodes.includes(429) ||
    rpcCodes.includes(-32007) || // QuickNode's own rate-limit code
    (!tooWideWords && RATE_TEXT.test(text))
  ) {
    for (const node of chain) {
      const headers = field(node, 'headers');
      const retryAfterMs =
        headers instanceof Headers ? parseRetryAfter(headers.get('retry-after')) : undefined;
      if (retryAfterMs !== undefined) return { kind: 'rate-limited', retryAfterMs };
    }
    return { kind: 'rate-limited' };
  }
  if (tooWideWords || names.includes('ResponseBodyTooLargeError') || statuses.includes(413)) {
    const suggested = suggestedRange(text, chain);
    return suggested ? { kind: 'too-wide', suggested } : { kind: 'too-wide' };
  }
  if (
    names.includes('TimeoutError') ||
    statuses.some((s) => s === 408 || s >= 500) ||
    chain.some((node) => node instanceof TypeError && NETWORK_TEXT.test(node.message))
  )
    return { kind: 'transient' };
  if (rpcCodes.some((c) => REFUSED_CODES.has(c))) return { kind: 'fatal' };
  // Any other provider answer to eth_getLogs is most likely a span or size limit in words we do not know;
  // treating it as one is safe because halving ends at a single block.
  if (rpcCodes.length > 0) return { kind: 'too-wide' };
  return { kind: 'fatal' };
}

/** Waits `ms` with the injected sleep or a timer, rejecting with the abort reason as soon as `signal` aborts. */
function wait(ms: number, sleep: PagerOptions['sleep'], signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const cleanup = () => signal?.removeEventListener('abort', onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      cleanup();
      resolve();
    };
    if (sleep)
      sleep(ms).then(done, (error: unknown) => {
        cleanup();
        reject(error);
      });
    else timer = setTimeout(done, ms);
  });
}

/** Fetches logs for [fromBlock, toBlock] page by page, in block order; returns all logs concatenated in order. */
export async function scanLogs<T>(
  fetchPage: (range: BlockRange) => Promise<T[]>,
  range: BlockRange,
  options: PagerOptions<T> = {},
): Promise<{ logs: T[]; requests: number }> {
  const { signal, maxRetries = 6, backoffMs = 500 } = options;
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
  let requests = 0;
  let start = range.fromBlock;

  while (start <= range.toBlock) {
    signal?.throwIfAborted();
    const end = start + span - 1n < range.toBlock ? start + span - 1n : range.toBlock;
    const page = { fromBlock: start, toBlock: end };
    const size = end - start + 1n;
    requests++;
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
      if (failures > maxRetries) throw new LogScanError(page, requests, 'retries-exhausted', error);
      const delay =
        verdict.kind === 'rate-limited' && verdict.retryAfterMs !== undefined
          ? verdict.retryAfterMs
          : Math.min(backoffMs * 2 ** (failures - 1), MAX_BACKOFF_MS);
      await wait(delay, options.sleep, signal);
      continue;
    }
    signal?.throwIfAborted();
    failures = 0;
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

/**
 * Joins a re-scan to what was already known: known logs at or after `rescannedFrom` are dropped (a reorg may
 * have replaced them), fresh ones are added, and the result is unique by (block, log index) and in order.
 */
export function mergeLogs<T extends { blockNumber: bigint; logIndex: number }>(
  known: T[],
  fresh: T[],
  rescannedFrom: bigint,
): T[] {
  const byPosition = new Map<string, T>();
  for (const log of known) if (log.blockNumber < rescannedFrom) byPosition.set(positionKey(log), log);
  for (const log of fresh) byPosition.set(positionKey(log), log);
  return [...byPosition.values()].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
}

function positionKey(log: { blockNumber: bigint; logIndex: number }): string {
  return `${log.blockNumber}:${log.logIndex}`;
}
