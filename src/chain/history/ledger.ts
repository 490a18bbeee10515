/**
 * The holder's ledger from their history: per pool the position's cost basis and its profit split, and every
 * event as a row with what it gave and its fees. One computation for both sources: the history indexer runs
 * it in its ledger route and sends the figures and a page of rows; the browser runs it on what the log scan
 * read and pages the rows itself. Sorting, filtering and paging (`ledgerPage`) are also one function, so a page
 * is the same rows wherever it is cut (docs/ledger.md).
 */
import type { Address } from 'viem';
import { type CostBasisRow, costBasis, type PoolPosition } from '../../engine/profit/costBasis.ts';
import { type PoolSplit, type SplitStep, splitProfit } from '../../engine/profit/split.ts';
import { toAddress } from '../config/addressText.ts';
import { historyKey, type UserEvent } from './historySource.ts';
import { HISTORY_SIDES, HISTORY_TYPES, type HistoryFilter, matchesFilter } from './ledgerFilter.ts';
import type { UserPoolHistory } from './userHistory.ts';

export const LEDGER_ORDERS = ['newest', 'oldest'] as const;
export type LedgerOrder = (typeof LEDGER_ORDERS)[number];

/** The rows a table or an export asks for: filtered, in an order, from an offset. */
export interface LedgerQuery {
  filter: HistoryFilter;
  order: LedgerOrder;
  offset: number;
  limit: number;
}

/** One pool's figures, without its rows. */
export interface LedgerPoolFigures {
  position: PoolPosition;
  /** The engine's profit split, where the pool's upkeep steps were served (by the indexer only). */
  split?: PoolSplit;
  /** The block the upkeep steps reach, with the split. */
  stepsThrough?: bigint;
  /** Whether the account ever committed or moved tokens in the pool (claims alone change no position). */
  traded: boolean;
  /** The account's events in the pool, every kind. */
  events: number;
}

/** A row of the ledger: the event with its cost-basis figures, and its pool (by `historyKey`). */
export interface LedgerEntry {
  pool: string;
  row: CostBasisRow<UserEvent>;
}

export interface LedgerPage {
  rows: LedgerEntry[];
  /** Rows the filter keeps, in all. */
  total: number;
  offset: number;
}

export interface Ledger {
  /** By `historyKey`. */
  pools: Map<string, LedgerPoolFigures>;
  /** Every row, in chain order. */
  entries: LedgerEntry[];
}

/** The engine's split of one pool's history, with its upkeep steps and the pool's secondary fee split. */
export function splitHistory(h: UserPoolHistory, steps: readonly SplitStep[]): PoolSplit {
  return splitProfit({
    steps,
    // Claims and AutoClaim's records change no position.
    events: h.events.map((e) => (e.kind === 'commit' || e.kind === 'transfer' ? e : { ...e, kind: 'other' })),
    priceHistory: h.priceHistory,
    burnFeeHistory: h.burnFeeHistory,
    updateIntervalId: h.updateIntervalId,
    mintingFeeWad: h.mintingFeeWad,
    secondaryFeePercent: h.secondaryFeePercent,
  });
}

export function ledgerOf(histories: readonly UserPoolHistory[]): Ledger {
  const pools = new Map<string, LedgerPoolFigures>();
  const entries: LedgerEntry[] = [];
  for (const h of histories) {
    const key = historyKey(h.pool.address);
    const { rows, ...position } = costBasis({
      events: h.events,
      priceHistory: h.priceHistory,
      burnFeeHistory: h.burnFeeHistory,
      updateIntervalId: h.updateIntervalId,
      mintingFeeWad: h.mintingFeeWad,
    });
    const traded = h.events.some((e) => e.kind === 'commit' || e.kind === 'transfer');
    pools.set(key, {
      position,
      traded,
      events: h.events.length,
      ...(h.steps && traded ? { split: splitHistory(h, h.steps.steps), stepsThrough: h.steps.through } : {}),
    });
    for (const row of rows) entries.push({ pool: key, row });
  }
  entries.sort((a, b) => inChainOrder(a.row.event, b.row.event));
  return { pools, entries };
}

const inChainOrder = (a: UserEvent, b: UserEvent) =>
  a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1;

/** The rows a query asks for, out of every row in chain order. */
export function ledgerPage(entries: readonly LedgerEntry[], query: LedgerQuery): LedgerPage {
  const kept = entries.filter((e) => matchesFilter(e.pool as Address, e.row.event, query.filter));
  if (query.order === 'newest') kept.reverse();
  return {
    rows: kept.slice(query.offset, query.offset + query.limit),
    total: kept.length,
    offset: query.offset,
  };
}

/** The most rows one page may ask for: an export reads its rows in pages this long. */
export const LEDGER_MAX_LIMIT = 1_000;

/** A query as the ledger route's parameters, and back: the one wire form of both sides. */
export function ledgerQueryParams(query: LedgerQuery): string {
  const { filter } = query;
  return [
    `order=${query.order}`,
    `offset=${query.offset}`,
    `limit=${query.limit}`,
    ...(filter.pool ? [`pool=${historyKey(filter.pool)}`] : []),
    ...(filter.side ? [`side=${filter.side}`] : []),
    ...(filter.type ? [`type=${filter.type}`] : []),
  ].join('&');
}

const oneOf = <T extends string>(values: readonly T[], text: string | undefined): T | null | undefined =>
  text === undefined ? null : values.find((v) => v === text);

/** The route's side: undefined for anything that is not a query `ledgerQueryParams` writes. */
export function parseLedgerQuery(param: (name: string) => string | undefined): LedgerQuery | undefined {
  const offset = Number(param('offset') ?? '0');
  const limit = Number(param('limit') ?? '50');
  const order = oneOf(LEDGER_ORDERS, param('order')) ?? 'newest';
  const side = oneOf(HISTORY_SIDES, param('side'));
  const type = oneOf(HISTORY_TYPES, param('type'));
  const poolText = param('pool');
  const pool = poolText === undefined ? null : toAddress(poolText);
  if (!Number.isSafeInteger(offset) || offset < 0) return undefined;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > LEDGER_MAX_LIMIT) return undefined;
  if (side === undefined || type === undefined || pool === undefined) return undefined;
  return { order, offset, limit, filter: { pool, side, type } };
}
