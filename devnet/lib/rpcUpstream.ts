/**
 * The provider-like proxy's line to the node behind it (devnet/lib/rpcProxy.ts): forwarding request bodies,
 * its own look-ups, and the head block it measures ranges and state windows against. Everything in flight
 * can be cut at once, when the proxy goes down.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { hexNumber, isObject } from './jsonRpc.ts';

/** How long one head look-up serves: the calls of one batch share it. */
const HEAD_CACHE_MS = 100;
/** How many times an answer of anvil's BlockOutOfRangeError is asked again, and how long apart. */
const STATE_DROPPED_RETRIES = 3;
const STATE_DROPPED_WAIT_MS = 10;

export interface Upstream {
  /** Runs `work` with a signal that abortAll() aborts. */
  whileUp<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Forwards a request body as it is; the node's status and text come back. */
  post(body: string): Promise<{ status: number; text: string }>;
  /** One call of the proxy's own; its result, or undefined on an error. */
  ask(method: string, params: unknown[]): Promise<unknown>;
  /** The node's head block number. */
  head(): Promise<number>;
  /** Aborts every wait and request in flight; later ones run as usual. */
  abortAll(): void;
  /** Forgets the cached head. */
  forgetHead(): void;
}

export function connectUpstream(url: string): Upstream {
  // Aborted by abortAll(), so that no latency timer or upstream call outlives the endpoint.
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
        const res = await fetch(url, { method: 'POST', headers, body, signal });
        return { res, text: await res.text() };
      });
      // anvil keeping no past state (the Arbitrum profile) can drop the state of 'latest' in the instant a
      // block is mined. A public node never answers that, so the proxy asks again, as a provider's balancer would.
      if (attempt < STATE_DROPPED_RETRIES && text.includes('BlockOutOfRangeError')) {
        await whileUp((signal) => sleep(STATE_DROPPED_WAIT_MS, undefined, { signal }));
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

  return {
    whileUp,
    post,
    ask,
    head,
    abortAll() {
      inflight.abort();
      inflight = new AbortController();
    },
    forgetHead() {
      headCache = undefined;
    },
  };
}
