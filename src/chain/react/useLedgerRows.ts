/**
 * The rows of a ledger already read (userLedger.ts), a page at a time in the order and filter asked: from the
 * indexer when it served the ledger (each further page one request), or cut from the rows read here. The
 * first page of the unfiltered newest-first view came with the ledger and asks for nothing.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import type { LedgerEntry, LedgerOrder, LedgerPage } from '../history/ledger.ts';
import { type HistoryFilter, isFiltered } from '../history/ledgerFilter.ts';
import {
  LEDGER_PAGE_ROWS,
  type LedgerReadContext,
  readAllLedgerRows,
  readLedgerPage,
  type UserLedger,
} from '../history/userLedger.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import type { ChainReads } from './poolQueries.ts';
import { chainKeys } from './queryKeys.ts';

export interface LedgerRowsInput {
  chain: ChainReads;
  user: Address | undefined;
  pools: readonly PoolInfo[] | undefined;
  ledger: UserLedger | undefined;
  /** When the ledger was read: a new read starts the pages again. */
  readAt: number;
  filter: HistoryFilter;
  order: LedgerOrder;
}

export function useLedgerRows({ chain, user, pools, ledger, readAt, filter, order }: LedgerRowsInput) {
  const first = !isFiltered(filter) && order === 'newest';
  const context = (): LedgerReadContext => {
    if (!user || !pools) throw new Error('ledger not read');
    const { historySource: source, read: client } = chain.clients;
    return { source, client, deployment: chain.deployment, pools, user };
  };
  const query = useInfiniteQuery({
    queryKey: [
      ...chainKeys.userHistory(chain.chainId, user),
      'rows',
      readAt,
      filter.pool,
      filter.side,
      filter.type,
      order,
    ],
    queryFn: ({ pageParam, signal }) => {
      if (!ledger) throw new Error('ledger not read');
      const asked = { filter, order, offset: pageParam, limit: LEDGER_PAGE_ROWS };
      return readLedgerPage(context, ledger, asked, signal);
    },
    initialPageParam: 0,
    getNextPageParam: (last: LedgerPage) => {
      const next = last.offset + last.rows.length;
      return next < last.total ? next : undefined;
    },
    ...(first && ledger ? { initialData: { pages: [ledger.first], pageParams: [0] } } : {}),
    enabled: ledger !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const pages = query.data?.pages;
  const rows: LedgerEntry[] | undefined = pages?.flatMap((p) => p.rows);
  return {
    rows,
    /** Rows the filter keeps, in all; undefined until the first page is in. */
    total: pages?.[0]?.total,
    error: query.error,
    loadingMore: query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    retry: () => void query.refetch(),
    /** Every row the filter keeps, oldest first: what an export writes. */
    readAll: (onRows?: (read: number, total: number) => void) => {
      if (!ledger) return Promise.reject(new Error('ledger not read'));
      return readAllLedgerRows(context, ledger, filter, onRows);
    },
  };
}
