/**
 * One row of the Portfolio's history: when, which pool, what, how much, how it executed, its fees, and the
 * transaction that did it.
 */
import type { UserEvent } from '../../chain/history/historySource.ts';
import type { CostBasisRow } from '../../engine/profit/costBasis.ts';
import { ExplorerLink } from '../../ui/ExplorerLink.tsx';
import { shortAddress } from '../../ui/format.ts';
import { AmountCell, ExecutionCell, eventLabel, FeeCell, type RowPool } from './HistoryCells.tsx';
import type { NativeCurrency } from './ledgerCsv.ts';

export function HistoryRow({
  event,
  pool,
  explorer,
  execution,
  native,
}: {
  event: UserEvent;
  pool: RowPool;
  /** The chain's explorer, where it has one. */
  explorer: string | undefined;
  /** The event's cost-basis row (executions.ts): its execution and fees; absent while prices are unread. */
  execution?: CostBasisRow | undefined;
  /** The chain's own currency, in which AutoClaim's rewards are paid. */
  native: NativeCurrency;
}) {
  const hash = event.transactionHash;
  return (
    <tr className="border-t border-ink-800 max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:py-2">
      <td className="py-2 text-ink-400 max-md:py-0.5" title={`block ${event.blockNumber}`}>
        {event.timestamp ? new Date(event.timestamp * 1000).toLocaleString() : `block ${event.blockNumber}`}
      </td>
      <td>{pool.name}</td>
      <td>{eventLabel(event)}</td>
      <td className="font-mono">
        <AmountCell event={event} pool={pool} native={native} />
      </td>
      <td>
        <ExecutionCell event={event} pool={pool} execution={execution} />
      </td>
      <td className="font-mono">
        <FeeCell event={event} pool={pool} execution={execution} />
      </td>
      <td className="font-mono text-xs">
        <ExplorerLink
          explorer={explorer}
          path={`tx/${hash}`}
          className="text-sand-400 underline"
          title={hash}
        >
          {shortAddress(hash)}
        </ExplorerLink>
      </td>
    </tr>
  );
}
