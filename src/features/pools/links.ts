/**
 * The pools feature's public entry for the rest of the app: its paths, the state each page keeps in the link
 * (`#/pools?…`: the list, its filters and the pools added by address; `#/pool?address=0x…`: one pool), the
 * `poolLink` other features link here with, and its nav entry. No page is imported here, so a page can read
 * its parsers from this file without an import circle; the lazy pages are in `pages.ts`, for the shell alone.
 */
import {
  createLoader,
  createSerializer,
  type inferParserType,
  parseAsArrayOf,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs';

export const SORT_KEYS = [
  'name',
  'tvl',
  'skew',
  'longGain',
  'shortGain',
  'holdings',
  'nextRebalance',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const VALUE_UNITS = ['collateral', 'usd'] as const;
export type ValueUnit = (typeof VALUE_UNITS)[number];

/** The list's filters; defaults are left out of the link, so a plain `#/pools` is the unfiltered list. */
export const poolFilterParams = {
  search: parseAsString.withDefault(''),
  market: parseAsString.withDefault('all'),
  collateral: parseAsString.withDefault('all'),
  leverage: parseAsString.withDefault('all'),
  sort: parseAsStringLiteral(SORT_KEYS).withDefault('tvl'),
  unit: parseAsStringLiteral(VALUE_UNITS).withDefault('collateral'),
};
export type PoolFilterState = inferParserType<typeof poolFilterParams>;

/** Pools not in the list, asked for by address (checked against the factory before they are read). */
export const addedPoolsParam = { add: parseAsArrayOf(parseAsString).withDefault([]) };

export const poolPageParams = { address: parseAsString.withDefault('') };

const serializePool = createSerializer(poolPageParams);

export const poolLink = (address: string) => serializePool('/pool', { address });

export const poolsNav = { to: '/pools', label: 'Pools', also: ['/pool'] } as const;

/** The unfiltered list: what an empty link reads as. */
export const DEFAULT_FILTERS: PoolFilterState = createLoader(poolFilterParams)('');
