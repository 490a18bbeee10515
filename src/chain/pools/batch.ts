/**
 * Many typed contract reads, one `eth_call`: calls are queued with their return types kept, then sent as a
 * single Multicall3 aggregate. viem's calldata chunking is switched off so that "one call per refresh"
 * stays true as pools are added. (viem's deployless multicall was tried first: its init code passes the
 * 48 KiB limit at about ten pools, so the devnet places a Multicall3-compatible batcher at its usual address
 * instead: docs/devnet.md, "Multicall3".)
 */
import type {
  Abi,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionParameters,
  ContractFunctionReturnType,
  PublicClient,
} from 'viem';
import { HttpRequestError, RpcRequestError, TimeoutError } from 'viem';
import { multicall } from 'viem/actions';
import { WrongChainEndpointError } from '../config/endpointChain.ts';
import { findCause } from '../errors/errorChain.ts';

const isTransportError = (error: unknown): boolean =>
  findCause(
    error,
    (e) =>
      e instanceof HttpRequestError ||
      e instanceof TimeoutError ||
      e instanceof RpcRequestError ||
      e instanceof WrongChainEndpointError,
  ) !== undefined;

type ReadName<abi extends Abi> = ContractFunctionName<abi, 'pure' | 'view'>;
type ReadArgs<abi extends Abi, name extends ReadName<abi>> = ContractFunctionArgs<abi, 'pure' | 'view', name>;

export class ReadFailedError extends Error {
  constructor(
    readonly functionName: string,
    readonly address: string,
    cause: unknown,
  ) {
    super(`${functionName} on ${address} failed`, { cause });
    this.name = 'ReadFailedError';
  }
}

export interface Slot<T> {
  /** The result; throws ReadFailedError if this one call reverted. */
  readonly value: T;
  readonly ok: boolean;
}

interface Entry {
  call: ContractFunctionParameters;
  result?: { status: 'success'; result: unknown } | { status: 'failure'; error: unknown };
}

export class ReadBatch {
  private readonly entries: Entry[] = [];

  get size(): number {
    return this.entries.length;
  }

  add<const abi extends Abi, name extends ReadName<abi>, const args extends ReadArgs<abi, name>>(
    call: ContractFunctionParameters<abi, 'pure' | 'view', name, args>,
  ): Slot<ContractFunctionReturnType<abi, 'pure' | 'view', name, args>> {
    const entry: Entry = { call: call as unknown as ContractFunctionParameters };
    this.entries.push(entry);
    return {
      get ok() {
        return entry.result?.status === 'success';
      },
      get value() {
        const result = entry.result;
        if (!result) throw new Error('ReadBatch: read before run()');
        if (result.status === 'failure') {
          throw new ReadFailedError(String(call.functionName), call.address, result.error);
        }
        return result.result as ContractFunctionReturnType<abi, 'pure' | 'view', name, args>;
      },
    };
  }

  async run(
    client: PublicClient,
    { multicall3, blockNumber }: { multicall3: Address; blockNumber?: bigint },
  ) {
    if (this.entries.length === 0) return;
    const results = await multicall(client, {
      contracts: this.entries.map((e) => e.call),
      allowFailure: true,
      batchSize: 0,
      multicallAddress: multicall3,
      ...(blockNumber === undefined ? {} : { blockNumber }),
    });
    // With allowFailure, viem marks every call failed when the request itself failed: that is the endpoint
    // failing, not the contracts, and it is said as such rather than as a failed call.
    const first = results[0];
    if (
      first?.status === 'failure' &&
      results.every((r) => r.status === 'failure') &&
      isTransportError(first.error)
    )
      throw first.error;
    results.forEach((result, i) => {
      const entry = this.entries[i];
      if (entry) entry.result = result as Entry['result'];
    });
  }
}
