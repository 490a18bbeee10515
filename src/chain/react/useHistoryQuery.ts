/**
 * One history read as a query, for the pool page and the portfolio alike (historyQueries.ts builds it). Its
 * key names only what the history is of (a pool, an account): never something that moves every interval, so
 * an upkeep in the middle of a long first read does not throw the read away and start another. What the
 * history moves with (the pool's last upkeep, the account's holdings) is the read's `stamp`: when it changes,
 * the history is read again once the read in flight is over, and that read starts where the kept pages end
 * (logScanSource.ts).
 *
 * Progress comes from the read in flight only, so a read that was replaced cannot move the bar.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { HistoryProgress, HistoryProvenance } from '../history/historySource.ts';
import { type HistoryQueryOptions, type HistoryRun, historyQueryOptions } from './historyQueries.ts';

/** What a history moves with: not part of its key. */
export interface HistoryMoves {
  /** A new stamp reads the history again. */
  stamp: string;
  /** The block to read to: the snapshot's, so history and figures agree. */
  toBlock: bigint | undefined;
}

export function useHistoryQuery<T>(options: HistoryQueryOptions<T>, { stamp, toBlock }: HistoryMoves) {
  const [progress, setProgress] = useState<HistoryProgress>();
  const [source, setSource] = useState<HistoryProvenance>();
  // The latest inputs, read when a read starts: a read is never restarted because they moved.
  const latest = useRef({ stamp, toBlock, read: options.read });
  latest.current = { stamp, toBlock, read: options.read };
  const attempt = useRef(0);
  const run: HistoryRun<T> = {
    latest: () => latest.current,
    started: () => {
      const mine = ++attempt.current;
      return {
        onProgress: (p) => {
          if (mine === attempt.current) setProgress(p);
        },
        onSource: (s) => {
          if (mine === attempt.current) setSource(s);
        },
      };
    },
    source,
  };

  const query = useQuery(historyQueryOptions(options, run));

  const { data, isFetching, refetch } = query;
  useEffect(() => {
    if (data && !isFetching && data.stamp !== stamp) void refetch({ cancelRefetch: false });
  }, [data, isFetching, stamp, refetch]);

  return {
    data: data?.value,
    /** When the value on screen was read (ms): what a view derived from it is keyed by. */
    dataUpdatedAt: query.dataUpdatedAt,
    /** A failed read; when earlier data is on screen it stays there, and the failure is for a note beside it. */
    error: query.error,
    isFetching,
    refetch,
    progress: isFetching ? progress : undefined,
    /** Where the history on screen came from; before the first value, where the read in flight is reading. */
    source: data?.source ?? source,
  };
}

export type HistoryQuery<T> = ReturnType<typeof useHistoryQuery<T>>;
