/**
 * A JSON-RPC proxy in front of the local anvil node that misbehaves the way public Arbitrum RPC providers do:
 * latency, 429s with retry-after, capped eth_getLogs ranges and result counts, pruned historical state, and an
 * endpoint that can vanish and come back. Anvil itself is perfect, so without this the app, the keeper and the
 * tests would meet these faults first on mainnet.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrng } from '../../src/engine/simulate/prng.ts';

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
  /** Uniform delay before each HTTP request is handled; default [50, 300]. */
  latencyMs: readonly [number, number];
  /** Share of HTTP requests answered 429, drawn per request; default 0.03. */
  rateLimitShare: number;
  /** The retry-after header of a 429; default 1. */
  retryAfterSeconds: number;
  /** Most blocks in one eth_getLogs, counted toBlock - fromBlock + 1; default 10,000. */
  maxLogRange: number;
  /** Most logs in one eth_getLogs answer; default 10,000. */
  maxLogResults: number;
  /** The refusal of too wide a range; default LOG_RANGE_ERRORS[0]. */
  logRangeError: LogRangeError;
  /** State older than head - stateWindow is refused, as by a pruned node; default 128. */
  stateWindow: number;
}

export interface RpcProxyOptions extends Partial<RpcProxyFaults> {
  /** The node behind the proxy, e.g. http://127.0.0.1:8545. */
  upstream: string;
  /** 0 or undefined: a free port chosen by the OS. */
  port?: number;
  /** Seeds the latency and 429 draws; default 1. */
  seed?: number;
}

export interface RpcProxyStats {
  httpRequests: number;
  /** Every JSON-RPC call received, rate-limited and refused ones included: what the client asked for. */
  calls: number;
  byMethod: Record<string, number>;
  rateLimited: number;
  /** eth_getLogs refused for too wide a range or too many results: both make a client narrow its range. */
  rangeRefusals: number;
  prunedRefusals: number;
}

export interface RpcProxy {
  readonly url: string;
  readonly port: number;
  readonly isUp: boolean;
  /** Takes the endpoint away: stops listening and destroys open sockets, so new connections are refused. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  setFaults(faults: Partial<RpcProxyFaults>): void;
  readonly stats: RpcProxyStats;
  resetStats(): void;
  /** Down for good: nothing stays open, so the process can exit. */
  close(): Promise<void>;
}

const DEFAULT_FAULTS: RpcProxyFaults = {
  latencyMs: [50, 300],
  rateLimitShare: 0.03,
  retryAfterSeconds: 1,
  maxLogRange: 10_000,
  maxLogResults: 10_000,
  logRangeError: LOG_RANGE_ERRORS[0]!,
  stateWindow: 128,
};

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
const HEAD_CACHE_MS = 100;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hexNumber = (v: unknown): number | undefined =>
  typeof v === 'string' && /^0x[0-9a-f]+$/i.test(v) ? Number.parseInt(v, 16) : undefined;
function rpcError(id: unknown, code: number, message: string) {
  return { jsonrpc: '2.0', id: id ?? null, error: { code, message } };
}
const idKey = (call: unknown): string => JSON.stringify(isObject(call) ? (call.id ?? null) : null);

function withFaults(base: RpcProxyFaults, patch: Partial<RpcProxyFaults>): RpcProxyFaults {
  const defined = Object.entries(patch).filter(([, v]) => v !== undefined);
  return { ...base, ...(Object.fromEntries(defined) as Partial<RpcProxyFaults>) };
}

