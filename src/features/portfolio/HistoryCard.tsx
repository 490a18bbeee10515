/**
 * The user's commits, claims, AutoClaim requests and payments, and transfers in the pools, newest first (or
 * oldest, as the link asks); each with its execution and fees (the ledger's figures), linked to its
 * transaction on the chain's explorer, filtered by pool, side and type from the link, a page at a time, and
 * what the filter shows exportable as CSV (docs/ledger.md). The pages are the indexer's when it served the
 * ledger, cut here from the whole history otherwise.
 */
import { useQueryStates } from 'nuqs';
import { useState } from 'react';
import { describeReadFailure } from '../../chain/errors/endpointFailure.ts';
import { type HistoryProgress, historyKey } from '../../chain/history/historySource.ts';
import { isFiltered } from '../../chain/history/ledgerFilter.ts';
import type { UserLedger } from '../../chain/history/userLedger.ts';
import { useAppConfig } from '../../chain/react/DeploymentContext.tsx';
import type { HistoryQuery } from '../../chain/react/useHistoryQuery.ts';
import { type LedgerRowsInput, useLedgerRows } from '../../chain/react/useLedgerRows.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { ScanProgress } from '../../ui/ScanProgress.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { SourceNote } from '../../ui/SourceNote.tsx';
import { downloadText } from './downloadText.ts';
import { ClearFilters, HistoryFilters } from './HistoryFilters.tsx';
import { HistoryTable } from './HistoryTable.tsx';
import { poolsByName, resolveFilter } from './historyFilter.ts';
import { ledgerCsvOf, ledgerFileName } from './ledgerCsv.ts';
import { historyFilterParams } from './portfolioParams.ts';

export function HistoryCard({
  history,
  progress: historyProgress,
  source,
  reads,
}: {
  history: Pick<HistoryQuery<UserLedger>, 'data' | 'dataUpdatedAt' | 'error' | 'refetch'>;
  progress: HistoryProgress | undefined;
  /** Where the history came from, already in words. */
  source?: string | undefined;
  /** The chain, account and pools the ledger was read for: further pages are read with them. */
  reads: Pick<LedgerRowsInput, 'chain' | 'user' | 'pools'>;
}) {
  const chains = useAppConfig().chains;
  const explorerOf = (chainId: number) => chains.find((c) => c.id === chainId)?.blockExplorers?.default.url;
  const [linked, setLinked] = useQueryStates(historyFilterParams);
  const [exporting, setExporting] = useState<string>();
  const ledger = history.data;
  const pools = poolsByName((ledger?.pools ?? []).map((p) => p.pool));
  const poolOf = new Map(pools.map((p) => [historyKey(p.address), p]));
  const { filter, unknownPool } = resolveFilter(
    { pool: linked.pool, side: linked.side, type: linked.type },
    pools,
  );
  const order = linked.order ?? 'newest';
  const rows = useLedgerRows({ ...reads, ledger, readAt: history.dataUpdatedAt, filter, order });
  const native = chains.find((c) => c.id === pools[0]?.chainId)?.nativeCurrency ?? {
    symbol: 'ETH',
    decimals: 18,
  };
  const clear = () => void setLinked({ pool: null, side: null, type: null });
  const shown = (rows.rows ?? []).flatMap(({ pool, row }) => {
    const info = poolOf.get(pool);
    return info ? [{ pool: info, row }] : [];
  });
  const total = rows.total ?? 0;
  const exportCsv = async () => {
    setExporting('Reading your rows…');
    try {
      const all = await rows.readAll((read, of) => setExporting(`Reading your rows… ${read} of ${of}`));
      const lines = all.flatMap(({ pool, row }) => {
        const info = poolOf.get(pool);
        return info ? [{ pool: info, event: row.event, execution: row }] : [];
      });
      // The file holds what the table shows: with a filter on, only its rows (docs/ledger.md).
      const name = ledgerFileName(pools[0]?.chainId ?? 0, new Date(), isFiltered(filter));
      downloadText(name, ledgerCsvOf(lines, native), 'text/csv;charset=utf-8');
      setExporting(undefined);
    } catch (error) {
      setExporting(`The export stopped: ${describeReadFailure(error)} Nothing was saved.`);
    }
  };
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
      ) : history.data.pools.length === 0 ? (
        <p className="text-sm text-ink-400">No commit, claim or transfer of yours in these pools yet.</p>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <HistoryFilters
              pools={pools}
              filter={filter}
              order={order}
              onChange={(patch) => void setLinked(patch)}
              showClear={isFiltered(filter) && total > 0}
            />
            {total > 0 && (
              <div className="flex flex-col items-end gap-1">
                <Button variant="secondary" disabled={exporting?.endsWith('…') ?? false} onClick={exportCsv}>
                  {isFiltered(filter)
                    ? `Export ${total === 1 ? 'this row' : `these ${total} rows`} as CSV`
                    : 'Export CSV'}
                </Button>
                {exporting && (
                  <p className="text-xs text-ink-400" role="status">
                    {exporting}
                  </p>
                )}
              </div>
            )}
          </div>
          {unknownPool && (
            <p className="mb-3 text-sm text-ink-400">
              This link filters on a pool you have no history in; showing all pools.
            </p>
          )}
          {rows.error && !rows.rows ? (
            <ErrorState what="these rows" problem={describeReadFailure(rows.error)} onRetry={rows.retry} />
          ) : !rows.rows ? (
            <Skeleton className="h-24 w-full" />
          ) : total === 0 ? (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm text-ink-400">No event matches these filters.</p>
              <ClearFilters onClear={clear} />
            </div>
          ) : (
            <HistoryTable
              rows={shown}
              order={order}
              total={total}
              explorerOf={explorerOf}
              native={native}
              more={rows}
            />
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
