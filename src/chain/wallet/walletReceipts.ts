/**
 * Where the connected wallet's transactions are watched for (src/chain/tx/receipts.ts): its Safe's own provider
 * when the app runs as a Safe app, else the chain's endpoint. Here because it asks wagmi which connector is on.
 */
import type { EIP1193Provider, PublicClient } from 'viem';
import type { Config } from 'wagmi';
import { type ReceiptSource, rpcReceipts, walletReceipts } from '../tx/receipts.ts';

/** Where the receipts of the connected wallet's transactions are to be found. */
export async function receiptSourceFor(config: Config, chainId: number): Promise<ReceiptSource> {
  const { getAccount, getPublicClient } = await import('wagmi/actions');
  const connector = getAccount(config).connector;
  if (connector?.id === 'safe') {
    const provider = (await connector.getProvider()) as Pick<EIP1193Provider, 'request'>;
    return walletReceipts(provider);
  }
  const client = getPublicClient(config, { chainId });
  if (!client) throw new Error(`No endpoint is configured for chain ${chainId}.`);
  return rpcReceipts(client as PublicClient);
}
