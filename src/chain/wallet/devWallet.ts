/**
 * A burner wallet for the devnet: an EIP-1193 provider that holds one public dev key, signs transactions
 * and messages locally (so the node sees real signed transactions, as from any wallet) and forwards reads
 * to the node. It only ever talks to the devnet chain; asking it for another chain fails with code 4902.
 */
import type { Address, EIP1193Parameters, EIP1193RequestFn, Hex } from 'viem';

export interface DevWalletOptions {
  rpcUrl: string;
  chainId: number;
  address: Address;
  privateKey: Hex;
}

type Listener = (...args: unknown[]) => void;

export class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderRpcError';
  }
}

export interface DevProvider {
  request: EIP1193RequestFn;
  on(event: string, listener: Listener): void;
  removeListener(event: string, listener: Listener): void;
}

/**
 * A wallet's own provider waits out a 429 (the request was never forwarded, so sending it again is safe, a
 * transaction included): behind the devnet's provider-like proxy, the burner does the same.
 */
async function fetchPastRateLimits(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(input, init);
    if (res.status !== 429 || attempt >= 5) return res;
    const seconds = Number(res.headers.get('retry-after') ?? 1);
    await new Promise((resolve) => setTimeout(resolve, 1000 * (Number.isFinite(seconds) ? seconds : 1)));
  }
}

/** A provider's "slow down" (HTTP 429's body, or its JSON-RPC codes): the request never reached a node. */
const isRateLimit = (error: ProviderRpcError) =>
  error.code === 429 || error.code === -32005 || /too many requests|rate limit/i.test(error.message);

/** The wait before asking the node again after no answer: doubling from 0.5 s, at most 4 s. */
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(4000, 500 * 2 ** attempt)));

/** How long a send whose answer was lost is tried again before the wallet gives up on hearing back. */
const BROADCAST_PATIENCE_MS = 60_000;

export function createDevProvider({ rpcUrl, chainId, address, privateKey }: DevWalletOptions): DevProvider {
  const listeners = new Map<string, Set<Listener>>();
  let nextId = 1;
  // Like a real wallet, it reveals its account only after the user connects, and remembers that choice.
  const storageKey = `devnet-wallet:${address.toLowerCase()}:authorized`;
  const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  let authorized = storage?.getItem(storageKey) === '1';
  const setAuthorized = (value: boolean) => {
    authorized = value;
    if (value) storage?.setItem(storageKey, '1');
    else storage?.removeItem(storageKey);
  };

  const forward = async (method: string, params: unknown) => {
    const res = await fetchPastRateLimits(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params: params ?? [] }),
    });
    const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string } };
    if (body.error) throw new ProviderRpcError(body.error.code, body.error.message);
    return body.result;
  };

  // Signing code is loaded only when the dev wallet first signs, keeping it out of the initial bundle.
  const signer = async () => {
    const [{ privateKeyToAccount }, { createWalletClient, http, defineChain }] = await Promise.all([
      import('viem/accounts'),
      import('viem'),
    ]);
    const account = privateKeyToAccount(privateKey);
    const chain = defineChain({
      id: chainId,
      name: 'devnet',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    });
    return {
      account,
      client: createWalletClient({
        account,
        chain,
        transport: http(rpcUrl, { fetchFn: fetchPastRateLimits }),
      }),
    };
  };

  /**
   * Sends a signed transaction and returns its hash, as a wallet does: the hash is the signed bytes' own, so
   * it is known whether or not the node's answer arrives. An answer lost on the way, or an endpoint down for a
   * while, is met by sending the same bytes again (a node that already has them says so, and one that has
   * mined them answers "nonce too low" while holding their receipt); a node's plain refusal is passed on.
   */
  const broadcast = async (signed: Hex): Promise<Hex> => {
    const { keccak256 } = await import('viem');
    const hash = keccak256(signed);
    const deadline = Date.now() + BROADCAST_PATIENCE_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        await forward('eth_sendRawTransaction', [signed]);
        return hash;
      } catch (error) {
        if (error instanceof ProviderRpcError && !isRateLimit(error)) {
          if (/already known|known transaction/i.test(error.message)) return hash;
          // "nonce too low": either these very bytes were mined (their answer was lost), or another
          // transaction took the nonce. The node knows which.
          if (/nonce too low/i.test(error.message)) {
            if (await knownToNode(hash, deadline)) return hash;
          }
          throw error;
        }
        // No answer, or not one from the node: it may or may not have gone out. The same bytes land once.
        if (Date.now() >= deadline)
          throw new ProviderRpcError(
            -32603,
            'The dev wallet lost touch with the devnet node while sending: the transaction may or may not have gone out.',
          );
        await backoff(attempt);
      }
    }
  };

  /** Whether the node has the transaction `hash`, asking again through faults until `deadline`. */
  const knownToNode = async (hash: Hex, deadline: number): Promise<boolean> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await forward('eth_getTransactionByHash', [hash])) !== null;
      } catch {
        if (Date.now() >= deadline) return false;
        await backoff(attempt);
      }
    }
  };

  const request = async ({ method, params }: EIP1193Parameters) => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case 'eth_requestAccounts':
        setAuthorized(true);
        return [address];
      case 'eth_accounts':
        return authorized ? [address] : [];
      case 'wallet_revokePermissions':
        setAuthorized(false);
        return null;
      case 'eth_chainId':
        return `0x${chainId.toString(16)}`;
      case 'wallet_switchEthereumChain': {
        const wanted = Number.parseInt(String((args[0] as { chainId?: string } | undefined)?.chainId), 16);
        if (wanted !== chainId)
          throw new ProviderRpcError(4902, 'The dev wallet only knows the devnet chain.');
        return null;
      }
      case 'wallet_requestPermissions':
        setAuthorized(true);
        return [{ parentCapability: 'eth_accounts' }];
      case 'wallet_getPermissions':
        return authorized ? [{ parentCapability: 'eth_accounts' }] : [];
      case 'eth_sendTransaction': {
        const tx = args[0] as { to?: Address; data?: Hex; value?: Hex; gas?: Hex };
        const { client, account } = await signer();
        let signed: Hex;
        try {
          const request = await client.prepareTransactionRequest({
            account,
            to: tx.to,
            data: tx.data,
            value: tx.value ? BigInt(tx.value) : undefined,
            gas: tx.gas ? BigInt(tx.gas) : undefined,
          } as Parameters<typeof client.prepareTransactionRequest>[0]);
          signed = await account.signTransaction(request as Parameters<typeof account.signTransaction>[0]);
        } catch (error) {
          // Nonce and fees come from the node: without them nothing was signed, let alone sent.
          if (error instanceof ProviderRpcError) throw error;
          throw new ProviderRpcError(4900, 'The dev wallet cannot reach the devnet node. Nothing was sent.');
        }
        return broadcast(signed);
      }
      case 'personal_sign': {
        const { account } = await signer();
        return account.signMessage({ message: { raw: args[0] as Hex } });
      }
      case 'eth_signTypedData_v4': {
        const { account } = await signer();
        const typed = JSON.parse(String(args[1]));
        return account.signTypedData(typed);
      }
      default:
        return forward(method, args);
    }
  };

  return {
    request: request as EIP1193RequestFn,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
    },
  };
}
