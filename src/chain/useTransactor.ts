/**
 * The one path every write takes: simulate (to surface the revert reason before the wallet opens), sign,
 * wait for the receipt, then refresh exactly the queries the caller says the write changed (queryKeys.ts's
 * `refreshAfter`), not every query of the app. Each step is a state the UI can show and an event for the
 * reporter the app shell provides (one toast per write, with an explorer link where the chain has one);
 * every failure becomes one clear sentence (errors.ts), said once, by that reporter.
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Abi, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from 'viem';
import { describeError, type TxErrorKind } from './errors.ts';
import { useTxReporter } from './txReporter.ts';
import { walletConfig } from './wallet.ts';

export type TxState =
  | { status: 'idle' }
  | { status: 'signing'; label: string }
  | { status: 'pending'; label: string; hash: Hash }
  | { status: 'confirmed'; label: string; hash: Hash }
  | { status: 'failed'; label: string; kind: TxErrorKind; message: string; hash?: Hash };

export interface WriteRequest<
  abi extends Abi,
  name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
> {
  address: `0x${string}`;
  abi: abi;
  functionName: name;
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>;
  value?: bigint;
  chainId: number;
}

let nextTxId = 0;

export function useTransactor() {
  const queryClient = useQueryClient();
  const report = useTxReporter();
  const [state, setState] = useState<TxState>({ status: 'idle' });

  const send = useCallback(
    async <const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      label: string,
      request: WriteRequest<abi, name>,
      refresh: readonly QueryKey[],
    ): Promise<TransactionReceipt | undefined> => {
      const id = `tx-${nextTxId++}`;
      let explorer: string | undefined;
      const at = (hash: Hash) => (explorer ? { explorerTx: `${explorer}/tx/${hash}` } : {});
      setState({ status: 'signing', label });
      report({ id, label, stage: 'signing' });
      let hash: Hash | undefined;
      try {
        // wagmi and its actions arrived with the wallet layer: no write starts before a wallet is connected.
        const config = walletConfig();
        explorer = config.chains.find((c) => c.id === request.chainId)?.blockExplorers?.default.url;
        const { simulateContract, waitForTransactionReceipt, writeContract } = await import('wagmi/actions');
        // `send` is typed for callers by WriteRequest; wagmi's action generics cannot follow a generic ABI
        // through a hook, so the two calls below are where that typing is handed over.
        const { request: simulated } = await simulateContract(config, request as never);
        hash = await writeContract(config, simulated as never);
        setState({ status: 'pending', label, hash });
        report({ id, label, stage: 'pending', hash, ...at(hash) });
        const receipt = await waitForTransactionReceipt(config, { hash, chainId: request.chainId });
        if (receipt.status !== 'success') {
          const message = 'The transaction reverted on chain.';
          setState({ status: 'failed', label, kind: 'reverted', message, hash });
          report({ id, label, stage: 'failed', kind: 'reverted', message, hash, ...at(hash) });
          return undefined;
        }
        setState({ status: 'confirmed', label, hash });
        report({ id, label, stage: 'confirmed', hash, ...at(hash) });
        await Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        return receipt;
      } catch (error) {
        const { kind, message } = describeError(error);
        setState({ status: 'failed', label, kind, message, ...(hash ? { hash } : {}) });
        report({ id, label, stage: 'failed', kind, message, ...(hash ? { hash, ...at(hash) } : {}) });
        return undefined;
      }
    },
    [queryClient, report],
  );

  const busy = state.status === 'signing' || state.status === 'pending';
  return { state, busy, send, reset: () => setState({ status: 'idle' }) };
}
