/**
 * What a failed `eth_getLogs` means for the pager (logPager.ts): a rate limit to wait out (with the provider's
 * retry-after when it gives one), a range too wide to ask for at once (with the range the provider suggests,
 * when it names one), a transient failure to retry, or a fatal answer that no retry or narrower range changes.
 * Providers say these things in their own words and codes, and viem nests their answer a few causes deep.
 */
import { causeChain, fieldOf as field } from '../errors/errorChain.ts';

/** Blocks `fromBlock..toBlock`, both included: a page of a log scan, or the range a provider suggests. */
export interface BlockRange {
  fromBlock: bigint;
  toBlock: bigint;
}

export type ErrorClass =
  | { kind: 'rate-limited'; retryAfterMs?: number }
  | { kind: 'too-wide'; suggested?: BlockRange }
  | { kind: 'transient' }
  | { kind: 'fatal' };

// Checked before the rate wording: Infura's "more than 10000 results" shares code -32005 with its rate limits.
const TOO_WIDE_TEXT =
  /\branges?\b|\bresults\b|response size|too (wide|large|big|many (logs|results|blocks))|more than [\d,]+ (blocks|logs)/i;
const RATE_TEXT =
  /rate limit|too many requests|exceeded.*(quota|capacity|rate)|(quota|capacity|rate) exceeded|request limit reached/i;
const NETWORK_TEXT = /fetch failed|failed to fetch|networkerror|load failed|network error/i;
const SUGGESTED = /\[\s*(0x[0-9a-f]+|\d+)\s*,\s*(0x[0-9a-f]+|\d+)\s*\]/i;
// Method missing, user or wallet refusals: a narrower range cannot change these answers.
const REFUSED_CODES = new Set([-32601, -32004, 4001, 4100, 4200]);

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
