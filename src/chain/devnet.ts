/**
 * The running devnet, if any: its deployment is served by the dev/preview server at `/devnet.json`.
 * The app works without it (Arbitrum One only), so a missing file is a normal answer, not an error.
 */
import { type Deployment, parseDeployment } from '../../contracts-abi/deployment.ts';

export type DevnetDeployment = Deployment;

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
    return parseDeployment(await res.json());
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') return undefined;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
