/**
 * Learning a sent transaction's fate (docs/architecture.md, "Transactions"). The one rule: nothing is called
 * failed unless the chain says so. A receipt read that fails (a 429, a timeout, an endpoint down for a
 * minute) says nothing about the transaction, so it is read again, as long as it takes; only a receipt with
 * status "reverted", or another transaction taking the same nonce, ends the wait with something other than
 * success.
 *
 * Through an ordinary wallet, the hash the wallet returns is the transaction's, and the app's own endpoint is
 * asked for its receipt. Through a Safe (wagmi's `safe` connector: the app running as a Safe app, as the
 * treasury uses it), the wallet returns the Safe transaction's hash instead: the transaction that executes it
 * exists only once enough owners have signed and someone has executed it, and it has another hash, which the
 * endpoint has never heard of. The Safe's own provider maps one to the other when asked for
 * `eth_getTransactionReceipt`, so through a Safe the receipt is asked of the wallet, for as long as the
 * signers take.
 */
import {
  type Address,
  type EIP1193Provider,
  formatTransactionReceipt,
  type Hash,
  type PublicClient,
  type RpcTransactionReceipt,
  TransactionNotFoundError,
  type TransactionReceipt,
  TransactionReceiptNotFoundError,
} from 'viem';
import { RECEIPT_POLLING_MS } from '../config/config.ts';
import { classifyLogError } from '../history/logErrors.ts';

/** Where receipts of one wallet's transactions are read. `null`: not mined yet (or unknown there). */
export interface ReceiptSource {
  receipt(hash: Hash): Promise<TransactionReceipt | null>;
  /**
   * The sender and nonce of a sent transaction, and how many of the sender's transactions are mined: what
   * tells that another transaction took its nonce. Absent where hashes are not the chain's (a Safe).
   */
  nonces?: {
    sent(hash: Hash): Promise<{ from: Address; nonce: number } | null>;
    mined(account: Address): Promise<number>;
  };
}

export type TxFate =
  | { kind: 'mined'; receipt: TransactionReceipt }
  /** Another transaction from the same account took its nonce: the wallet sped it up or cancelled it. */
  | { kind: 'replaced' };

export interface WatchOptions {
  pollMs?: number;
  /** Told each time a read fails, with the error, and once reads answer again (`undefined`). */
  onTrouble?: (error: unknown) => void;
  signal?: AbortSignal;
}

/** The longest wait between two reads while the endpoint fails. */
const MAX_BACKOFF_MS = 15_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** A receipt source over the app's own endpoint. */
export function rpcReceipts(client: PublicClient): ReceiptSource {
  return {
    receipt: (hash) =>
      client.getTransactionReceipt({ hash }).catch((error: unknown) => {
        if (error instanceof TransactionReceiptNotFoundError) return null;
        throw error;
      }),
    nonces: {
      sent: (hash) =>
        client.getTransaction({ hash }).then(
          (tx) => ({ from: tx.from, nonce: tx.nonce }),
          (error: unknown) => {
            if (error instanceof TransactionNotFoundError) return null;
            throw error;
          },
        ),
      mined: (account) => client.getTransactionCount({ address: account, blockTag: 'latest' }),
    },
  };
}

/** A receipt source over a wallet's own provider (a Safe). */
export function walletReceipts(provider: Pick<EIP1193Provider, 'request'>): ReceiptSource {
  return {
    async receipt(hash) {
      const raw = (await provider.request({
        method: 'eth_getTransactionReceipt',
        params: [hash],
      })) as RpcTransactionReceipt | null;
      return raw ? formatTransactionReceipt(raw) : null;
    },
  };
}

/**
 * Waits for `hash`'s fate: its receipt, or its replacement. Failed reads are retried with a growing wait
 * (what a 429's retry-after asks, when it says), never turned into a failure.
 */
export async function watchTransaction(
  source: ReceiptSource,
  hash: Hash,
  { pollMs = RECEIPT_POLLING_MS, onTrouble, signal }: WatchOptions = {},
): Promise<TxFate> {
  let sender: { from: Address; nonce: number } | null = null;
  let failures = 0;
  for (;;) {
    if (signal?.aborted) throw signal.reason;
    try {
      // The mined count is read before the receipt: a count past the nonce with still no receipt after it
      // can only mean another transaction took the nonce.
      const mined = sender && source.nonces ? await source.nonces.mined(sender.from) : undefined;
      const receipt = await source.receipt(hash);
      if (receipt) return { kind: 'mined', receipt };
      if (sender && mined !== undefined && mined > sender.nonce) return { kind: 'replaced' };
      if (!sender && source.nonces) sender = await source.nonces.sent(hash);
      if (failures > 0) onTrouble?.(undefined);
      failures = 0;
      await sleep(pollMs, signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      failures += 1;
      onTrouble?.(error);
      const verdict = classifyLogError(error);
      const backoff = Math.min(MAX_BACKOFF_MS, pollMs * 2 ** Math.min(failures, 4));
      await sleep(verdict.kind === 'rate-limited' ? (verdict.retryAfterMs ?? backoff) : backoff, signal);
    }
  }
}
