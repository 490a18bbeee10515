/**
 * The scans of one history read, run side by side (a user's read needs two filters): one budget, so a rate
 * limit met by either holds both; one progress figure over them all, counting what earlier reads already kept;
 * and one fate, so when one scan fails for good the other stops at once instead of spending requests on an
 * answer that will be thrown away. What each page brings is handed over as it arrives (`onPage`), for the
 * caller to keep.
 */
import type { HistoryProgress } from './historySource.ts';
import { type BlockRange, type PagerOptions, scanLogs } from './logPager.ts';
import type { StoredLog } from './logs.ts';
import { ScanBudget } from './scanBudget.ts';

export interface ScanPart {
  fetchPage: (range: BlockRange) => Promise<StoredLog[]>;
  /** Where this part's history begins (the pool's deployment, say): progress counts from here. */
  originBlock: bigint;
  /** Where this read starts scanning: after what an earlier read kept, less a re-read overlap. */
  fromBlock: bigint;
  /** The last block an earlier read kept (`originBlock - 1n` when none): counted as done from the start. */
  knownTo: bigint;
  onPage?: (logs: StoredLog[], range: BlockRange) => void | Promise<void>;
}

export interface ScanPartsOptions {
  toBlock: bigint;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: HistoryProgress) => void) | undefined;
  /** Pager settings every part starts from (the span learned on this endpoint, say). */
  pager?: Pick<PagerOptions, 'initialSpan' | 'maxSpan' | 'sleep'>;
  /** Told of each page's size, to learn the endpoint's span. */
  onSpan?: (blocks: bigint) => void;
}

/** Scans each part to `toBlock`; resolves when all are done, or rejects with the first failure once all stopped. */
export async function scanParts(parts: readonly ScanPart[], options: ScanPartsOptions): Promise<void> {
  const { toBlock, signal, onProgress } = options;
  const budget = new ScanBudget();
  const stop = new AbortController();
  const stopped = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const span = (from: bigint, to: bigint) => (to >= from ? to - from + 1n : 0n);
  const total = parts.reduce((sum, p) => sum + span(p.originBlock, toBlock), 0n);
  // What earlier reads kept counts as done, though never past the block this read goes to (bigints: no Math.min).
  const done = parts.map((p) => {
    const kept = span(p.originBlock, p.knownTo);
    const all = span(p.originBlock, toBlock);
    if (kept > all) return all;
    return kept;
  });
  const report = () => onProgress?.({ scannedBlocks: done.reduce((a, b) => a + b, 0n), totalBlocks: total });
  report();
  const runs = parts.map(async (part, i) => {
    if (part.fromBlock > toBlock) return;
    try {
      await scanLogs(
        part.fetchPage,
        { fromBlock: part.fromBlock, toBlock },
        {
          ...options.pager,
          budget,
          signal: stopped,
          onPage: async (logs, range) => {
            options.onSpan?.(range.toBlock - range.fromBlock + 1n);
            await part.onPage?.(logs, range);
            const scanned = span(part.originBlock, range.toBlock);
            if (scanned > done[i]!) done[i] = scanned;
            report();
          },
        },
      );
    } catch (error) {
      // The first failure stops the other parts; theirs is this one, passed on as the abort reason.
      if (!stop.signal.aborted) stop.abort(error);
      throw error;
    }
  });
  const settled = await Promise.allSettled(runs);
  if (stop.signal.aborted) throw stop.signal.reason;
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