export async function startRpcProxy(options: RpcProxyOptions): Promise<RpcProxy> {
  const { upstream, port: requestedPort, seed = 1, ...faultOptions } = options;
  let faults = withFaults(DEFAULT_FAULTS, faultOptions);
  const prng = createPrng(seed);
  const emptyStats = () => ({
    httpRequests: 0,
    calls: 0,
    rateLimited: 0,
    rangeRefusals: 0,
    prunedRefusals: 0,
  });
  let counts = emptyStats();
  let byMethod = new Map<string, number>();
  // Aborted by down(), so that no latency timer or upstream call outlives the endpoint.
  let inflight = new AbortController();

  // Each wait gets its own signal, tied to `inflight` only while it lasts: handing `inflight.signal` itself to
  // every fetch and timer left one listener on it per request, for as long as the proxy ran.
  const whileUp = async <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const own = new AbortController();
    const abort = () => own.abort();
    const shared = inflight.signal;
    if (shared.aborted) own.abort();
    shared.addEventListener('abort', abort, { once: true });
    try {
      return await work(own.signal);
    } finally {
      shared.removeEventListener('abort', abort);
    }
  };

  const post = async (body: string) => {
    const headers = { 'content-type': 'application/json' };
    for (let attempt = 0; ; attempt++) {
      const { res, text } = await whileUp(async (signal) => {
        const res = await fetch(upstream, { method: 'POST', headers, body, signal });
        return { res, text: await res.text() };
      });
      // anvil keeping no past state (the Arbitrum profile) can drop the state of 'latest' in the instant a
      // block is mined. A public node never answers that, so the proxy asks again, as a provider's balancer would.
      if (attempt < 3 && text.includes('BlockOutOfRangeError')) {
        await whileUp((signal) => sleep(10, undefined, { signal }));
        continue;
      }
      return { status: res.status, text };
    }
  };
  const ask = async (method: string, params: unknown[]): Promise<unknown> => {
    const reply: unknown = JSON.parse(
      (await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }))).text,
    );
    return isObject(reply) ? reply.result : undefined;
  };
  // The promise is cached, not the number, so that the calls of one batch share a single lookup.
  let headCache: { at: number; head: Promise<number> } | undefined;
  const head = (): Promise<number> => {
    if (headCache && Date.now() - headCache.at <= HEAD_CACHE_MS) return headCache.head;
    const lookup = ask('eth_blockNumber', []).then(
      (n) => hexNumber(n) ?? Promise.reject(new Error('no head')),
    );
    headCache = { at: Date.now(), head: lookup };
    lookup.catch(() => {
      headCache = undefined;
    });
    return lookup;
  };

  const logBound = (v: unknown): Promise<number> | number | undefined =>
    v === undefined || v === null || (typeof v === 'string' && HEAD_TAGS.has(v))
      ? head()
      : v === 'earliest'
        ? 0
        : hexNumber(v);
  const stateBlock = async (v: unknown): Promise<number | undefined> => {
    if (v === 'earliest') return 0;
    if (!isObject(v)) return hexNumber(v);
    if ('blockNumber' in v) return stateBlock(v.blockNumber);
    if (typeof v.blockHash !== 'string') return undefined;
    const block = await ask('eth_getBlockByHash', [v.blockHash, false]);
    return isObject(block) ? hexNumber(block.number) : undefined;
  };

  /** A refusal for the call, or undefined when it goes upstream. */
  const screen = async (call: unknown): Promise<object | undefined> => {
    if (!isObject(call) || typeof call.method !== 'string') return undefined;
    const params = Array.isArray(call.params) ? call.params : [];
    if (call.method === 'eth_getLogs') {
      const filter: unknown = params[0];
      if (!isObject(filter) || filter.blockHash !== undefined) return undefined;
      const from = await logBound(filter.fromBlock);
      const to = await logBound(filter.toBlock);
      if (from === undefined || to === undefined || to - from + 1 <= faults.maxLogRange) return undefined;
      counts.rangeRefusals++;
      return rpcError(call.id, faults.logRangeError.code, faults.logRangeError.message);
    }
    const index = STATE_PARAM.get(call.method);
    const block = index === undefined ? undefined : await stateBlock(params[index]);
    if (block === undefined || (await head()) - block <= faults.stateWindow) return undefined;
    counts.prunedRefusals++;
    // A stable node hash per block, so repeated refusals read alike, as a real node's would.
    const node = createHash('sha256').update(`state:${block}`).digest('hex');
    return rpcError(call.id, -32000, `missing trie node ${node} (path ) state is not available`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    counts.httpRequests++;
    // Both draws happen on arrival, so the fault sequence depends only on the order of requests.
    const [low, high] = faults.latencyMs;
    const delay = low + (high - low) * prng.nextFloat();
    const limited = prng.nextFloat() < faults.rateLimitShare;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (body === undefined) return void res.writeHead(status, headers).end();
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
    };
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'retry-after');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (delay > 0) await whileUp((signal) => sleep(delay, undefined, { signal }));
    if (new URL(req.url ?? '/', 'http://proxy').pathname !== '/')
      return send(404, rpcError(null, -32601, 'Not Found'));
    if (req.method === 'OPTIONS') {
      const allow = {
        'access-control-allow-methods': 'POST, OPTIONS',
        // Public providers accept whatever headers a page sends (a wallet's own markers included).
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
      };
      return send(204, undefined, allow);
    }
    if (req.method !== 'POST')
      return send(405, rpcError(null, -32600, 'Method Not Allowed'), { allow: 'POST, OPTIONS' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {}
    const calls: unknown[] = body === undefined ? [] : Array.isArray(body) ? body : [body];
    for (const call of calls) {
      const method = isObject(call) && typeof call.method === 'string' ? call.method : '(invalid)';
      counts.calls++;
      byMethod.set(method, (byMethod.get(method) ?? 0) + 1);
    }
    const id = isObject(body) ? body.id : null;
    if (limited) {
      counts.rateLimited++;
      const retryAfter = { 'retry-after': String(faults.retryAfterSeconds) };
      return send(429, rpcError(id, -32005, 'Too Many Requests'), retryAfter);
    }
    if (body === undefined) return send(200, rpcError(null, -32700, 'Parse error'));
    try {
      const refusals = await Promise.all(calls.map(screen));
      const forward = calls.filter((_, i) => refusals[i] === undefined);
      if (!Array.isArray(body) && refusals[0]) return send(200, refusals[0]);
      if (forward.length === 0) return send(200, refusals);
      const out = await post(forward.length === calls.length ? text : JSON.stringify(forward));
      let parsed: unknown;
      try {
        parsed = JSON.parse(out.text);
      } catch {
        return send(out.status, out.text);
      }
      const methods = new Map(calls.map((call) => [idKey(call), isObject(call) ? call.method : undefined]));
      const cap = (reply: unknown) => {
        const tooMany =
          isObject(reply) &&
          methods.get(idKey(reply)) === 'eth_getLogs' &&
          Array.isArray(reply.result) &&
          reply.result.length > faults.maxLogResults;
        if (!tooMany) return reply;
        counts.rangeRefusals++;
        return rpcError(reply.id, -32005, `query returned more than ${faults.maxLogResults} results`);
      };
      if (!Array.isArray(parsed)) return send(out.status, cap(parsed));
      // Upstream may answer a batch in any order: put each reply back where its call was, by id.
      const pool = parsed.map(cap);
      const merged = calls.flatMap((call, i) => {
        const refusal = refusals[i];
        if (refusal) return [refusal];
        const at = pool.findIndex((reply) => idKey(reply) === idKey(call));
        return at < 0 ? [] : pool.splice(at, 1);
      });
      send(out.status, [...merged, ...pool]);
    } catch {
      send(502, rpcError(id, -32603, 'upstream unavailable'));
    }
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    // Rejects only when the request is cut short (client gone, or down()): nothing is left to answer.
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  let port = requestedPort ?? 0;
  let closed = false;
  // up() and down() run one at a time, so overlapping calls cannot listen twice or close a half-open server.
  let transition = Promise.resolve();
  const serially = (step: () => Promise<void>) => {
    const next = transition.then(step);
    transition = next.catch(() => {});
    return next;
  };

  const up = () =>
    serially(async () => {
      if (closed) throw new Error('rpc proxy is closed');
      if (server.listening) return;
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
      const address = server.address();
      if (isObject(address) && typeof address.port === 'number') port = address.port;
    });
  const down = () =>
    serially(async () => {
      if (!server.listening) return;
      const stopped = once(server, 'close');
      server.close();
      for (const socket of sockets) socket.destroy();
      inflight.abort();
      inflight = new AbortController();
      await stopped;
    });

  await up();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get isUp() {
      return server.listening;
    },
    down,
    up,
    setFaults(patch) {
      faults = withFaults(faults, patch);
    },
    get stats() {
      return { ...counts, byMethod: Object.fromEntries(byMethod) };
    },
    resetStats() {
      counts = emptyStats();
      byMethod = new Map();
    },
    async close() {
      await down();
      closed = true;
      headCache = undefined;
    },
  };
}
