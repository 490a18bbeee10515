/**
 * A JSON-RPC proxy in front of the local anvil node that misbehaves the way public Arbitrum RPC providers do:
 * latency, 429s with retry-after, capped eth_getLogs ranges and result counts, pruned historical state, and an
 * endpoint that can vanish and come back. Anvil itself is perfect, so without this the app, the keeper and the
 * tests would meet these faults first on mainnet.
 *
 * This module is the HTTP side: the endpoint, taken down and brought up, and the faults and counts it holds.
 * devnet/lib/rpcFaults.ts decides which calls are refused and how; devnet/lib/rpcProxyRequests.ts answers each
 * request; devnet/lib/rpcUpstream.ts talks to the node.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { createPrng } from '../../src/engine/simulate/prng.ts';
import { isObject } from './jsonRpc.ts';
import { PUBLIC_ENDPOINT_FAULTS } from './profile.ts';
import { type RpcProxyFaults, screenCalls, withFaults } from './rpcFaults.ts';
import { type MethodFault, requestHandler } from './rpcProxyRequests.ts';
import { connectUpstream } from './rpcUpstream.ts';

export type { MethodFault } from './rpcProxyRequests.ts';

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
  const takeScripted = (kind: MethodFault['fault'], methods: readonly string[]): boolean => {
    const hit = scripted.find((f) => f.fault === kind && f.times > 0 && methods.includes(f.method));
    if (!hit) return false;
    hit.times -= 1;
    scripted = scripted.filter((f) => f.times > 0);
    return true;
  };
  const upstream = connectUpstream(upstreamUrl);
  const handle = requestHandler({
    upstream,
    screening: screenCalls(
      upstream,
      () => faults,
      () => counts,
    ),
    prng,
    faults: () => faults,
    counts: () => counts,
    byMethod: () => byMethod,
    claimedChainId: () => claimedChainId,
    takeScripted,
  });

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
