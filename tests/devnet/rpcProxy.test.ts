import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devnetClients } from '../../devnet/lib/clients.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { LOG_RANGE_ERRORS } from '../../devnet/lib/rpcFaults.ts';
import { type RpcProxy, startRpcProxy } from '../../devnet/lib/rpcProxy.ts';

interface RpcReply {
  id: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

const call = (method: string, params: unknown[] = [], id: unknown = 1) => ({
  jsonrpc: '2.0',
  id,
  method,
  params,
});
const hex = (n: number) => `0x${n.toString(16)}`;
const MISSING_TRIE_NODE = /^missing trie node [0-9a-f]{64} \(path \) state is not available$/;
const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

async function post(url: string, body: unknown): Promise<{ res: Response; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { res, json: await res.json() };
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<RpcReply> {
  return (await post(url, call(method, params))).json as RpcReply;
}

async function result<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const reply = await rpc(url, method, params);
  if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
  return reply.result as T;
}

describe('rpc proxy', () => {
  let node: RunningNode;
  let proxy: RpcProxy;
  let head: number;
  let logBlock: number;

  beforeAll(async () => {
    node = await startNode({ port: await freePort() });
    // One log to count: a contract whose constructor runs LOG0 and stops.
    const [from] = await result<string[]>(node.rpcUrl, 'eth_accounts');
    const tx = await result<string>(node.rpcUrl, 'eth_sendTransaction', [{ from, data: '0x60006000a000' }]);
    // Automine answers before the receipt is stored, so wait for it.
    let receipt: { blockNumber: string } | null = null;
    while (!receipt) receipt = await result(node.rpcUrl, 'eth_getTransactionReceipt', [tx]);
    logBlock = Number(receipt.blockNumber);
    // Past the 128-block state window. Not past 10,000: anvil mines ever slower as its chain grows.
    await devnetClients(node.rpcUrl).test.mine({ blocks: 0x200 });
    head = Number(await result<string>(node.rpcUrl, 'eth_blockNumber'));
    proxy = await startRpcProxy({ upstream: node.rpcUrl, latencyMs: [0, 0], rateLimitShare: 0 });
  });

  afterAll(async () => {
    await proxy?.close();
    await node?.stop();
  });

  beforeEach(() => {
    proxy.setFaults({
      latencyMs: [0, 0],
      rateLimitShare: 0,
      retryAfterSeconds: 1,
      maxLogRange: 10_000,
      maxLogResults: 10_000,
      logRangeError: LOG_RANGE_ERRORS[0],
      stateWindow: 128,
    });
    proxy.resetStats();
  });

  it('forwards calls with CORS headers and answers the preflight; other paths and methods are refused', async () => {
    expect(proxy.url).toBe(`http://127.0.0.1:${proxy.port}`);
    const { res, json } = await post(proxy.url, call('eth_chainId'));
    expect(res.status).toBe(200);
    expect(json).toEqual({ jsonrpc: '2.0', id: 1, result: '0x7a69' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('retry-after');

    const preflight = await fetch(proxy.url, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');

    const get = await fetch(proxy.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    const elsewhere = await fetch(`${proxy.url}/other`, { method: 'POST', body: '{}' });
    expect(elsewhere.status).toBe(404);

    const garbled = await fetch(proxy.url, { method: 'POST', body: '{not json' });
    expect(((await garbled.json()) as RpcReply).error?.code).toBe(-32700);
  });

  it('refuses an eth_getLogs range of 10,001 blocks with the default wording and forwards 10,000', async () => {
    const wide = await rpc(proxy.url, 'eth_getLogs', [{ fromBlock: '0x1', toBlock: hex(10_001) }]);
    expect(wide.error).toEqual(LOG_RANGE_ERRORS[0]);
    expect(proxy.stats.rangeRefusals).toBe(1);
    // Anvil answers a range past its head with the logs it has, here the one log.
    const fits = await result(proxy.url, 'eth_getLogs', [{ fromBlock: '0x1', toBlock: hex(10_000) }]);
    expect(fits).toHaveLength(1);
    expect(proxy.stats.rangeRefusals).toBe(1);
  });

  it('measures a range inclusively, with tags and a missing bound taken as the head', async () => {
    proxy.setFaults({ maxLogRange: head + 1 });
    expect(await result(proxy.url, 'eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest' }])).toHaveLength(1);
    proxy.setFaults({ maxLogRange: head });
    for (const filter of [{ fromBlock: 'earliest', toBlock: 'finalized' }, { fromBlock: '0x0' }]) {
      expect((await rpc(proxy.url, 'eth_getLogs', [filter])).error).toEqual(LOG_RANGE_ERRORS[0]);
    }
    expect(await result(proxy.url, 'eth_getLogs', [{ fromBlock: '0x1', toBlock: 'safe' }])).toHaveLength(1);
    // Both bounds missing is the head block alone.
    expect(await result(proxy.url, 'eth_getLogs', [{}])).toEqual([]);
    expect(proxy.stats.rangeRefusals).toBe(2);
  });

  it('can answer with every wording in LOG_RANGE_ERRORS', async () => {
    expect(LOG_RANGE_ERRORS.length).toBeGreaterThanOrEqual(3);
    for (const wording of LOG_RANGE_ERRORS) {
      proxy.setFaults({ logRangeError: wording });
      const reply = await rpc(proxy.url, 'eth_getLogs', [{ fromBlock: '0x0', toBlock: hex(10_000) }]);
      expect(reply.error).toEqual(wording);
    }
    proxy.setFaults({ maxLogRange: 100, logRangeError: LOG_RANGE_ERRORS[2] });
    const narrow = await rpc(proxy.url, 'eth_getLogs', [{ fromBlock: '0x1', toBlock: hex(101) }]);
    expect(narrow.error).toEqual(LOG_RANGE_ERRORS[2]);
  });

  it('refuses an eth_getLogs answer with more results than maxLogResults', async () => {
    proxy.setFaults({ maxLogResults: 0 });
    const range = { fromBlock: hex(logBlock), toBlock: hex(logBlock) };
    const reply = await rpc(proxy.url, 'eth_getLogs', [range]);
    expect(reply.error).toEqual({ code: -32005, message: 'query returned more than 0 results' });
    proxy.setFaults({ maxLogResults: 1 });
    expect(await result<unknown[]>(proxy.url, 'eth_getLogs', [range])).toHaveLength(1);
  });

  it('refuses state older than head - 128 as a pruned node would, and serves the window and tags', async () => {
    const callAt = (block: unknown) => rpc(proxy.url, 'eth_call', [{ to: ACCOUNT, data: '0x' }, block]);
    const old = await callAt(hex(head - 129));
    expect(old.error?.code).toBe(-32000);
    expect(old.error?.message).toMatch(MISSING_TRIE_NODE);
    expect((await callAt('earliest')).error?.message).toMatch(MISSING_TRIE_NODE);
    expect((await callAt({ blockNumber: '0x1' })).error?.message).toMatch(MISSING_TRIE_NODE);
    const storage = await rpc(proxy.url, 'eth_getStorageAt', [ACCOUNT, '0x0', '0x1']);
    expect(storage.error?.message).toMatch(MISSING_TRIE_NODE);
    expect(proxy.stats.prunedRefusals).toBe(4);

    expect(await callAt(hex(head - 128))).toMatchObject({ result: '0x' });
    expect(await callAt('latest')).toMatchObject({ result: '0x' });
    expect(await rpc(proxy.url, 'eth_call', [{ to: ACCOUNT, data: '0x' }])).toMatchObject({ result: '0x' });
    expect(proxy.stats.prunedRefusals).toBe(4);
  });

  it('resolves a { blockHash } block parameter to refuse an old block and serve a recent one', async () => {
    const oldBlock = await result<{ hash: string }>(proxy.url, 'eth_getBlockByNumber', ['0x5', false]);
    const old = await rpc(proxy.url, 'eth_getBalance', [ACCOUNT, { blockHash: oldBlock.hash }]);
    expect(old.error?.message).toMatch(MISSING_TRIE_NODE);
    const recentBlock = await result<{ hash: string }>(proxy.url, 'eth_getBlockByNumber', ['latest', false]);
    const recent = await result<string>(proxy.url, 'eth_getBalance', [
      ACCOUNT,
      { blockHash: recentBlock.hash },
    ]);
    expect(BigInt(recent)).toBeGreaterThan(0n);
  });

  it('answers 429 with a readable retry-after and forwards nothing', async () => {
    proxy.setFaults({ rateLimitShare: 1, retryAfterSeconds: 3 });
    const { res, json } = await post(proxy.url, call('eth_blockNumber', [], 7));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('retry-after');
    expect(json).toEqual({ jsonrpc: '2.0', id: 7, error: { code: -32005, message: 'Too Many Requests' } });
    const batch = await post(proxy.url, [call('eth_chainId', [], 1), call('eth_chainId', [], 2)]);
    expect(batch.res.status).toBe(429);
    expect(batch.json).toMatchObject({ id: null, error: { code: -32005 } });
    expect(proxy.stats).toMatchObject({ httpRequests: 2, calls: 3, rateLimited: 2 });
  });

  it('draws 429s from the seed, so two proxies with one seed agree', async () => {
    const pattern = async () => {
      const other = await startRpcProxy({
        upstream: node.rpcUrl,
        latencyMs: [0, 0],
        rateLimitShare: 0.5,
        seed: 42,
      });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await post(other.url, call('eth_chainId'))).res.status);
      await other.close();
      return statuses;
    };
    const first = await pattern();
    expect(first).toContain(429);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });

  it('answers a batch in order, refused elements in place and the others forwarded', async () => {
    const { res, json } = await post(proxy.url, [
      call('eth_chainId', [], 'a'),
      call('eth_getBalance', [ACCOUNT, '0x1'], 'b'),
      call('eth_getLogs', [{ fromBlock: '0x0', toBlock: hex(20_000) }], 'c'),
      call('eth_blockNumber', [], 'd'),
    ]);
    expect(res.status).toBe(200);
    const replies = json as RpcReply[];
    expect(replies.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(replies[0]?.result).toBe('0x7a69');
    expect(replies[1]?.error?.message).toMatch(MISSING_TRIE_NODE);
    expect(replies[2]?.error).toEqual(LOG_RANGE_ERRORS[0]);
    expect(replies[3]?.result).toBe(hex(head));
    expect(proxy.stats).toEqual({
      httpRequests: 1,
      calls: 4,
      byMethod: { eth_chainId: 1, eth_getBalance: 1, eth_getLogs: 1, eth_blockNumber: 1 },
      rateLimited: 0,
      rangeRefusals: 1,
      prunedRefusals: 1,
    });
  });

  it('goes down with its keep-alive sockets, refuses connections, and comes back on the same port', async () => {
    const port = proxy.port;
    await rpc(proxy.url, 'eth_chainId'); // leaves a keep-alive socket open
    await proxy.down();
    await proxy.down();
    expect(proxy.isUp).toBe(false);
    await expect(fetch(proxy.url, { method: 'POST', body: '{}' })).rejects.toThrow();
    await proxy.up();
    await proxy.up();
    expect(proxy.isUp).toBe(true);
    expect(proxy.port).toBe(port);
    expect((await rpc(proxy.url, 'eth_chainId')).result).toBe('0x7a69');
  });

  it('cuts short a request still waiting out its latency when it goes down', async () => {
    proxy.setFaults({ latencyMs: [5_000, 5_000] });
    const pending = post(proxy.url, call('eth_chainId'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await proxy.down();
    await expect(pending).rejects.toThrow();
    // Well short of the 5 s the request would otherwise wait, with room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(4_000);
    await proxy.up();
    proxy.setFaults({ latencyMs: [0, 0] });
    expect((await rpc(proxy.url, 'eth_chainId')).result).toBe('0x7a69');
  });

  it('answers 502 when the upstream is unreachable', async () => {
    const orphan = await startRpcProxy({
      upstream: `http://127.0.0.1:${await freePort()}`,
      latencyMs: [0, 0],
      rateLimitShare: 0,
    });
    const { res, json } = await post(orphan.url, call('eth_chainId', [], 3));
    await orphan.close();
    expect(res.status).toBe(502);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(json).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32603, message: 'upstream unavailable' } });
  });

  it('delays each request by the drawn latency', async () => {
    proxy.setFaults({ latencyMs: [200, 200] });
    const started = performance.now();
    expect((await rpc(proxy.url, 'eth_chainId')).result).toBe('0x7a69');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});
