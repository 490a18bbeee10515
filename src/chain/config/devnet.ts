/**
 * The running devnet, if any: its deployment is served by the dev/preview server at `/devnet.json`.
 * The app works without it (Arbitrum One only), so a missing file is a normal answer, not an error.
 */
import { type Address, getAddress } from 'viem';
import { type Deployment, parseDeployment } from '../../../contracts-abi/deployment.ts';

export type DevnetDeployment = Deployment;

/**
 * The deployment with every address checksummed: the file may write them in any case, and the app compares
 * and keys addresses in their checksummed form only.
 */
export function checksummedDevnet(devnet: DevnetDeployment): DevnetDeployment {
  const each = <K extends string>(record: Record<K, Address>) =>
    Object.fromEntries(
      Object.entries<Address>(record).map(([key, value]) => [key, getAddress(value)]),
    ) as Record<K, Address>;
  return {
    ...devnet,
    contracts: each(devnet.contracts),
    roles: each(devnet.roles),
    devAccounts: devnet.devAccounts.map((a) => ({ ...a, address: getAddress(a.address) })),
    tokens: devnet.tokens.map((t) => ({ ...t, address: getAddress(t.address) })),
    feeds: devnet.feeds.map((f) => ({ ...f, feed: getAddress(f.feed), wrapper: getAddress(f.wrapper) })),
    pools: devnet.pools.map((p) => ({
      ...p,
      address: getAddress(p.address),
      committer: getAddress(p.committer),
      longToken: getAddress(p.longToken),
      shortToken: getAddress(p.shortToken),
      settlementToken: getAddress(p.settlementToken),
      oracleWrapper: getAddress(p.oracleWrapper),
    })),
  };
}

export async function loadDevnetDeployment(
  fetcher: typeof fetch = fetch,
  timeoutMs = 3000,
): Promise<DevnetDeployment | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // Same request as index.html's preload, so the browser answers it from that preload.
    const res = await fetcher('/devnet.json', { signal: controller.signal, credentials: 'same-origin' });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`/devnet.json answered ${res.status}`);
    return checksummedDevnet(parseDeployment(await res.json()));
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') return undefined;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
