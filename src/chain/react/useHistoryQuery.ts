/**
 * One history read as a query, for the pool page and the portfolio alike. Its key names only what the history
 * is of (a pool, an account): never something that moves every interval, so an upkeep in the middle of a long
 * first read does not throw the read away and start another. What the history moves with (the pool's last
 * upkeep, the account's holdings) is the read's `stamp`: when it changes, the history is read again once the
 * read in flight is over, and that read starts where the kept pages end (logScanSource.ts).
 *
 * Progress comes from the read in flight only, so a read that was replaced cannot move the bar.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { HistoryProgress, HistoryProvenance, HistoryRequest } from '../history/historySource.ts';
import { historyRereadMs } from '../history/provenanceText.ts';

interface Stamped<T> {
  value: T;
  stamp: string;
  /** Where this value came from: kept with it, so a page mounted again over the cached value still says so. */
  source?: HistoryProvenance;
}

export interface HistoryQueryOptions<T> {
  queryKey: readonly unknown[];
  enabled: boolean;
  /** What the history moves with; a new stamp reads it again. Not part of the key. */
  stamp: string;
  /** The block to read to: the snapshot's, so history and figures agree. */
  toBlock: bigint | undefined;
  pollIntervalMs: number;
  read: (request: HistoryRequest) => Promise<T>;
}

export function useHistoryQuery<T>({
  queryKey,
  enabled,
  stamp,
  toBlock,
  pollIntervalMs,
  read,
}: HistoryQueryOptions<T>) {
  const [progress, setProgress] = useState<HistoryProgress>();
  const [source, setSource] = useState<HistoryProvenance>();
  // The latest inputs, read when a read starts: a read is never restarted because they moved.
  const latest = useRef({ stamp, toBlock, read });
  latest.current = { stamp, toBlock, read };
  const attempt = useRef(0);

  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }): Promise<Stamped<T>> => {
      const { stamp: readStamp, toBlock: readTo, read: readNow } = latest.current;
      if (readTo === undefined) throw new Error('history asked for before the chain was read');
      const mine = ++attempt.current;
      let from: HistoryProvenance | undefined;
      const value = await readNow({
        toBlock: readTo,
        signal,
        onProgress: (p) => {
          if (mine === attempt.current) setProgress(p);
        },
        onSource: (s) => {
          from = s;
          if (mine === attempt.current) setSource(s);
        },
      });
      return { value, stamp: readStamp, ...(from ? { source: from } : {}) };
    },
    enabled: enabled && toBlock !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    // The pager already retried what can be retried; a failed read is tried again below, from its kept pages.
    retry: false,
    refetchInterval: (q) =>
      historyRereadMs(q.state.status === 'error', source ?? q.state.data?.source, pollIntervalMs),
  });

  const { data, isFetching, refetch } = query;
  useEffect(() => {
    if (data && !isFetching && data.stamp !== stamp) void refetch({ cancelRefetch: false });
  }, [data, isFetching, stamp, refetch]);

  return {
    data: data?.value,
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
