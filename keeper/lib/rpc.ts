/**
 * Reaching a real chain (docs/keeper.md, "Robustness"): every `--rpc` URL in one viem `fallback` transport, so a
 * request an endpoint fails (down, 429, 5xx) goes to the next one, each endpoint with a timeout and viem's
 * backoff (which waits what `retry-after` asks). At start every URL is asked `eth_chainId`, a few times with
 * backoff; the keeper starts when at least one answers and all that answer agree. The devnet does not come
 * through here: it has its own clients (devnet/lib/keeper.ts).
 */
import {
  type Address,
  type Chain,
  createPublicClient,
  defineChain,
  fallback,
  http,
  type PublicClient,
  type Transport,
  webSocket,
} from 'viem';

/** A problem the operator must fix before the keeper can start: said in one sentence on stderr. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Where Multicall3 lives on every public chain (and where the devnet places its batcher). */
export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** How long one request may take before the transport tries the next endpoint. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Retries of a whole request (over every endpoint) before it fails; viem backs off between them. */
const RETRY_COUNT = 3;
const RETRY_DELAY_MS = 250;

const isWebSocket = (url: string) => /^wss?:/i.test(url);

/** The sentence for a URL the keeper cannot use, or undefined when it is an http(s) or ws(s) URL. */
export function rpcUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `--rpc "${url}" is not a URL: give an http(s):// or ws(s):// endpoint.`;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol))
    return `--rpc "${url}" is not an http(s):// or ws(s):// URL, so the keeper cannot reach a node through it.`;
  return undefined;
}

function endpoint(url: string, retryCount: number, timeout: number): Transport {
  return isWebSocket(url)
    ? webSocket(url, { retryCount, timeout })
    : http(url, { retryCount, retryDelay: RETRY_DELAY_MS, timeout });
}

/** All the URLs, in the order given, behind one transport that falls back from each to the next. */
export function keeperTransport(urls: readonly string[]): Transport {
  return fallback(
    urls.map((url) => endpoint(url, 0, REQUEST_TIMEOUT_MS)),
    { retryCount: RETRY_COUNT, retryDelay: RETRY_DELAY_MS },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `eth_chainId` of one endpoint, tried `attempts` times with doubling waits; undefined if it never answers. */
async function chainIdOf(url: string, attempts: number, delayMs: number): Promise<number | undefined> {
  // The CLI ends with process.exit, so a WebSocket left open here does not keep it alive.
  const client = createPublicClient({ transport: endpoint(url, 0, REQUEST_TIMEOUT_MS) });
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await client.getChainId();
    } catch {
      if (attempt < attempts - 1) await sleep(delayMs * 2 ** attempt);
    }
  }
  return undefined;
}

/**
 * The chain id every answering endpoint agrees on. Throws a StartupError when none answers after
 * `attempts` tries, or when two answer different chains (a keeper must never sign for the wrong chain).
 */
export async function probeChainId(
  urls: readonly string[],
  { attempts = 4, delayMs = 250 }: { attempts?: number; delayMs?: number } = {},
): Promise<number> {
  const ids = await Promise.all(urls.map((url) => chainIdOf(url, attempts, delayMs)));
  const answered = urls.flatMap((url, i) => (ids[i] === undefined ? [] : [{ url, id: ids[i] }]));
  const [first] = answered;
  if (!first)
    throw new StartupError(
      `No RPC endpoint answered eth_chainId after ${attempts} tries each (${urls.join(', ')}): check the --rpc URLs and that the nodes are up.`,
    );
  const other = answered.find((a) => a.id !== first.id);
  if (other)
    throw new StartupError(
      `The RPC endpoints are on different chains (${first.url} is on chain ${first.id}, ${other.url} on chain ${other.id}): give endpoints of one chain only.`,
    );
  return first.id;
}

/** A chain for viem's wallet client: the id the endpoints answered, and Multicall3 when it is deployed there. */
export function keeperChain(id: number, urls: readonly string[], multicall3?: Address): Chain {
  const httpUrls = urls.filter((u) => !isWebSocket(u));
  const wsUrls = urls.filter(isWebSocket);
  return defineChain({
    id,
    name: `Chain ${id}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: httpUrls, ...(wsUrls.length ? { webSocket: wsUrls } : {}) } },
    ...(multicall3 ? { contracts: { multicall3: { address: multicall3 } } } : {}),
  });
}

/** Multicall3's address if the chain has it, so reads go out batched; undefined reads one by one. */
export async function findMulticall(client: PublicClient): Promise<Address | undefined> {
  const code = await client.getCode({ address: MULTICALL3_ADDRESS });
  return code && code !== '0x' ? MULTICALL3_ADDRESS : undefined;
}
