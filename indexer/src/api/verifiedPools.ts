/**
 * The pools the routes answer for: the factory's pools that pass the app's verification (poolVerification.ts,
 * read at the latest block), kept fresh in the background.
 */
import { publicClients } from 'ponder:api';
import { discoverPools, type PoolInfo } from '../../../src/chain/pools/poolRegistry.ts';
import { indexedChain } from '../../chain.ts';

export const chain = indexedChain();
/** The indexer's own client of the chain: for the latest state its routes read (never past state). */
export const client = (() => {
  const found = publicClients[chain.name as keyof typeof publicClients];
  if (!found) throw new Error(`the indexer has no client for ${chain.name}`);
  return found;
})();
/** How long the list of verified pools is trusted before it is read again. */
const VERIFIED_TTL_MS = 30_000;
/** How long the last list of verified pools serves while it cannot be read again. */
const VERIFIED_STALE_MS = 10 * 60_000;

let verified: { at: number; pools: Map<string, PoolInfo> } | undefined;
let reading: Promise<Map<string, PoolInfo>> | undefined;
/**
 * The factory's Olympus pools, by lower-case address, as the app verifies them: read again in the background
 * every 30 s, the last list answering meanwhile. While the indexer's endpoint is away (its client retries for
 * a long time), that list serves for up to ten minutes: pools rarely change hands and history must not
 * vanish with an endpoint. Past that, or before any list was read, the answer waits for the read.
 */
export async function olympusPools(): Promise<Map<string, PoolInfo>> {
  const age = verified ? Date.now() - verified.at : Number.POSITIVE_INFINITY;
  if (verified && age < VERIFIED_TTL_MS) return verified.pools;
  reading ??= discoverPools(client, chain.deployment)
    .then((registry) => {
      // A PoolInfo carries the address, committer and tokens history needs.
      const pools = new Map<string, PoolInfo>(
        registry.pools.filter((p) => p.verification.verified).map((p) => [p.address.toLowerCase(), p]),
      );
      verified = { at: Date.now(), pools };
      return pools;
    })
    .finally(() => {
      reading = undefined;
    });
  if (verified && age < VERIFIED_STALE_MS) {
    reading.catch(() => {});
    return verified.pools;
  }
  return reading;
}

// Read once at start and kept fresh, so that no answer waits on the chain for the list.
const refreshVerified = () => void olympusPools().catch(() => {});
refreshVerified();
setInterval(refreshVerified, VERIFIED_TTL_MS).unref();
