/**
 * How the log-scan source (logScanSource.ts) reads its filters over a span of blocks: kept, where each filter's
 * scan resumes after what the cache already holds (a pool's or a user's history), or not kept (a short tail
 * another source left).
 */
import type { HistoryCache } from './historyCache.ts';
import type { HistoryRequest } from './historySource.ts';
import type { LogFilter } from './logFilters.ts';
import { type BlockRange, mergeLogs } from './logPager.ts';
import type { StoredLog } from './logs.ts';
import { type ScanPart, type ScanPartsOptions, scanParts } from './scanParts.ts';
import { throttledSaver } from './throttledSaver.ts';

/** Blocks re-read at the end of a remembered scan, in case they were reorganised since. */
export const REORG_OVERLAP = 64n;

interface StoredScan {
  fromBlock: bigint;
  scannedTo: bigint;
  logs: StoredLog[];
}

export type PageFetcher = (filter: LogFilter) => (range: BlockRange) => Promise<StoredLog[]>;

export interface FilterScanContext {
  cache: HistoryCache;
  fetchPage: PageFetcher;
  /** The scan settings for a request, with the span this endpoint taught so far. */
  scanOptions: (request: HistoryRequest) => ScanPartsOptions;
}

/**
 * Reads [fromBlock, toBlock] of each filter, each starting after what the cache already holds for it. What
 * a page brings is kept as it arrives (at most once a second, and when the read ends or fails), so a
 * reload, a failure or a later read resumes where this one stopped instead of starting again.
 */
export async function incremental(
  { cache, fetchPage, scanOptions }: FilterScanContext,
  key: string,
  fromBlock: bigint,
  filters: LogFilter[],
  request: HistoryRequest,
): Promise<StoredLog[]> {
  const { toBlock } = request;
  const keys = filters.map((_, i) => `${key}:${i}`);
  const kept = await Promise.all(keys.map((k) => cache.get<StoredScan>(k)));
  const scans = kept.map(
    (scan): StoredScan =>
      scan && scan.fromBlock === fromBlock ? scan : { fromBlock, scannedTo: fromBlock - 1n, logs: [] },
  );
  const savers = keys.map((k) => throttledSaver(cache, k));
  // Which scans read a page in this read: only those are written back when it ends.
  const read = filters.map(() => false);
  const parts = filters.map((filter, i): ScanPart => {
    const { scannedTo } = scans[i]!;
    const resumeAt = scannedTo + 1n - REORG_OVERLAP;
    return {
      fetchPage: fetchPage(filter),
      originBlock: fromBlock,
      knownTo: scannedTo,
      // Asked for no more than is known already (an older snapshot's block): nothing to read.
      fromBlock: scannedTo >= toBlock ? toBlock + 1n : resumeAt > fromBlock ? resumeAt : fromBlock,
      onPage: (logs, range) => {
        const scan = scans[i]!;
        // The first page re-reads an overlap, whose kept logs it replaces; later ones only add.
        const merged =
          logs.length > 0 || range.fromBlock <= scan.scannedTo
            ? mergeLogs(scan.logs, logs, range.fromBlock)
            : scan.logs;
        scans[i] = { fromBlock, scannedTo: range.toBlock, logs: merged };
        read[i] = true;
        return savers[i]!.save(scans[i]!);
      },
    };
  });
  try {
    await scanParts(parts, scanOptions(request));
  } finally {
    await Promise.all(savers.map((saver, i) => (read[i] ? saver.flush(scans[i]!) : undefined)));
  }
  return mergeLogs(
    [],
    scans.flatMap((scan) => scan.logs.filter((log) => log.blockNumber <= toBlock)),
    fromBlock,
  );
}

/** Reads blocks `fromBlock..toBlock` of each filter, nothing kept: a short tail another source left. */
export async function scanRange(
  { fetchPage, scanOptions }: FilterScanContext,
  fromBlock: bigint,
  filters: LogFilter[],
  request: HistoryRequest,
): Promise<StoredLog[]> {
  const found: StoredLog[] = [];
  const parts = filters.map(
    (filter): ScanPart => ({
      fetchPage: fetchPage(filter),
      originBlock: fromBlock,
      fromBlock,
      knownTo: fromBlock - 1n,
      onPage: (logs) => {
        found.push(...logs);
      },
    }),
  );
  await scanParts(parts, scanOptions(request));
  return mergeLogs([], found, fromBlock);
}
