/**
 * The one path every write takes: simulate (to surface the revert reason before the wallet opens), sign,
 * wait for the receipt, then refresh what the write changed. Each step is a state the UI can show, and
 * every failure becomes one clear sentence (errors.ts).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Abi, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from 'viem';
import { useConfig } from 'wagmi';
import { simulateContract, waitForTransactionReceipt, writeContract } from 'wagmi/actions';
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

export function useTransactor() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TxState>({ status: 'idle' });

  const send = useCallback(
    async <const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      label: string,
      request: WriteRequest<abi, name>,
    ): Promise<TransactionReceipt | undefined> => {
      setState({ status: 'signing', label });
      let hash: Hash | undefined;
      try {
        const { request: simulated } = await simulateContract(config, request as never);
        hash = await writeContract(config, simulated as never);
        setState({ status: 'pending', label, hash });
        const receipt = await waitForTransactionReceipt(config, { hash, chainId: request.chainId });
        if (receipt.status !== 'success') {
          setState({
            status: 'failed',
            label,
            kind: 'reverted',
            message: 'The transaction reverted on chain.',
            hash,
          });
          return undefined;
        }
        setState({ status: 'confirmed', label, hash });
        await queryClient.invalidateQueries();
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
        return undefined;
      }
    },
    [config, queryClient],
  );

  return { state, send, reset: () => setState({ status: 'idle' }) };
}
