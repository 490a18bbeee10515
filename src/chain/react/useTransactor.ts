/**
 * The one path every write takes (docs/architecture.md, "Transactions"): simulate (to surface the revert reason
 * before the wallet opens) and estimate its gas with headroom through the app's endpoint, sign, remember it
 * across reloads, follow it to its fate (a receipt or a replacement, read through any number of failed reads),
 * then refresh exactly the queries the caller says the write changed (queryKeys.ts's `refreshAfter`), not every
 * query of the app. A failure before the wallet is asked says nothing was sent; after it has sent, only the
 * chain can say "failed". Each step is a state the UI can show and an event for the
 * reporter the app shell provides (one toast per write, with an explorer link where the chain has one);
 * every failure becomes one clear sentence (errors.ts), said once, by that reporter. Contract writes take
 * `send`; a call with no ABI behind it (the CREATE2 proxy's, docs/treasury.md §2) takes `sendCall`.
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Abi, Address, ContractFunctionName, Hash, TransactionReceipt } from 'viem';
import type { Config } from 'wagmi';
import { describeSendError, REVERTED_ON_CHAIN, type SendPhase, type TxErrorKind } from '../errors/errors.ts';
import { rememberSent, type SentIntent, type SentTransaction } from '../tx/sentTransactions.ts';
import { settleSent } from '../tx/sentWatch.ts';
import { walletConfig } from '../wallet/wallet.ts';
import { receiptSourceFor } from '../wallet/walletReceipts.ts';
import {
  type CallRequest,
  callSubmission,
  contractSubmission,
  type Submission,
  type WriteRequest,
} from './submissions.ts';
import { useTxReporter } from './txReporter.ts';

export type { CallRequest, WriteRequest } from './submissions.ts';

export type TxState =
  | { status: 'idle' }
  /** Simulated and priced through the app's endpoint, before the wallet is asked. */
  | { status: 'preparing'; label: string }
  | { status: 'signing'; label: string }
  /** Sent: its fate is not known yet. Never "failed" from here unless the chain says so. */
  | { status: 'pending'; label: string; hash: Hash }
  | { status: 'confirmed'; label: string; hash: Hash }
  /** Another transaction from the account took its nonce (sped up or cancelled in the wallet). */
  | { status: 'replaced'; label: string; hash: Hash }
  | { status: 'failed'; label: string; kind: TxErrorKind; message: string; hash?: Hash };

let nextTxId = 0;

/** How often, and for how long, a failed endpoint is asked again whether it answers. */
const ENDPOINT_PROBE_MS = 3_000;
const ENDPOINT_PROBES = 200;

/**
 * Resolves once the chain's endpoint answers a read again, so a "not sent" report can go. After ten minutes
 * it stops asking and never resolves: the report then stays until it is dismissed.
 */
async function endpointAnswers(config: Config, chainId: number): Promise<void> {
  const { getBlockNumber } = await import('wagmi/actions');
  for (let probe = 0; probe < ENDPOINT_PROBES; probe++) {
    await new Promise((resolve) => setTimeout(resolve, ENDPOINT_PROBE_MS));
    const answered = await getBlockNumber(config, { chainId, cacheTime: 0 }).then(
      () => true,
      () => false,
    );
    if (answered) return;
  }
  return new Promise<void>(() => {});
}

export function useTransactor() {
  const queryClient = useQueryClient();
  const report = useTxReporter();
  const [state, setState] = useState<TxState>({ status: 'idle' });

  /** One write's life: prepared, signed, remembered, then followed to its fate (sentWatch.ts). */
  const run = useCallback(
    async <P>(
      label: string,
      chainId: number,
      refresh: readonly QueryKey[],
      intent: SentIntent,
      submission: Submission<P>,
    ): Promise<TransactionReceipt | undefined> => {
      const id = `tx-${nextTxId++}`;
      const fail = (phase: SendPhase, error: unknown, config?: Config) => {
        const { kind, message } = describeSendError(error, phase);
        setState({ status: 'failed', label, kind, message });
        // An endpoint that was down may come back: the report goes once it answers again.
        const causeGone = kind === 'unreachable' && config ? endpointAnswers(config, chainId) : undefined;
        report({ id, label, stage: 'failed', kind, message, ...(causeGone ? { causeGone } : {}) });
        return undefined;
      };
      setState({ status: 'preparing', label });
      report({ id, label, stage: 'preparing' });
      let config: Config;
      let account: Address;
      try {
        // wagmi and its actions arrived with the wallet layer: no write starts before a wallet is connected.
        config = walletConfig();
        const { getAccount } = await import('wagmi/actions');
        const connected = getAccount(config).address;
        if (!connected) throw new Error('Connect a wallet first.');
        account = connected;
      } catch (error) {
        return fail('prepare', error);
      }
      const explorer = config.chains.find((c) => c.id === chainId)?.blockExplorers?.default.url;
      const explorerTx = (hash: Hash) => (explorer ? `${explorer}/tx/${hash}` : undefined);
      let prepared: P;
      try {
        prepared = await submission.prepare(config, account);
      } catch (error) {
        return fail('prepare', error, config);
      }
      setState({ status: 'signing', label });
      report({ id, label, stage: 'signing' });
      let hash: Hash;
      try {
        hash = await submission.sign(config, prepared);
      } catch (error) {
        return fail('sign', error, config);
      }
      const sent: SentTransaction = { hash, chainId, account, label, sentAt: Date.now(), intent, refresh };
      // Remembered before anything else can go wrong: a reload from here on still knows it is in flight.
      rememberSent(sent);
      setState({ status: 'pending', label, hash });
      const source = await receiptSourceFor(config, chainId);
      const fate = await settleSent(sent, { source, report, queryClient, explorerTx, id });
      if (fate.kind === 'replaced') {
        setState({ status: 'replaced', label, hash });
        return undefined;
      }
      if (fate.receipt.status !== 'success') {
        setState({ status: 'failed', label, kind: 'reverted', message: REVERTED_ON_CHAIN, hash });
        return undefined;
      }
      setState({ status: 'confirmed', label, hash });
      return fate.receipt;
    },
    [queryClient, report],
  );

  /** A contract write, checked against its ABI here; `contractSubmission` takes it with the ABI widened. */
  const send = useCallback(
    <const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      label: string,
      request: WriteRequest<abi, name>,
      refresh: readonly QueryKey[],
      intent: SentIntent = { kind: 'other' },
    ): Promise<TransactionReceipt | undefined> =>
      run(label, request.chainId, refresh, intent, contractSubmission(request)),
    [run],
  );

  /** A `CallRequest`: simulated with `eth_call` from the connected account, then sent as it is. */
  const sendCall = useCallback(
    (label: string, request: CallRequest, refresh: readonly QueryKey[]) =>
      run(label, request.chainId, refresh, { kind: 'other' }, callSubmission(request)),
    [run],
  );

  const busy = state.status === 'preparing' || state.status === 'signing' || state.status === 'pending';
  return { state, busy, send, sendCall, reset: () => setState({ status: 'idle' }) };
}
