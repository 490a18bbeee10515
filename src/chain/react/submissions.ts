/**
 * The two kinds of write `useTransactor` runs, each split where the wallet comes in: what happens before it
 * is asked (simulated and priced through the app's endpoint, so a failure there means nothing was sent), and
 * the asking. wagmi's actions are imported when a write starts: they arrive with the wallet layer.
 */
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  encodeFunctionData,
  type Hash,
  type Hex,
} from 'viem';
import type { Config } from 'wagmi';
import type { SimulateContractReturnType } from 'wagmi/actions';
import { withGasHeadroom } from '../tx/gas.ts';

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

/** A write, split where the wallet comes in: what happens before it is asked, and the asking. */
export interface Submission<P> {
  /** Simulates and prices the write through the app's endpoint: a failure here means nothing was sent. */
  prepare(config: Config, account: Address): Promise<P>;
  /** Asks the wallet to sign and send what `prepare` made; resolves with the hash the wallet returns. */
  sign(config: Config, prepared: P): Promise<Hash>;
}

/** What wagmi's simulation hands back for any contract write, with the gas limit to send it with. */
type PreparedWrite = SimulateContractReturnType<Abi, string>['request'] & { gas: bigint };

/**
 * A contract write. It takes the request with its ABI widened to any ABI: callers are checked against the
 * ABI's own function names and arguments where they call `send`, and the widened form is what wagmi's
 * actions accept as it is.
 */
export function contractSubmission(request: WriteRequest<Abi, string>): Submission<PreparedWrite> {
  return {
    async prepare(config, account) {
      const { estimateGas, simulateContract } = await import('wagmi/actions');
      const { request: simulated } = await simulateContract(config, request);
      const gas = await estimateGas(config, {
        to: request.address,
        data: encodeFunctionData(request),
        chainId: request.chainId,
        account,
        ...(request.value ? { value: request.value } : {}),
      });
      return { ...simulated, gas: withGasHeadroom(gas) };
    },
    async sign(config, prepared) {
      const { writeContract } = await import('wagmi/actions');
      return writeContract(config, prepared);
    },
  };
}

/** A `CallRequest`: simulated with `eth_call` from the connected account, then sent as it is. */
export function callSubmission(request: CallRequest): Submission<CallRequest & { gas: bigint }> {
  return {
    async prepare(config, account) {
      const { call, estimateGas } = await import('wagmi/actions');
      await call(config, { ...request, account });
      const gas = await estimateGas(config, { ...request, account });
      return { ...request, gas: withGasHeadroom(gas) };
    },
    async sign(config, prepared) {
      const { sendTransaction } = await import('wagmi/actions');
      return sendTransaction(config, prepared);
    },
  };
}
