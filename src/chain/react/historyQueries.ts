/**
 * The past as queries. A pool's history and an account's are one query shape, built by one factory
 * (`historyQueryOptions`): the key names what the history is of, never what it moves with, so an upkeep in
 * the middle of a long first read does not throw it away (useHistoryQuery.ts holds the rest). The protocol
 * page's indexer figures are a plain query beside them.
 */
import { type QueryKey, queryOptions } from '@tanstack/react-query';
import type { Address, Hex } from 'viem';
import type { HistoryProgress, HistoryProvenance, HistoryRequest } from '../history/historySource.ts';
import { type PoolHistory, readPoolHistory } from '../history/poolHistory.ts';
import { readProtocolDays } from '../history/protocolDays.ts';
import { historyRereadMs } from '../history/provenanceText.ts';
import { readUserLedger, type UserLedger } from '../history/userLedger.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import type { ChainReads } from './poolQueries.ts';
import { chainKeys } from './queryKeys.ts';

/** What a history is of and how it is read: what `useHistoryQuery` is given. */
export interface HistoryQueryOptions<T> {
  queryKey: QueryKey;
  enabled: boolean;
  pollIntervalMs: number;
  read: (request: HistoryRequest) => Promise<T>;
}

export function poolHistoryOptions(
  { chainId, deployment, clients }: ChainReads,
  info: PoolInfo | undefined,
): HistoryQueryOptions<PoolHistory> {
  return {
    queryKey: chainKeys.poolHistory(chainId, info?.address),
    enabled: info !== undefined,
    pollIntervalMs: deployment.pollIntervalMs,
    read: (request) => {
      if (!info) throw new Error('pool not loaded');
      return readPoolHistory(clients.historySource, clients.read, deployment, info, request);
    },
  };
}

/**
 * `user`'s ledger in `pools` (userLedger.ts), once `ready` says the figures it starts from carry their
 * holdings.
 */
export function userLedgerOptions(
  { chainId, deployment, clients }: ChainReads,
  user: Address | undefined,
  pools: readonly PoolInfo[] | undefined,
  ready: boolean,
): HistoryQueryOptions<UserLedger> {
  return {
    queryKey: chainKeys.userHistory(chainId, user),
    enabled: ready && user !== undefined && pools !== undefined,
    pollIntervalMs: deployment.pollIntervalMs,
    read: (request) => {
      if (!user || !pools) throw new Error('not ready');
      const source = clients.historySource;
      return readUserLedger({ source, client: clients.read, deployment, pools, user }, request);
    },
  };
}

/** A history as cached: with the stamp it was read for and where it came from, kept with the value. */
export interface Stamped<T> {
  value: T;
  stamp: string;
  source?: HistoryProvenance;
}

/** The hook's side of a history read (useHistoryQuery.ts). */
export interface HistoryRun<T> {
  /** The inputs as they are when a read starts, not when these options were built. */
  latest: () => { stamp: string; toBlock: bigint | undefined; read: (request: HistoryRequest) => Promise<T> };
  /** Told that a read starts; what it returns hears that read's progress and source only. */
  started: () => { onProgress: (p: HistoryProgress) => void; onSource: (s: HistoryProvenance) => void };
  /** Where the read in flight reads from, which sets how soon to read again. */
  source: HistoryProvenance | undefined;
}

/** The one history query, for the pool page and the portfolio alike. */
export function historyQueryOptions<T>(options: HistoryQueryOptions<T>, run: HistoryRun<T>) {
  return queryOptions({
    queryKey: options.queryKey,
    queryFn: async ({ signal }): Promise<Stamped<T>> => {
      const { stamp, toBlock, read } = run.latest();
      if (toBlock === undefined) throw new Error('history asked for before the chain was read');
      const report = run.started();
      let from: HistoryProvenance | undefined;
      const value = await read({
        toBlock,
        signal,
        onProgress: report.onProgress,
        onSource: (s) => {
          from = s;
          report.onSource(s);
        },
      });
      return { value, stamp, ...(from ? { source: from } : {}) };
    },
    enabled: options.enabled && run.latest().toBlock !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    // The pager already retried what can be retried; a failed read is tried again, from its kept pages.
    retry: false,
    refetchInterval: (q) =>
      historyRereadMs(q.state.status === 'error', run.source ?? q.state.data?.source, options.pollIntervalMs),
  });
}

/**
 * The protocol page's figures from the history indexer. They move only when a day's commits, claims or
 * rebalances are indexed, so a few minutes' staleness is plenty; a failed indexer is an outcome the page
 * shows (protocolDays.ts), and is asked again at the next refresh.
 */
const PROTOCOL_DAYS_STALE_MS = 3 * 60_000;

export function protocolDaysOptions(
  { chainId, deployment }: Pick<ChainReads, 'chainId' | 'deployment'>,
  chainIdentity: () => Promise<Hex>,
) {
  return queryOptions({
    queryKey: chainKeys.protocolDays(chainId),
    queryFn: ({ signal }) => readProtocolDays({ deployment, chainIdentity, signal }),
    staleTime: PROTOCOL_DAYS_STALE_MS,
    refetchInterval: PROTOCOL_DAYS_STALE_MS,
    retry: 1,
  });
}
