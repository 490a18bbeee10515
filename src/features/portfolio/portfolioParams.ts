/**
 * The Portfolio's state in the link: the history card's filters and order,
 * `#/portfolio?pool=0x…&side=long&type=mint&order=oldest`.
 * Each is "All" when absent, and a value the parser does not know (a misspelt side, a pool that is not an
 * address) reads as absent too: an old or hand-edited link still opens the page.
 */
import { createLoader, createParser, parseAsStringLiteral } from 'nuqs';
import type { Address } from 'viem';
import { LEDGER_ORDERS } from '../../chain/history/ledger.ts';
import { HISTORY_SIDES, HISTORY_TYPES, type HistoryFilter } from '../../chain/history/ledgerFilter.ts';
import { parsePoolAddress } from './historyFilter.ts';

const parseAsPoolAddress = createParser<Address>({
  parse: parsePoolAddress,
  serialize: (address) => address,
});

export const historyFilterParams = {
  pool: parseAsPoolAddress,
  side: parseAsStringLiteral(HISTORY_SIDES),
  type: parseAsStringLiteral(HISTORY_TYPES),
  /** The table's order: newest first when absent. */
  order: parseAsStringLiteral(LEDGER_ORDERS),
};

/** The filter a link's query asks for (also what the card reads through `useQueryStates`). */
const loadParams = createLoader(historyFilterParams);
export const loadHistoryFilter = (query: string): HistoryFilter => {
  const { pool, side, type } = loadParams(query);
  return { pool, side, type };
};
