/**
 * The provider-like proxy's faults (devnet/lib/rpcProxy.ts): what can be set, which calls a public provider
 * refuses, and each refusal in the code and wording real providers answer with. How much of each fault a
 * public endpoint shows is in devnet/lib/profile.ts (PUBLIC_ENDPOINT_FAULTS).
 */
import { createHash } from 'node:crypto';
import { hexNumber, idKey, isObject, rpcError } from './jsonRpc.ts';
import type { Upstream } from './rpcUpstream.ts';

export interface LogRangeError {
  code: number;
  message: string;
}

/** Wordings real providers use when an eth_getLogs range is too wide (the first is the default). */
export const LOG_RANGE_ERRORS: readonly LogRangeError[] = [
  { code: -32600, message: 'eth_getLogs is limited to a 10,000 range' },
  {
    code: -32602,
    message:
      'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response.',
  },
  { code: -32000, message: 'exceed maximum block range: 10000' },
  { code: -32005, message: 'block range is too wide' },
];

export interface RpcProxyFaults {
  /** Uniform delay before each HTTP request is handled. */
  latencyMs: readonly [number, number];
  /** Share of HTTP requests answered 429, drawn per request. */
  rateLimitShare: number;
  /** The retry-after header of a 429. */
  retryAfterSeconds: number;
  /** Most blocks in one eth_getLogs, counted toBlock - fromBlock + 1. */
  maxLogRange: number;
  /** Most logs in one eth_getLogs answer. */
  maxLogResults: number;
  /** The refusal of too wide a range. */
  logRangeError: LogRangeError;
  /** State older than head - stateWindow is refused, as by a pruned node. */
  stateWindow: number;
}

/** `base` with every fault `patch` sets; undefined entries leave the base value. */
export function withFaults(base: RpcProxyFaults, patch: Partial<RpcProxyFaults>): RpcProxyFaults {
  const defined = Object.entries(patch).filter(([, v]) => v !== undefined);
  return { ...base, ...(Object.fromEntries(defined) as Partial<RpcProxyFaults>) };
}

/** The body of an HTTP 429, as public providers word it. */
export const tooManyRequests = (id: unknown) => rpcError(id, -32005, 'Too Many Requests');

/** Methods that read state, and where their block parameter sits. */
const STATE_PARAM = new Map([
  ['eth_call', 1],
  ['eth_getBalance', 1],
  ['eth_getCode', 1],
  ['eth_getTransactionCount', 1],
  ['eth_getStorageAt', 2],
  ['eth_estimateGas', 1],
  ['eth_createAccessList', 1],
]);
const HEAD_TAGS = new Set(['latest', 'safe', 'finalized', 'pending']);

/** What the proxy counts of its refusals. */
export interface RefusalCounts {
  /** eth_getLogs refused for too wide a range or too many results: both make a client narrow its range. */
  rangeRefusals: number;
  prunedRefusals: number;
}

export interface Screen {
  /** A refusal for the call, or undefined when it goes upstream. */
  screen(call: unknown): Promise<object | undefined>;
  /** The reply, or a refusal in its place when it holds more logs than a provider returns. */
  capLogs(reply: unknown, methods: ReadonlyMap<string, unknown>): unknown;
}

/**
 * The refusals a public provider makes, judged against the faults of the moment and the node's head.
 * `counts` is read when each refusal is made, so the proxy may replace it to reset its stats.
 */
export function screenCalls(
  upstream: Upstream,
  faults: () => RpcProxyFaults,
  counts: () => RefusalCounts,
): Screen {
  const logBound = (v: unknown): Promise<number> | number | undefined =>
    v === undefined || v === null || (typeof v === 'string' && HEAD_TAGS.has(v))
      ? upstream.head()
      : v === 'earliest'
        ? 0
        : hexNumber(v);
  const stateBlock = async (v: unknown): Promise<number | undefined> => {
    if (v === 'earliest') return 0;
    if (!isObject(v)) return hexNumber(v);
    if ('blockNumber' in v) return stateBlock(v.blockNumber);
    if (typeof v.blockHash !== 'string') return undefined;
    const block = await upstream.ask('eth_getBlockByHash', [v.blockHash, false]);
    return isObject(block) ? hexNumber(block.number) : undefined;
  };

  return {
    async screen(call) {
      if (!isObject(call) || typeof call.method !== 'string') return undefined;
      const params = Array.isArray(call.params) ? call.params : [];
      if (call.method === 'eth_getLogs') {
        const filter: unknown = params[0];
        if (!isObject(filter) || filter.blockHash !== undefined) return undefined;
        const from = await logBound(filter.fromBlock);
        const to = await logBound(filter.toBlock);
        if (from === undefined || to === undefined || to - from + 1 <= faults().maxLogRange) return undefined;
        counts().rangeRefusals++;
        const { code, message } = faults().logRangeError;
        return rpcError(call.id, code, message);
      }
      const index = STATE_PARAM.get(call.method);
      const block = index === undefined ? undefined : await stateBlock(params[index]);
      if (block === undefined || (await upstream.head()) - block <= faults().stateWindow) return undefined;
      counts().prunedRefusals++;
      // geth's wording, with a stable node hash per block, so repeated refusals read alike, as a real node's would.
      const node = createHash('sha256').update(`state:${block}`).digest('hex');
      return rpcError(call.id, -32000, `missing trie node ${node} (path ) state is not available`);
    },
    capLogs(reply, methods) {
      const max = faults().maxLogResults;
      const tooMany =
        isObject(reply) &&
        methods.get(idKey(reply)) === 'eth_getLogs' &&
        Array.isArray(reply.result) &&
        reply.result.length > max;
      if (!tooMany) return reply;
      counts().rangeRefusals++;
      // Infura's wording.
      return rpcError(reply.id, -32005, `query returned more than ${max} results`);
    },
  };
}
