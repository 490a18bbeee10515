/**
 * The protocol page's client against a tiny local HTTP server answering canned JSON, as the indexer would:
 * figures read with their bigints whole; an answer of another chain refused; an indexer that stalls, errs or
 * is still starting is an outcome, not an error; and no indexer configured means nothing is asked at all.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Address, Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { historyToJson } from '../../src/chain/history/historyJson.ts';
import type { PoolDayFigures, ProtocolAnswer } from '../../src/chain/history/indexerApi.ts';
import { readProtocolDays } from '../../src/chain/history/protocolDays.ts';

const HASH = `0x${'ab'.repeat(32)}` as Hex;
const BIG = 123_456_789_012_345_678_901_234_567n;

const day: PoolDayFigures = {
  pool: '0x00000000000000000000000000000000000000b1' as Address,
  day: 1_800_000_000 - (1_800_000_000 % 86_400),
  longBalance: BIG,
  shortBalance: 1n,
  mintVolume: 2n,
  longBurnTokens: 0n,
  shortBurnTokens: 0n,
  commits: 1,
  upkeeps: 1,
  feesCharged: 3n,
  primaryFees: 4n,
  secondaryFees: 5n,
  keeperRewards: 0n,
};

function answer(chainId = 31337, hash: Hex = HASH): string {
  const body: ProtocolAnswer = {
    chain: { chainId, identity: { block: 100n, hash }, head: { block: 500n, timestamp: 1_800_000_000 } },
    days: [day],
  };
  return historyToJson(body);
}

/** What the server answers, by path: [status, body], or nothing ever (a stalled indexer). */
let reply: (url: URL) => [number, string] | 'stall' = () => [200, answer()];
const asked: URL[] = [];
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const at = new URL(req.url ?? '/', 'http://localhost');
    asked.push(at);
    const r = reply(at);
    if (r === 'stall') return;
    res.writeHead(r[0], { 'content-type': 'application/json' }).end(r[1]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const deployment = (indexerUrl: string | undefined) =>
  ({
    chainId: 31337,
    historyFromBlock: 100n,
    identityBlock: 100n,
    ...(indexerUrl ? { indexerUrl } : {}),
  }) as ChainDeployment;

const read = (options: { timeoutMs?: number; since?: number; indexerUrl?: string | undefined } = {}) =>
  readProtocolDays({
    deployment: deployment('indexerUrl' in options ? options.indexerUrl : url),
    chainIdentity: async () => HASH,
    ...(options.since === undefined ? {} : { since: options.since }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });

describe('protocol days', () => {
  it("reads the indexer's days with their bigints whole", async () => {
    reply = () => [200, answer()];
    asked.length = 0;
    const outcome = await read({ since: day.day });
    expect(outcome).toEqual({ kind: 'figures', days: [day], indexedTo: 500n, indexedAt: 1_800_000_000 });
    expect(asked[0]?.pathname).toBe('/history/protocol');
    expect(asked[0]?.searchParams.get('since')).toBe(String(day.day));
  });

  it('refuses an answer from another chain or another run of this one', async () => {
    reply = () => [200, answer(42161)];
    expect(await read()).toEqual({ kind: 'unavailable', why: 'other-chain' });
    reply = () => [200, answer(31337, `0x${'cd'.repeat(32)}`)];
    expect(await read()).toEqual({ kind: 'unavailable', why: 'other-chain' });
  });

  it('treats a stalled, erring, starting or garbled indexer as unavailable', async () => {
    reply = () => 'stall';
    const started = Date.now();
    expect(await read({ timeoutMs: 300 })).toEqual({ kind: 'unavailable', why: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(5_000);
    reply = () => [500, '{"error":"pg down"}'];
    expect(await read()).toEqual({ kind: 'unavailable', why: 'unreachable' });
    reply = () => [503, '{"error":"not started"}'];
    expect(await read()).toEqual({ kind: 'unavailable', why: 'not-ready' });
    reply = () => [200, '<html>a proxy page</html>'];
    expect(await read()).toEqual({ kind: 'unavailable', why: 'unreachable' });
    reply = () => [200, '{"error":"x"}'];
    expect(await read()).toEqual({ kind: 'unavailable', why: 'unreachable' });
  });

  it('asks nothing where no indexer is configured', async () => {
    asked.length = 0;
    expect(await read({ indexerUrl: undefined })).toEqual({ kind: 'no-indexer' });
    expect(asked).toHaveLength(0);
  });
});
