/** The user's commits and transfers in the pools, newest first, read from the chain's history. */
import { describeReadFailure } from '../../chain/endpointFailure.ts';
import type { HistoryProgress } from '../../chain/history/historySource.ts';
import type { HistoryQuery } from '../../chain/useHistoryQuery.ts';
import type { UserPoolHistory } from '../../chain/userHistory.ts';
import { COMMIT_LABEL } from '../../engine/commitLabels.ts';
import { CommitType } from '../../engine/commits.ts';
import { Card } from '../../ui/Card.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { ScanProgress } from '../../ui/ScanProgress.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { SourceNote } from '../../ui/SourceNote.tsx';
import { TokenAmount } from '../../ui/TokenAmount.tsx';

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
  const events = (history.data ?? [])
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
      ) : events.length === 0 ? (
        <p className="text-sm text-ink-400">No commit or transfer of yours in these pools yet.</p>
      ) : (
        // Cells keep a gutter, so that on a phone one column's text never runs into the next; a table still too
        // wide for the screen scrolls inside its card rather than widening the page.
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm [&_td]:pr-2 [&_th]:pr-2">
            <caption className="sr-only">Your commits and transfers, newest first</caption>
            <thead className="text-xs uppercase tracking-wide text-ink-400">
              <tr>
                <th scope="col" className="py-2">
                  When
                </th>
                <th scope="col">Pool</th>
                <th scope="col">What</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {events.map(({ event, pool }) => (
                <tr key={`${event.blockNumber}-${event.logIndex}`} className="border-t border-ink-800">
                  <td className="py-2 text-ink-400" title={`block ${event.blockNumber}`}>
                    {event.timestamp
                      ? new Date(event.timestamp * 1000).toLocaleString()
                      : `block ${event.blockNumber}`}
                  </td>
                  <td>{pool.name}</td>
                  <td>
                    {event.kind === 'commit'
                      ? `${COMMIT_LABEL[event.commitType]}${event.fromEscrow ? ' (from escrow)' : ''}`
                      : `${event.direction === 'in' ? 'Received' : 'Sent'} ${event.side === 'long' ? 'L' : 'S'} tokens`}
                  </td>
                  <td className="font-mono">
                    <TokenAmount value={event.amount} decimals={pool.collateral.decimals} />{' '}
                    {event.kind === 'commit' &&
                    (event.commitType === CommitType.LongMint || event.commitType === CommitType.ShortMint)
                      ? pool.collateral.symbol
                      : 'tokens'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SourceNote
        text={history.data ? source : undefined}
        lag={history.data && history.error ? describeReadFailure(history.error) : undefined}
      />
    </Card>
  );
}
