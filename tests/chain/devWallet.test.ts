import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { startRpcProxy } from '../../devnet/lib/rpcProxy.ts';
import { createDevProvider, ProviderRpcError } from '../../src/chain/wallet/devWallet.ts';

describe('the devnet burner wallet', () => {
  let node: RunningNode;
  beforeAll(async () => {
    node = await startNode({ port: await freePort() });
  });
  afterAll(() => node?.stop());

  it('reveals its account only once connected, signs locally, and the node accepts the transaction', async () => {
    const { address, privateKey } = devAccount(ROLE_INDEX.firstUser + 3);
    const provider = createDevProvider({ rpcUrl: node.rpcUrl, chainId: 31337, address, privateKey });
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([]);
    expect(await provider.request({ method: 'eth_requestAccounts' })).toEqual([address]);
    const to = devAccount(ROLE_INDEX.firstUser + 2).address;
    const before = BigInt(
      (await provider.request({ method: 'eth_getBalance', params: [to, 'latest'] })) as string,
    );
    const hash = await provider.request({
      method: 'eth_sendTransaction',
      params: [{ from: address, to, value: `0x${parseEther('1.5').toString(16)}` }],
    });
    // The node mines on its own schedule: ask until the receipt is there (a bounded wait).
    const waitForReceipt = async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const found = (await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as {
          status: string;
          from: string;
        } | null;
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no receipt for ${String(hash)} after 5 s`);
    };
    const receipt = await waitForReceipt();
    expect(receipt.status).toBe('0x1');
    expect(receipt.from.toLowerCase()).toBe(address.toLowerCase());
    const after = BigInt(
      (await provider.request({ method: 'eth_getBalance', params: [to, 'latest'] })) as string,
    );
    expect(after - before).toBe(parseEther('1.5'));
  });

  it('refuses to switch to any chain but the devnet, with EIP-1193 code 4902', async () => {
    const { address, privateKey } = devAccount(ROLE_INDEX.firstUser);
    const provider = createDevProvider({ rpcUrl: node.rpcUrl, chainId: 31337, address, privateKey });
    const attempt = provider.request({
      method: 'wallet_switchEthereumChain',
      params: [{ chainId: '0xa4b1' }],
    });
    await expect(attempt).rejects.toBeInstanceOf(ProviderRpcError);
    await expect(attempt).rejects.toMatchObject({ code: 4902 });
  });

  it('returns the hash of a send whose answer was lost, having sent it once, and says "not sent" when the node is gone', async () => {
    const proxy = await startRpcProxy({ upstream: node.rpcUrl, latencyMs: [0, 0], rateLimitShare: 0 });
    try {
      const { address, privateKey } = devAccount(ROLE_INDEX.firstUser + 1);
      const provider = createDevProvider({ rpcUrl: proxy.url, chainId: 31337, address, privateKey });
      const to = devAccount(ROLE_INDEX.firstUser + 2).address;
      const count = async () =>
        BigInt(
          (await provider.request({
            method: 'eth_getTransactionCount',
            params: [address, 'latest'],
          })) as string,
        );
      const before = await count();
      // The node gets the transaction and mines it; the answer never comes back; then the receipt check is
      // turned away a few times.
      proxy.scriptFault({ method: 'eth_sendRawTransaction', fault: 'drop-answer', times: 1 });
      proxy.scriptFault({ method: 'eth_getTransactionByHash', fault: 'rate-limit', times: 2 });
      const hash = (await provider.request({
        method: 'eth_sendTransaction',
        params: [{ from: address, to, value: '0x1' }],
      })) as string;
      expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
      const receipt = (await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as {
        status: string;
      };
      expect(receipt.status).toBe('0x1');
      expect(await count()).toBe(before + 1n);

      await proxy.down();
      const refused = await provider
        .request({ method: 'eth_sendTransaction', params: [{ from: address, to, value: '0x1' }] })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ProviderRpcError);
      expect((refused as ProviderRpcError).code).toBe(4900);
    } finally {
      await proxy.close();
    }
  });
});
