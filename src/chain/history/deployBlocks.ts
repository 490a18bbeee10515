/**
 * The deploy-block search of the log-scan source (logScanSource.ts): where each pool's history begins, so its
 * scan never starts at block 0.
 */
import { type Hex, pad } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import type { PageFetcher } from './filterScans.ts';
import type { HistoryCache } from './historyCache.ts';
import { type HistoryRequest, historyKey } from './historySource.ts';
import { scanLogs } from './logPager.ts';
import { TOPICS } from './logs.ts';
import { throttledSaver } from './throttledSaver.ts';

export interface DeploySearchContext {
  deployment: ChainDeployment;
  cache: HistoryCache;
  fetchPage: PageFetcher;
  /** The cache key of these parts on this chain instance. */
  keyOf: (...parts: string[]) => Promise<string>;
}

/**
 * Each pool's `DeployPool` block, read once from the factory's logs and remembered. The pools not yet known
 * are looked for in one scan, which stops as soon as it has found them all.
 */
export async function deployBlocksOf(
  { deployment, cache, fetchPage, keyOf }: DeploySearchContext,
  pools: readonly PoolInfo[],
  request: HistoryRequest,
): Promise<bigint[]> {
  const keys = await Promise.all(pools.map((p) => keyOf('deploy', p.address)));
  const configured = deployment.poolDeployBlocks ?? {};
  const known = await Promise.all(
    keys.map((key, i) => configured[historyKey(pools[i]!.address)] ?? cache.get<bigint>(key)),
  );
  const missing = pools.filter((_, i) => known[i] === undefined);
  const found = new Map<string, bigint>();
  if (missing.length > 0) {
    const wanted = new Set(missing.map((p) => pad(p.address).toLowerCase()));
    // How far an earlier, interrupted search got: on a chain hundreds of millions of blocks long it is
    // hours of pages, so a reload or an outage resumes it instead of starting again at the factory.
    const searchKey = await keyOf('deploy-search', ...[...wanted].sort());
    const resumed = await cache.get<bigint>(searchKey);
    const start =
      resumed !== undefined && resumed >= deployment.historyFromBlock
        ? resumed + 1n
        : deployment.historyFromBlock;
    const total = request.toBlock - start + 1n;
    let searchedTo = start - 1n;
    const saver = throttledSaver(cache, searchKey);
    const allFound = new Error('all pools found');
    try {
      request.onProgress?.({ scannedBlocks: 0n, totalBlocks: total });
      await scanLogs(
        fetchPage({ address: [deployment.factory], topics: [TOPICS.deployPool, [...wanted] as Hex[]] }),
        { fromBlock: start, toBlock: request.toBlock },
        {
          ...(request.signal ? { signal: request.signal } : {}),
          onPage: async (logs, range) => {
            for (const log of logs) {
              const pool = log.topics[1]?.toLowerCase();
              if (pool && wanted.has(pool) && !found.has(pool)) found.set(pool, log.blockNumber);
            }
            // Thrown from the page callback, it ends the scan here rather than at the head.
            if (found.size === wanted.size) throw allFound;
            searchedTo = range.toBlock;
            request.onProgress?.({ scannedBlocks: searchedTo - start + 1n, totalBlocks: total });
            // Only a search that found none of its pools yet can resume from where it stopped.
            if (found.size === 0) await saver.save(searchedTo);
          },
        },
      );
    } catch (error) {
      if (error !== allFound) {
        if (found.size === 0 && searchedTo >= start) await saver.flush(searchedTo);
        throw error;
      }
    }
  }
  return Promise.all(
    pools.map(async (pool, i) => {
      const cached = known[i];
      if (cached !== undefined) return cached;
      // A pool the factory did not deploy in range (it was checked with isValidPool): from the chain's start.
      const block = found.get(pad(pool.address).toLowerCase()) ?? deployment.historyFromBlock;
      await cache.set(keys[i]!, block);
      return block;
    }),
  );
}
