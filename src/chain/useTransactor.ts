/**
 * The one path every write takes: simulate (to surface the revert reason before the wallet opens), sign,
 * wait for the receipt, then refresh exactly the queries the caller says the write changed (queryKeys.ts's
 * `refreshAfter`), not every query of the app. Each step is a state the UI can show and a toast
 * that follows it, with an explorer link where the chain has an explorer; every failure becomes one clear
 * sentence (errors.ts).
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Abi, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from 'viem';
import { useConfig } from 'wagmi';
import { simulateContract, waitForTransactionReceipt, writeContract } from 'wagmi/actions';
import { useToasts } from '../ui/Toaster.tsx';
import { describeError, type TxErrorKind } from './errors.ts';

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

let nextToastId = 0;

export function useTransactor() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [state, setState] = useState<TxState>({ status: 'idle' });

  const send = useCallback(
    async <const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      label: string,
      request: WriteRequest<abi, name>,
      refresh: readonly QueryKey[],
    ): Promise<TransactionReceipt | undefined> => {
      const id = `tx-${nextToastId++}`;
      const explorer = config.chains.find((c) => c.id === request.chainId)?.blockExplorers?.default.url;
      const linkOf = (hash: Hash) =>
        explorer ? { link: { href: `${explorer}/tx/${hash}`, label: 'View on explorer' } } : {};
      setState({ status: 'signing', label });
      toasts.show({ id, tone: 'pending', title: label, body: 'Confirm in your wallet.' });
      let hash: Hash | undefined;
      try {
        // `send` is typed for callers by WriteRequest; wagmi's action generics cannot follow a generic ABI
        // through a hook, so the two calls below are where that typing is handed over.
        const { request: simulated } = await simulateContract(config, request as never);
        hash = await writeContract(config, simulated as never);
        setState({ status: 'pending', label, hash });
        toasts.show({
          id,
          tone: 'pending',
          title: label,
          body: 'Sent. Waiting for it to be mined…',
          ...linkOf(hash),
        });
        const receipt = await waitForTransactionReceipt(config, { hash, chainId: request.chainId });
        if (receipt.status !== 'success') {
          const message = 'The transaction reverted on chain.';
          setState({ status: 'failed', label, kind: 'reverted', message, hash });
          toasts.show({ id, tone: 'error', title: `${label} failed`, body: message, ...linkOf(hash) });
          return undefined;
        }
        setState({ status: 'confirmed', label, hash });
        toasts.show({ id, tone: 'success', title: `${label}: confirmed`, ...linkOf(hash) });
        await Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        return receipt;
      } catch (error) {
        const described = describeError(error);
        setState({
          status: 'failed',
          label,
          kind: described.kind,
          message: described.message,
          ...(hash ? { hash } : {}),
        });
        toasts.show({
          id,
          tone: described.kind === 'rejected' ? 'info' : 'error',
          title: described.kind === 'rejected' ? `${label}: cancelled` : `${label} failed`,
          body: described.message,
          ...(hash ? linkOf(hash) : {}),
        });
        return undefined;
      }
    },
    [config, queryClient, toasts],
  );

  return { state, send, reset: () => setState({ status: 'idle' }) };
}
