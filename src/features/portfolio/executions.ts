/**
 * What each of the account's events did once executed (its interval, price, what it gave, its fees), as
 * costBasis.ts computes it, found by the event's place: the history card's rows and the ledger's CSV show the
 * same figures as the positions, never a second computation of them.
 */
import type { UserEvent } from '../../chain/history/historySource.ts';
import { type CostBasisInput, type CostBasisRow, costBasis } from '../../engine/profit/costBasis.ts';

/** One event's key: its transaction and log index (unique on a chain). */
export const eventKey = (event: Pick<UserEvent, 'transactionHash' | 'logIndex'>) =>
  `${event.transactionHash.toLowerCase()}:${event.logIndex}`;

/** A pool's events, with the pool's stored prices and fees where they were read (readUserHistory). */
export type ExecutionHistory = { events: readonly UserEvent[] } & Partial<Omit<CostBasisInput, 'events'>>;

/**
 * Every event's cost-basis row, by `eventKey`. Pass each pool's whole history (not a filtered one), so that
 * each row is the one the positions use. A history read without its prices gives no rows.
 */
export function executionRows(histories: readonly ExecutionHistory[]): Map<string, CostBasisRow<UserEvent>> {
  const rows = new Map<string, CostBasisRow<UserEvent>>();
  for (const h of histories) {
    const { priceHistory, burnFeeHistory, updateIntervalId, mintingFeeWad } = h;
    if (!priceHistory || !burnFeeHistory || updateIntervalId === undefined || mintingFeeWad === undefined)
      continue;
    const pnl = costBasis({
      events: [...h.events],
      priceHistory,
      burnFeeHistory,
      updateIntervalId,
      mintingFeeWad,
    });
    for (const row of pnl.rows) rows.set(eventKey(row.event), row);
  }
  return rows;
}
