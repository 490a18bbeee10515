import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, PortTakenError, startNode } from '../../devnet/lib/node.ts';

describe('devnet node', () => {
  let blocker: Server | undefined;
  afterAll(() => blocker?.close());

  it('refuses a port that is taken, with a message that names DEVNET_PORT', async () => {
    const port = await freePort();
    blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker?.once('listening', r));
    const attempt = startNode({ port });
    await expect(attempt).rejects.toBeInstanceOf(PortTakenError);
    await expect(attempt).rejects.toThrow(/DEVNET_PORT/);
  });

  it('starts, answers JSON-RPC with chain id 31337, and leaves nothing on the port when stopped', async () => {
    const port = await freePort();
    const node = await startNode({ port });
    const res = await fetch(node.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    expect(((await res.json()) as { result: string }).result).toBe('0x7a69');
    await node.stop();
    await expect(fetch(node.rpcUrl, { method: 'POST' })).rejects.toThrow();
  });
});
