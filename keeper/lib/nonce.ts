/**
 * The keeper's own nonce (docs/keeper.md, "Robustness"). Behind several RPC endpoints (viem's `fallback`),
 * or one load-balanced provider, two reads of `eth_getTransactionCount` can come from nodes at different
 * heights, and a nonce read just after a send can still be the old one: sending twice with it replaces or
 * loses a transaction. So the keeper reads the nonce from the chain once, counts it up itself after every
 * accepted send, and reads it again only after a send failed (when it no longer knows whether the node took
 * the transaction) or a receipt never came.
 */
import type { Address, PublicClient } from 'viem';

export interface NonceManager {
  /** The nonce for the next transaction: the chain's pending count the first time and after a reset. */
  next(): Promise<number>;
  /** The transaction sent with `nonce` was accepted by the node: the next one uses `nonce + 1`. */
  used(nonce: number): void;
  /** Forget the count: the next send re-reads it from the chain. */
  reset(): void;
  /** What `next()` would return without reading the chain, if known (for logs and tests). */
  readonly current: number | undefined;
}

export function nonceManager(client: PublicClient, address: Address): NonceManager {
  let current: number | undefined;
  return {
    async next() {
      if (current === undefined) current = await client.getTransactionCount({ address, blockTag: 'pending' });
      return current;
    },
    used(nonce) {
      current = nonce + 1;
    },
    reset() {
      current = undefined;
    },
    get current() {
      return current;
    },
  };
}
