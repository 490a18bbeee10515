/**
 * Following a sent transaction to its fate, once per transaction however many views ask (docs/architecture.md,
 * "Transactions"): the write that sent it waits on it, and after a reload the app shell resumes it from the
 * remembered list (sentTransactions.ts). Each step is told to the reporter; the remembered entry is dropped only
 * once the fate is known and the queries it changed are read again.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Hash } from 'viem';
import { describeWatchTrouble, REVERTED_ON_CHAIN } from '../errors/errors.ts';
import type { TxReporter } from '../react/txReporter.ts';
import { type ReceiptSource, type TxFate, watchTransaction } from './receipts.ts';
import { forgetSent, type SentTransaction } from './sentTransactions.ts';

const watching = new Map<string, Promise<TxFate>>();

export interface SettleContext {
  source: ReceiptSource;
  report: TxReporter;
  queryClient: QueryClient;
  /** The explorer's page of a transaction, where the chain has an explorer. */
  explorerTx?: (hash: Hash) => string | undefined;
  /** The reporter's id for this write (one toast per write); resumed writes use one made from the hash. */
  id?: string;
  pollMs?: number;
}

/** The toast id of a write resumed after a reload. */
export const resumedId = (hash: Hash) => `tx-${hash.toLowerCase()}`;

/** Waits for `tx`'s fate and tells it; a second call for the same hash joins the first. */
export function settleSent(tx: SentTransaction, ctx: SettleContext): Promise<TxFate> {
  const key = tx.hash.toLowerCase();
  const running = watching.get(key);
  if (running) return running;
  const id = ctx.id ?? resumedId(tx.hash);
  const explorer = ctx.explorerTx?.(tx.hash);
  const base = { id, label: tx.label, hash: tx.hash, ...(explorer ? { explorerTx: explorer } : {}) };
  const run = (async () => {
    ctx.report({ ...base, stage: 'pending' });
    const fate = await watchTransaction(ctx.source, tx.hash, {
      ...(ctx.pollMs ? { pollMs: ctx.pollMs } : {}),
      onTrouble: (error) =>
        ctx.report(
          error === undefined
            ? { ...base, stage: 'pending' }
            : { ...base, stage: 'unconfirmed', message: describeWatchTrouble(error) },
        ),
    });
    // What the write changed is read again before the entry goes, so no view shows the old state as current.
    await Promise.all(tx.refresh.map((queryKey) => ctx.queryClient.invalidateQueries({ queryKey })));
    if (fate.kind === 'replaced') ctx.report({ ...base, stage: 'replaced' });
    else if (fate.receipt.status === 'success') ctx.report({ ...base, stage: 'confirmed' });
    else
      ctx.report({
        ...base,
        stage: 'failed',
        kind: 'reverted',
        message: REVERTED_ON_CHAIN,
      });
    forgetSent(tx.hash);
    return fate;
  })().finally(() => watching.delete(key));
  watching.set(key, run);
  return run;
}

/** Whether this page is already following `hash`. */
export const isWatching = (hash: Hash) => watching.has(hash.toLowerCase());
