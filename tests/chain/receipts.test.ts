/**
 * Receipts through a Safe: the wallet returns the Safe transaction's hash, and only the wallet's provider can
 * map it to the executed transaction once the owners have signed. Here a stand-in for the Safe's provider
 * answers "no receipt yet" while the signers take their time, then the real node's receipt of the executing
 * transaction; the transactor's wait must come back with that receipt.
 */
import { type Hash, keccak256, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevnetClients, devnetClients } from '../../devnet/lib/clients.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { walletReceipts, watchTransaction } from '../../src/chain/tx/receipts.ts';

describe('a receipt asked of the wallet (Safe)', () => {
  let node: RunningNode;
  let clients: DevnetClients;
  beforeAll(async () => {
    node = await startNode({ port: await freePort() });
    clients = devnetClients(node.rpcUrl);
  });
  afterAll(() => node?.stop());

  it('waits while the Safe transaction is unsigned, then returns the executing transaction’s receipt', async () => {
    const from = devAccount(ROLE_INDEX.treasury).address;
    const executed = await clients.wallet.sendTransaction({
      account: from,
      chain: clients.chain,
      to: devAccount(ROLE_INDEX.firstUser).address,
      value: 1n,
    });
    const safeTxHash: Hash = keccak256(toHex('a Safe transaction'));
    let asked = 0;
    const safeProvider = {
      async request({ method, params }: { method: string; params?: unknown }) {
        expect(method).toBe('eth_getTransactionReceipt');
        expect(params).toEqual([safeTxHash]);
        asked += 1;
        if (asked < 3) return null;
        return clients.public.request({ method: 'eth_getTransactionReceipt', params: [executed] });
      },
    };
    const fate = await watchTransaction(walletReceipts(safeProvider as never), safeTxHash, { pollMs: 10 });
    expect(asked).toBe(3);
    if (fate.kind !== 'mined') throw new Error('a Safe transaction cannot be replaced by nonce');
    const { receipt } = fate;
    expect(receipt.transactionHash).toBe(executed);
    expect(receipt.status).toBe('success');
    expect(typeof receipt.blockNumber).toBe('bigint');
  });
});
