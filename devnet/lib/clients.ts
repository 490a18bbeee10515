/** viem clients for Node-side devnet actors. Dev accounts are unlocked on the node, so no keys are needed here. */
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  type PublicClient,
  type TestClient,
  type TransactionReceipt,
  type WalletClient,
} from 'viem';
import { CLIENTS, DEVNET_CHAIN_ID } from '../config.ts';

export function devnetChain(rpcUrl: string, multicall3?: Address) {
  return defineChain({
    id: DEVNET_CHAIN_ID,
    name: 'Olympus Pools devnet',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    ...(multicall3 ? { contracts: { multicall3: { address: multicall3 } } } : {}),
  });
}

export interface DevnetClients {
  chain: ReturnType<typeof devnetChain>;
  public: PublicClient;
  wallet: WalletClient;
  test: TestClient<'anvil'>;
}

/**
 * `retryCount` 0 talks straight to the node; behind the provider-like proxy, a few retries ride out its 429s
 * (viem waits what `retry-after` says) and its latency.
 */
export function devnetClients(
  rpcUrl: string,
  { retryCount = 0 }: { retryCount?: number } = {},
): DevnetClients {
  const chain = devnetChain(rpcUrl);
  const transport = http(rpcUrl, { retryCount, retryDelay: CLIENTS.retryDelayMs });
  return {
    chain,
    public: createPublicClient({ chain, transport, pollingInterval: CLIENTS.pollingMs }) as PublicClient,
    wallet: createWalletClient({ chain, transport }),
    test: createTestClient({ chain, transport, mode: 'anvil' }),
  };
}

export class TransactionRevertedError extends Error {
  constructor(
    readonly label: string,
    readonly hash: Hex,
  ) {
    super(`${label} reverted (tx ${hash})`);
    this.name = 'TransactionRevertedError';
  }
}

/** A 429 from the provider-like proxy: the request was never forwarded, so sending it again is safe. */
function rateLimitedFor(error: unknown): number | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { status, headers } = e as { status?: number; headers?: Headers };
    if (status === 429) return 1000 * Number(headers?.get('retry-after') ?? 1);
  }
  return undefined;
}

/**
 * viem never retries a transaction send (a retried send could go out twice), so a rate-limited one is sent
 * again here, after what `retry-after` asks: a 429 means the node never saw it.
 */
async function unlessRateLimited<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const wait = rateLimitedFor(error);
      if (wait === undefined || attempt >= CLIENTS.retriesBehindProxy) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Sends a contract write from an unlocked dev account and waits for a successful receipt. */
export async function write<
  const abi extends Abi,
  name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
  args extends ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>,
>(
  clients: DevnetClients,
  from: Address,
  request: { address: Address; abi: abi; functionName: name; args: args; value?: bigint },
): Promise<TransactionReceipt> {
  // Simulating first surfaces the revert reason instead of a bare failed receipt.
  const { request: simulated } = await clients.public.simulateContract({
    ...request,
    account: from,
    chain: clients.chain,
  } as never);
  const hash = await unlessRateLimited(() =>
    clients.wallet.writeContract({ ...(simulated as object), account: from } as never),
  );
  const receipt = await clients.public.waitForTransactionReceipt({
    hash,
    pollingInterval: CLIENTS.receiptPollingMs,
  });
  if (receipt.status !== 'success') throw new TransactionRevertedError(String(request.functionName), hash);
  return receipt;
}

export async function deploy(
  clients: DevnetClients,
  from: Address,
  abi: Abi,
  bytecode: Hex,
  args: readonly unknown[],
): Promise<Address> {
  const hash = await unlessRateLimited(() =>
    clients.wallet.deployContract({
      abi,
      bytecode,
      args,
      account: from,
      chain: clients.chain,
    } as never),
  );
  const receipt = await clients.public.waitForTransactionReceipt({
    hash,
    pollingInterval: CLIENTS.receiptPollingMs,
  });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new TransactionRevertedError('deploy', hash);
  }
  return receipt.contractAddress;
}
