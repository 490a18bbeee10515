/**
 * The one path every write takes: simulate (to surface the revert reason before the wallet opens), sign,
 * wait for the receipt, then refresh exactly the queries the caller says the write changed (queryKeys.ts's
 * `refreshAfter`), not every query of the app. Each step is a state the UI can show and an event for the
 * reporter the app shell provides (one toast per write, with an explorer link where the chain has one);
 * every failure becomes one clear sentence (errors.ts), said once, by that reporter. Contract writes take
 * `send`; a call with no ABI behind it (the CREATE2 proxy's, docs/treasury.md §2) takes `sendCall`.
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type {
  Abi,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  Hash,
  Hex,
  TransactionReceipt,
} from 'viem';
import type { Config } from 'wagmi';
import { describeError, type TxErrorKind } from './errors.ts';
import { waitForReceipt } from './receipts.ts';
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

/**
 * A call with no ABI behind it, such as the CREATE2 deployment proxy's `salt ++ initcode` (launchWrites.ts):
 * a plain transaction with a `to`, so that a Safe can send it too. Simulated with `eth_call` from the account.
 */
export interface CallRequest {
  to: Address;
  data: Hex;
  value?: bigint;
  chainId: number;
}

let nextTxId = 0;

export function useTransactor() {
  const queryClient = useQueryClient();
  const report = useTxReporter();
  const [state, setState] = useState<TxState>({ status: 'idle' });

  /** One write's life: `submit` simulates and signs it; the rest (receipt, refresh, reports) is shared. */
  const run = useCallback(
    async (
      label: string,
      chainId: number,
      refresh: readonly QueryKey[],
      submit: (config: Config) => Promise<Hash>,
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
        explorer = config.chains.find((c) => c.id === chainId)?.blockExplorers?.default.url;
        hash = await submit(config);
        setState({ status: 'pending', label, hash });
        report({ id, label, stage: 'pending', hash, ...at(hash) });
        const receipt = await waitForReceipt(config, hash, chainId);
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

  const send = useCallback(
    <const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      label: string,
      request: WriteRequest<abi, name>,
      refresh: readonly QueryKey[],
    ): Promise<TransactionReceipt | undefined> =>
      run(label, request.chainId, refresh, async (config) => {
        const { simulateContract, writeContract } = await import('wagmi/actions');
        // `send` is typed for callers by WriteRequest; wagmi's action generics cannot follow a generic ABI
        // through a hook, so the two calls below are where that typing is handed over.
        const { request: simulated } = await simulateContract(config, request as never);
        return writeContract(config, simulated as never);
      }),
    [run],
  );

  /** A `CallRequest`: simulated with `eth_call` from the connected account, then sent as it is. */
  const sendCall = useCallback(
    (label: string, request: CallRequest, refresh: readonly QueryKey[]) =>
      run(label, request.chainId, refresh, async (config) => {
        const { call, getAccount, sendTransaction } = await import('wagmi/actions');
        const account = getAccount(config).address;
        await call(config, { ...request, ...(account ? { account } : {}) });
        return sendTransaction(config, request);
      }),
    [run],
  );

  const busy = state.status === 'signing' || state.status === 'pending';
  return { state, busy, send, sendCall, reset: () => setState({ status: 'idle' }) };
}
