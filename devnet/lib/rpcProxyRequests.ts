/**
 * How the provider-like proxy (devnet/lib/rpcProxy.ts) answers one HTTP request: the latency and 429 draws on
 * arrival, CORS, scripted faults, a claimed chain id, and calls screened (rpcFaults.ts), forwarded to the node
 * and their replies put back in the order asked.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Prng } from '../../src/engine/simulate/prng.ts';
import { idKey, isObject, rpcError } from './jsonRpc.ts';
import { type RefusalCounts, type RpcProxyFaults, type Screen, tooManyRequests } from './rpcFaults.ts';
import type { Upstream } from './rpcUpstream.ts';

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

/** What the proxy counts of its requests (calls per method apart). */
export interface RequestCounts extends RefusalCounts {
  httpRequests: number;
  calls: number;
  rateLimited: number;
}

/** The proxy's state a request reads; each getter is read when used, since the proxy replaces what it holds. */
export interface RequestContext {
  upstream: Upstream;
  screening: Screen;
  prng: Prng;
  faults: () => RpcProxyFaults;
  counts: () => RequestCounts;
  byMethod: () => Map<string, number>;
  claimedChainId: () => number | undefined;
  /** Takes one use of a scripted fault of `kind` aimed at any of `methods`, if one is left. */
  takeScripted: (kind: MethodFault['fault'], methods: readonly string[]) => boolean;
}

export function requestHandler({
  upstream,
  screening: { screen, capLogs },
  prng,
  faults,
  counts,
  byMethod,
  claimedChainId,
  takeScripted,
}: RequestContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    counts().httpRequests++;
    // Both draws happen on arrival, so the fault sequence depends only on the order of requests.
    const [low, high] = faults().latencyMs;
    const delay = low + (high - low) * prng.nextFloat();
    const limited = prng.nextFloat() < faults().rateLimitShare;
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
      counts().calls++;
      byMethod().set(method, (byMethod().get(method) ?? 0) + 1);
    }
    const id = isObject(body) ? body.id : null;
    if (limited || takeScripted('rate-limit', methods)) {
      counts().rateLimited++;
      const retryAfter = { 'retry-after': String(faults().retryAfterSeconds) };
      return send(429, tooManyRequests(id), retryAfter);
    }
    if (body === undefined) return send(200, rpcError(null, -32700, 'Parse error'));
    const claimed = claimedChainId();
    if (claimed !== undefined && !Array.isArray(body) && methods[0] === 'eth_chainId')
      return send(200, { jsonrpc: '2.0', id, result: `0x${claimed.toString(16)}` });
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
}
