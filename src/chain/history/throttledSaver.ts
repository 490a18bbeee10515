/** Cache writes during a long scan, spaced out: the kept scans (filterScans.ts) and the deploy-block search use it. */
import type { HistoryCache } from './historyCache.ts';

/**
 * Writes a value to the cache at most once a second while a scan runs (each write of a long history costs a
 * structured clone), and always on `flush`; writes land in order.
 */
export function throttledSaver<T>(cache: HistoryCache, key: string, everyMs = 1000) {
  let last = 0;
  let queue: Promise<void> = Promise.resolve();
  const write = (value: T) => {
    last = Date.now();
    queue = queue.then(() => cache.set<T>(key, value));
    return queue;
  };
  return {
    save: (value: T): Promise<void> => (Date.now() - last >= everyMs ? write(value) : Promise.resolve()),
    flush: write,
  };
}
