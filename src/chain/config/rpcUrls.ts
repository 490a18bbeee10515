/**
 * The app's RPC endpoints, as plain functions of the build's settings: read by the app (config.ts) and by
 * the build itself (vite.config.ts, for the Content-Security-Policy), so the two never disagree.
 */
import { arbitrum } from 'viem/chains';

/**
 * Arbitrum One's endpoints: those set in `VITE_ARBITRUM_RPC_URLS` (comma-separated, at build time), then the
 * public endpoint as the last resort: it caps log ranges and rate-limits, so it should not be the only one.
 */
export function arbitrumRpcUrls(configured: string | undefined): string[] {
  const own = (configured ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => /^https?:\/\//.test(url));
  const fallback = arbitrum.rpcUrls.default.http[0];
  return [...new Set([...own, fallback])];
}
