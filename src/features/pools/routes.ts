/**
 * The pools feature's pages and the state each keeps in the link: `#/pools?…` (the list, its filters and the
 * pools added by address) and `#/pool?address=0x…` (one pool). Other features link here through `poolLink`;
 * the app shell mounts `poolsRoutes`.
 */
import {
  createLoader,
  createSerializer,
  type inferParserType,
  parseAsArrayOf,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

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

const loadPoolsPage = () => import('./PoolsPage.tsx');
const loadPoolPage = () => import('./PoolPage.tsx');
const PoolsPage = lazy(() => loadPoolsPage().then((m) => ({ default: m.PoolsPage })));
const PoolPage = lazy(() => loadPoolPage().then((m) => ({ default: m.PoolPage })));

/** Each page's code by path, to fetch the landing page's while React starts (app/router.tsx). */
export const poolsPages = { '/pools': loadPoolsPage, '/pool': loadPoolPage };

export const poolsRoutes: RouteObject[] = [
  { path: 'pools', Component: PoolsPage },
  { path: 'pool', Component: PoolPage },
];

/** The unfiltered list: what an empty link reads as. */
export const DEFAULT_FILTERS: PoolFilterState = createLoader(poolFilterParams)('');
