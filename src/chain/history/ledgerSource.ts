/**
 * A history source that can also serve the holder's ledger computed (the indexer's): each pool's figures and
 * one page of rows (ledger.ts), so that a long history is never sent whole.
 */
import type { Address } from 'viem';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import type { HistoryRequest, HistorySource } from './historySource.ts';
import type { LedgerAnswer } from './indexerApi.ts';
import type { LedgerQuery } from './ledger.ts';

export interface LedgerSource {
  /**
   * Undefined when the indexer cannot answer for all of `pools` up to `request.toBlock`: refused, a pool it
   * does not serve, or events of the user's in blocks it has not reached. Then the whole history is read and
   * the ledger computed where it is read.
   */
  ledger(
    pools: readonly PoolInfo[],
    user: Address,
    query: LedgerQuery,
    request: HistoryRequest,
  ): Promise<LedgerAnswer | undefined>;
}

export const servesLedger = (source: HistorySource): source is HistorySource & LedgerSource =>
  'ledger' in source && typeof source.ledger === 'function';
