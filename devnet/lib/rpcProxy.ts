/**
 * A JSON-RPC proxy in front of the local anvil node that misbehaves the way public Arbitrum RPC providers do:
 * latency, 429s with retry-after, capped eth_getLogs ranges and result counts, pruned historical state, and an
 * endpoint that can vanish and come back. Anvil itself is perfect, so without this the app, the keeper and the
 * tests would meet these faults first on mainnet.
 *
 * This module is the HTTP side: the endpoint, its faults per request, and answering batches.
 * devnet/lib/rpcFaults.ts decides which calls are refused and how; devnet/lib/rpcUpstream.ts talks to the node.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrng } from '../../src/engine/simulate/prng.ts';
import { idKey, isObject, rpcError } from './jsonRpc.ts';
import { PUBLIC_ENDPOINT_FAULTS } from './profile.ts';
import { type RpcProxyFaults, screenCalls, tooManyRequests, withFaults } from './rpcFaults.ts';
import { connectUpstream } from './rpcUpstream.ts';

/** Each fault not given is as PUBLIC_ENDPOINT_FAULTS in devnet/lib/profile.ts has it. */
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

/**
 * Faults aimed at one method, for the next `times` requests that carry it: answered 429 without reaching the
 * node (`rate-limit`), or passed to the node and then cut off before the answer reaches the client
 * (`drop-answer`: a send that went out although the client never hears so).
 */
export interface MethodFault {
  method: string;
  fault: 'rate-limit' | 'drop-answer';
  times: number;
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
  /** Adds a fault for the next requests of one method (see MethodFault). */
  scriptFault(fault: MethodFault): void;
  /** Answers `eth_chainId` with this chain instead of the node's (undefined: the node's own). */
  claimChain(chainId: number | undefined): void;
  readonly stats: RpcProxyStats;
  resetStats(): void;
  /** Down for good: nothing stays open, so the process can exit. */
  close(): Promise<void>;
}

export async function startRpcProxy(options: RpcProxyOptions): Promise<RpcProxy> {
  const { upstream: upstreamUrl, port: requestedPort, seed = 1, ...faultOptions } = options;
  let faults = withFaults(PUBLIC_ENDPOINT_FAULTS, faultOptions);
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
  let scripted: MethodFault[] = [];
  let claimedChainId: number | undefined;
  /** Takes one use of a scripted fault of `kind` aimed at any of `methods`, if one is left. */
  const takeScripted = (kind: MethodFault['fault'], methods: readonly string[]): boolean => {
    const hit = scripted.find((f) => f.fault === kind && f.times > 0 && methods.includes(f.method));
    if (!hit) return false;
    hit.times -= 1;
    scripted = scripted.filter((f) => f.times > 0);
    return true;
  };
  const upstream = connectUpstream(upstreamUrl);
  const { screen, capLogs } = screenCalls(
    upstream,
    () => faults,
    () => counts,
  );

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
    if (delay > 0) await upstream.whileUp((signal) => sleep(delay, undefined, { signal }));
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
    const methods = calls.map((call) =>
      isObject(call) && typeof call.method === 'string' ? call.method : '(invalid)',
    );
    for (const method of methods) {
      counts.calls++;
      byMethod.set(method, (byMethod.get(method) ?? 0) + 1);
    }
    const id = isObject(body) ? body.id : null;
    if (limited || takeScripted('rate-limit', methods)) {
      counts.rateLimited++;
      const retryAfter = { 'retry-after': String(faults.retryAfterSeconds) };
      return send(429, tooManyRequests(id), retryAfter);
    }
    if (body === undefined) return send(200, rpcError(null, -32700, 'Parse error'));
    if (claimedChainId !== undefined && !Array.isArray(body) && methods[0] === 'eth_chainId')
      return send(200, { jsonrpc: '2.0', id, result: `0x${claimedChainId.toString(16)}` });
    if (takeScripted('drop-answer', methods)) {
      // The node gets the request and acts on it; the client's connection is cut before any answer.
      await upstream.post(text).catch(() => undefined);
      req.socket.destroy();
      return;
    }
    try {
      const refusals = await Promise.all(calls.map(screen));
      const forward = calls.filter((_, i) => refusals[i] === undefined);
      if (!Array.isArray(body) && refusals[0]) return send(200, refusals[0]);
      if (forward.length === 0) return send(200, refusals);
      const out = await upstream.post(forward.length === calls.length ? text : JSON.stringify(forward));
      let parsed: unknown;
      try {
        parsed = JSON.parse(out.text);
      } catch {
        return send(out.status, out.text);
      }
      const byId = new Map(calls.map((call) => [idKey(call), isObject(call) ? call.method : undefined]));
      if (!Array.isArray(parsed)) return send(out.status, capLogs(parsed, byId));
      // Upstream may answer a batch in any order: put each reply back where its call was, by id.
      const pool = parsed.map((reply) => capLogs(reply, byId));
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
      upstream.abortAll();
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
    scriptFault(fault) {
      scripted = [...scripted, { ...fault }];
    },
    claimChain(chainId) {
      claimedChainId = chainId;
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
      upstream.forgetHead();
    },
  };
}
