/**
 * The user's commits, claims, AutoClaim requests and payments, and transfers in the pools, newest first, read
 * from the chain's history; each with its execution and fees (from the cost basis), linked to its transaction
 * on the chain's explorer, filtered by pool, side and type from the link, and what the filter shows
 * exportable as CSV (docs/ledger.md).
 */
import { useQueryStates } from 'nuqs';
import { useMemo, useState } from 'react';
import { describeReadFailure } from '../../chain/errors/endpointFailure.ts';
import type { HistoryProgress } from '../../chain/history/historySource.ts';
import type { UserPoolHistory } from '../../chain/history/userHistory.ts';
import { useAppConfig } from '../../chain/react/DeploymentContext.tsx';
import type { HistoryQuery } from '../../chain/react/useHistoryQuery.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { ScanProgress } from '../../ui/ScanProgress.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { SourceNote } from '../../ui/SourceNote.tsx';
import { downloadText } from './downloadText.ts';
import { eventKey, executionRows } from './executions.ts';
import { ClearFilters, HistoryFilters } from './HistoryFilters.tsx';
import { HistoryRow } from './HistoryRow.tsx';
import { filterHistories, isFiltered, poolsWithEvents, resolveFilter } from './historyFilter.ts';
import { ledgerCsv, ledgerFileName } from './ledgerCsv.ts';
import { historyFilterParams } from './portfolioParams.ts';

/** Rows the history table draws at first, and adds at each "Show older". */
export const HISTORY_PAGE = 50;

export function HistoryCard({
  history,
  progress: historyProgress,
  source,
}: {
  history: Pick<HistoryQuery<UserPoolHistory[]>, 'data' | 'error' | 'refetch'>;
  progress: HistoryProgress | undefined;
  /** Where the history came from, already in words. */
  source?: string | undefined;
}) {
  const chains = useAppConfig().chains;
  const explorerOf = (chainId: number) => chains.find((c) => c.id === chainId)?.blockExplorers?.default.url;
  const [linked, setLinked] = useQueryStates(historyFilterParams);
  // Every event is read (the cost basis and the profit split need them all); the table draws a page of them.
  const [shownRows, setShownRows] = useState(HISTORY_PAGE);
  const all = history.data ?? [];
  // From every pool's whole history, before any filter: a row's figures are those of the positions.
  const executions = useMemo(() => executionRows(history.data ?? []), [history.data]);
  const native = chains.find((c) => c.id === all[0]?.pool.chainId)?.nativeCurrency ?? {
    symbol: 'ETH',
    decimals: 18,
  };
  const { filter, unknownPool } = resolveFilter(linked, all);
  const shown = filterHistories(all, filter);
  const clear = () => void setLinked({ pool: null, side: null, type: null });
  const events = shown
    .flatMap((h) => h.events.map((event) => ({ event, pool: h.pool })))
    .sort((a, b) =>
      a.event.blockNumber === b.event.blockNumber
        ? b.event.logIndex - a.event.logIndex
        : a.event.blockNumber > b.event.blockNumber
          ? -1
          : 1,
    );
  return (
    <Card title="History">
      {history.error && !history.data && !historyProgress ? (
        <ErrorState
          what="your history"
          problem={describeReadFailure(history.error)}
          onRetry={() => void history.refetch()}
        />
      ) : !history.data && historyProgress ? (
        <ScanProgress
          what="your history"
          scanned={historyProgress.scannedBlocks}
          total={historyProgress.totalBlocks}
        />
      ) : !history.data ? (
        <Skeleton className="h-24 w-full" />
      ) : all.every((h) => h.events.length === 0) ? (
        <p className="text-sm text-ink-400">No commit, claim or transfer of yours in these pools yet.</p>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <HistoryFilters
              pools={poolsWithEvents(all)}
              filter={filter}
              onChange={(patch) => void setLinked(patch)}
              showClear={isFiltered(linked) && events.length > 0}
            />
            {events.length > 0 && (
              <Button
                variant="secondary"
                onClick={() => {
                  const chainId = all[0]?.pool.chainId ?? 0;
                  // The file holds what the table shows: with a filter on, only its rows (docs/ledger.md).
                  const name = ledgerFileName(chainId, new Date(), isFiltered(filter));
                  downloadText(name, ledgerCsv(shown, { executions, native }), 'text/csv;charset=utf-8');
                }}
              >
                {isFiltered(filter)
                  ? `Export ${events.length === 1 ? 'this row' : `these ${events.length} rows`} as CSV`
                  : 'Export CSV'}
              </Button>
            )}
          </div>
          {unknownPool && (
            <p className="mb-3 text-sm text-ink-400">
              This link filters on a pool you have no history in; showing all pools.
            </p>
          )}
          {events.length === 0 ? (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm text-ink-400">No event matches these filters.</p>
              <ClearFilters onClear={clear} />
            </div>
          ) : (
            <>
              {/* On a phone each row is a two-column block (when and pool, what and amount, execution and fees,
              transaction) rather than a seven-column line that would not fit; cells keep a gutter so one never
              runs into the next, and anything still too wide scrolls inside the card rather than widening the
              page. */}
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm max-md:block max-md:[&>tbody]:block [&_td]:pr-2 [&_th]:pr-2">
                  <caption className="sr-only">
                    Your commits and transfers, newest first, with claims and AutoClaim rewards
                  </caption>
                  <thead className="text-xs uppercase tracking-wide text-ink-400 max-md:sr-only">
                    <tr>
                      <th scope="col" className="py-2">
                        When
                      </th>
                      <th scope="col">Pool</th>
                      <th scope="col">What</th>
                      <th scope="col">Amount</th>
                      <th scope="col">Execution</th>
                      <th scope="col">Fees</th>
                      <th scope="col">Transaction</th>
                    </tr>
                  </thead>
                  <tbody>
                    {events.slice(0, shownRows).map(({ event, pool }) => (
                      <HistoryRow
                        key={`${event.blockNumber}-${event.logIndex}`}
                        event={event}
                        pool={pool}
                        explorer={explorerOf(pool.chainId)}
                        execution={executions.get(eventKey(event))}
                        native={native}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              {events.length > shownRows && (
                <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-ink-400">
                  <span>
                    Showing the newest {shownRows} of {events.length}.
                  </span>
                  <Button variant="secondary" onClick={() => setShownRows((n) => n + HISTORY_PAGE)}>
                    Show {Math.min(HISTORY_PAGE, events.length - shownRows)} older
                  </Button>
                </div>
              )}
            </>
          )}
        </>
      )}
      <SourceNote
        text={history.data ? source : undefined}
        lag={history.data && history.error ? describeReadFailure(history.error) : undefined}
      />
    </Card>
  );
}
