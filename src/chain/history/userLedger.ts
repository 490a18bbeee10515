/**
 * The Portfolio's ledger, from the best source there is: the history indexer's ledger route when it can
 * answer (figures and one page of rows: a long history never travels whole), otherwise the whole history read
 * (the log scan, or the indexer's events) and the ledger computed here by the same code (ledger.ts).
 */
import type { Address, PublicClient } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import { type HistoryRequest, type HistorySource, historyKey } from './historySource.ts';
import {
  LEDGER_MAX_LIMIT,
  type LedgerEntry,
  type LedgerPage,
  type LedgerPoolFigures,
  type LedgerQuery,
  ledgerOf,
  ledgerPage,
} from './ledger.ts';
import { type HistoryFilter, NO_FILTER } from './ledgerFilter.ts';
import { servesLedger } from './ledgerSource.ts';
import { readUserHistory, type UserPoolHistory } from './userHistory.ts';

/** Rows a page holds: the table's first page, and each "Show older". */
export const LEDGER_PAGE_ROWS = 50;

/** The query the ledger is first read with: the newest rows, unfiltered. */
export const FIRST_LEDGER_QUERY: LedgerQuery = {
  filter: NO_FILTER,
  order: 'newest',
  offset: 0,
  limit: LEDGER_PAGE_ROWS,
};

export interface LedgerPoolView {
  pool: PoolInfo;
  figures: LedgerPoolFigures;
}

export interface UserLedger {
  /** The pools the account has events in, with their figures. */
  pools: LedgerPoolView[];
  /** The rows `FIRST_LEDGER_QUERY` asks for. */
  first: LedgerPage;
  /** Where further pages come from: the indexer (asked again, to `through`), or the rows read here. */
  rows: { kind: 'served'; through: bigint } | { kind: 'local'; entries: LedgerEntry[] };
}

export interface LedgerReadContext {
  source: HistorySource;
  client: PublicClient;
  deployment: ChainDeployment;
  pools: readonly PoolInfo[];
  user: Address;
}

function views(pools: readonly PoolInfo[], figures: Iterable<[string, LedgerPoolFigures]>): LedgerPoolView[] {
  const byKey = new Map(figures);
  return pools.flatMap((pool) => {
    const f = byKey.get(historyKey(pool.address));
    return f && f.events > 0 ? [{ pool, figures: f }] : [];
  });
}

export async function readUserLedger(ctx: LedgerReadContext, request: HistoryRequest): Promise<UserLedger> {
  const { source, pools, user } = ctx;
  if (pools.length === 0)
    return { pools: [], first: { rows: [], total: 0, offset: 0 }, rows: { kind: 'local', entries: [] } };
  if (servesLedger(source)) {
    const served = await source.ledger(pools, user, FIRST_LEDGER_QUERY, request);
    if (served)
      return {
        pools: views(pools, Object.entries(served.pools)),
        first: served.page,
        rows: { kind: 'served', through: served.through },
      };
  }
  return ledgerFromHistories(await readUserHistory(source, ctx.client, ctx.deployment, pools, user, request));
}

/** The ledger of whole histories, computed here: its rows are cut into pages here too. */
export function ledgerFromHistories(histories: readonly UserPoolHistory[]): UserLedger {
  const ledger = ledgerOf(histories);
  return {
    pools: views(
      histories.map((h) => h.pool),
      ledger.pools,
    ),
    first: ledgerPage(ledger.entries, FIRST_LEDGER_QUERY),
    rows: { kind: 'local', entries: ledger.entries },
  };
}

/** The indexer's ledger would not answer a page it answered a moment ago: the page says so and offers retry. */
export class LedgerPageUnavailable extends Error {
  constructor() {
    super('The history indexer did not answer for these rows.');
    this.name = 'LedgerPageUnavailable';
  }
}

/** One page of a ledger already read: from its rows, or asked of the indexer up to the same block. */
export async function readLedgerPage(
  /** Asked for only when the page is the indexer's to serve. */
  context: () => LedgerReadContext,
  ledger: UserLedger,
  query: LedgerQuery,
  signal?: AbortSignal,
): Promise<LedgerPage> {
  if (ledger.rows.kind === 'local') return ledgerPage(ledger.rows.entries, query);
  const ctx = context();
  if (!servesLedger(ctx.source)) throw new LedgerPageUnavailable();
  const answer = await ctx.source.ledger(ctx.pools, ctx.user, query, {
    toBlock: ledger.rows.through,
    ...(signal ? { signal } : {}),
  });
  if (!answer) throw new LedgerPageUnavailable();
  return answer.page;
}

/**
 * Every row a filter keeps, oldest first, for an export: pages of the most rows the indexer gives at once,
 * each told to `onRows` (rows so far, of how many) as it comes.
 */
export async function readAllLedgerRows(
  ctx: () => LedgerReadContext,
  ledger: UserLedger,
  filter: HistoryFilter,
  onRows?: (read: number, total: number) => void,
  signal?: AbortSignal,
): Promise<LedgerEntry[]> {
  const rows: LedgerEntry[] = [];
  for (;;) {
    const query = { filter, order: 'oldest', offset: rows.length, limit: LEDGER_MAX_LIMIT } as const;
    const page = await readLedgerPage(ctx, ledger, query, signal);
    rows.push(...page.rows);
    onRows?.(rows.length, page.total);
    // An empty page ends it too: a ledger that shrank under the reader would otherwise be asked forever.
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}
