/**
 * Waiting for a sent transaction's receipt (docs/architecture.md, "Wallets"). Through an ordinary wallet, the
 * hash the wallet returns is the transaction's, and the app's own RPC is asked for its receipt. Through a Safe
 * (wagmi's `safe` connector: the app running as a Safe app, as the treasury uses it), the wallet returns the
 * Safe transaction's hash instead: the transaction that executes it exists only once enough owners have
 * signed and someone has executed it, and it has another hash, which the RPC has never heard of. The Safe's
 * own provider maps one to the other when asked for `eth_getTransactionReceipt`, so through a Safe the receipt
 * is asked of the wallet, for as long as the signers take.
 */
import {
  type EIP1193Provider,
  formatTransactionReceipt,
  type Hash,
  type RpcTransactionReceipt,
  type TransactionReceipt,
} from 'viem';
import type { Config } from 'wagmi';
import { RECEIPT_POLLING_MS } from './config.ts';

/** Polls a wallet's provider until it has a receipt for `hash`. */
export async function receiptThroughWallet(
  provider: Pick<EIP1193Provider, 'request'>,
  hash: Hash,
  pollMs = RECEIPT_POLLING_MS,
): Promise<TransactionReceipt> {
  for (;;) {
    const raw = (await provider.request({
      method: 'eth_getTransactionReceipt',
      params: [hash],
    })) as RpcTransactionReceipt | null;
    if (raw) return formatTransactionReceipt(raw);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The receipt of a transaction the connected wallet sent, wherever it is to be found. */
export async function waitForReceipt(
  config: Config,
  hash: Hash,
  chainId: number,
): Promise<TransactionReceipt> {
  const { getAccount, waitForTransactionReceipt } = await import('wagmi/actions');
  const connector = getAccount(config).connector;
  if (connector?.id === 'safe') {
    const provider = (await connector.getProvider()) as Pick<EIP1193Provider, 'request'>;
    return receiptThroughWallet(provider, hash);
  }
  return waitForTransactionReceipt(config, { hash, chainId });
}
