/** The history card's table: the rows read so far, and a button for the next page while there is one. */

import type { UserEvent } from '../../chain/history/historySource.ts';
import type { LedgerOrder } from '../../chain/history/ledger.ts';
import { LEDGER_PAGE_ROWS } from '../../chain/history/userLedger.ts';
import type { PoolInfo } from '../../chain/pools/poolRegistry.ts';
import type { CostBasisRow } from '../../engine/profit/costBasis.ts';
import { Button } from '../../ui/Button.tsx';
import { HistoryRow } from './HistoryRow.tsx';
import type { NativeCurrency } from './ledgerCsv.ts';

export function HistoryTable({
  rows,
  order,
  total,
  explorerOf,
  native,
  more,
}: {
  rows: readonly { pool: PoolInfo; row: CostBasisRow<UserEvent> }[];
  order: LedgerOrder;
  /** Rows the filter keeps, in all. */
  total: number;
  explorerOf: (chainId: number) => string | undefined;
  native: NativeCurrency;
  more: { hasMore: boolean; loadingMore: boolean; loadMore: () => void; error: Error | null };
}) {
  const next = Math.min(LEDGER_PAGE_ROWS, total - rows.length);
  return (
    <>
      {/* On a phone each row is a two-column block (when and pool, what and amount, execution and fees,
      transaction) rather than a seven-column line that would not fit; cells keep a gutter so one never
      runs into the next, and anything still too wide scrolls inside the card rather than widening the
      page. */}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm max-md:block max-md:[&>tbody]:block [&_td]:pr-2 [&_th]:pr-2">
          <caption className="sr-only">
            Your commits and transfers, {order} first, with claims and AutoClaim rewards
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
            {rows.map(({ pool, row }) => (
              <HistoryRow
                key={`${row.event.blockNumber}-${row.event.logIndex}`}
                event={row.event}
                pool={pool}
                explorer={explorerOf(pool.chainId)}
                execution={row}
                native={native}
              />
            ))}
          </tbody>
        </table>
      </div>
      {more.hasMore && (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-ink-400">
          <span>
            Showing the {order} {rows.length} of {total}.
          </span>
          <Button variant="secondary" disabled={more.loadingMore} onClick={more.loadMore}>
            {more.loadingMore ? 'Loading…' : `Show ${next} ${order === 'newest' ? 'older' : 'newer'}`}
          </Button>
          {more.error && !more.loadingMore && (
            <span role="alert">These rows could not be read. Try again.</span>
          )}
        </div>
      )}
    </>
  );
}
