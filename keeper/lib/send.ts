/**
 * Estimating and sending the keeper's transactions (docs/keeper.md, "Robustness"). Every send takes its nonce
 * from the keeper's own count (nonce.ts). A send refused with 429 never reached a node, so it is sent again with
 * the same nonce after what `retry-after` asks; viem never retries a send itself, since a send retried after
 * an ambiguous failure could go out twice. Any other failure makes the keeper re-read its nonce from the chain
 * before the next send, and the next tick decides afresh (a pool upkept after all is no longer due).
 */
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type EstimateContractGasParameters,
  type Hash,
  type TransactionReceipt,
  TransactionReceiptNotFoundError,
  type WriteContractParameters,
} from 'viem';
import { classifyLogError } from '../../src/chain/history/logErrors.ts';
import { withGasHeadroom } from '../../src/chain/tx/gas.ts';
import type { KeeperContext } from './context.ts';
import { errorText } from './log.ts';

/** How many times a rate-limited send is tried again. */
const SEND_RETRIES = 5;
/** The wait after a 429 that names no `retry-after`, doubled on each retry. */
const RATE_LIMIT_BACKOFF_MS = 500;
/** How often a receipt is asked for, unless the context says. */
const DEFAULT_RECEIPT_POLLING_MS = 1000;

/** A write, checked against its ABI where it is built (`contractCall`), carried untyped from there on. */
export interface ContractCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
}

/** Type-checks a write's name and arguments against its ABI. */
export function contractCall<
  const abi extends Abi,
  name extends ContractFunctionName<abi, 'nonpayable'>,
  const args extends ContractFunctionArgs<abi, 'nonpayable', name>,
>(call: { address: Address; abi: abi; functionName: name; args: args }): ContractCall {
  return call as ContractCall;
}

export class TransactionFailedError extends Error {
  constructor(
    message: string,
    readonly hash: Hash,
    readonly receipt?: TransactionReceipt,
  ) {
    super(message);
    this.name = 'TransactionFailedError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Gas for `call` from the keeper's account, at the keeper's block tag (the devnet's pending block). */
export async function estimate(ctx: KeeperContext, call: ContractCall): Promise<bigint> {
  return ctx.client.estimateContractGas({
    ...call,
    account: ctx.account,
    blockTag: ctx.blockTag,
  } as EstimateContractGasParameters);
}

/**
 * Polls for `hash`'s receipt until it comes or the timeout passes, riding out failed polls (an endpoint down
 * for a while). viem's `waitForTransactionReceipt` is not used: a poll that outlives its timeout leaves a block
 * watcher behind, and a later wait then waits for a new block that a quiet chain may never make.
 */
async function receiptOf(ctx: KeeperContext, hash: Hash): Promise<TransactionReceipt> {
  const deadline = Date.now() + ctx.receiptTimeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await ctx.client.getTransactionReceipt({ hash });
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError)) lastError = error;
    }
    if (Date.now() >= deadline) {
      // Still pending, dropped or replaced: whichever it is, the count may be wrong now.
      ctx.nonces.reset();
      const why = lastError ? `: ${errorText(lastError)}` : '';
      throw new TransactionFailedError(
        `no receipt for ${hash} within ${ctx.receiptTimeoutMs / 1000} s${why}`,
        hash,
      );
    }
    await sleep(ctx.receiptPollingMs ?? DEFAULT_RECEIPT_POLLING_MS);
  }
}

/** Sends `call` with the keeper's nonce and `gas` plus headroom, and waits for its receipt. */
export async function sendAndWait(
  ctx: KeeperContext,
  call: ContractCall,
  gas: bigint,
): Promise<TransactionReceipt> {
  let hash: Hash | undefined;
  for (let attempt = 0; hash === undefined; attempt++) {
    const nonce = await ctx.nonces.next();
    try {
      const request = {
        ...call,
        account: ctx.account,
        chain: ctx.chain,
        nonce,
        // An upkeep's cost depends on the commits it executes, which may still grow.
        gas: withGasHeadroom(gas),
      };
      hash = await ctx.wallet.writeContract(request as unknown as WriteContractParameters);
      ctx.nonces.used(nonce);
    } catch (error) {
      const verdict = classifyLogError(error);
      if (verdict.kind === 'rate-limited' && attempt < SEND_RETRIES) {
        await sleep(verdict.retryAfterMs ?? RATE_LIMIT_BACKOFF_MS * 2 ** attempt);
        continue;
      }
      ctx.nonces.reset();
      throw error;
    }
  }
  const receipt = await receiptOf(ctx, hash);
  if (receipt.status !== 'success')
    throw new TransactionFailedError(`transaction ${hash} reverted`, hash, receipt);
  return receipt;
}
