/**
 * The pools feature's pages, each its own lazily loaded chunk: `#/pools` (the list) and `#/pool` (one pool).
 * Only the shell imports this file (src/app/router.tsx); everything else reaches the feature through
 * `links.ts`, which the pages themselves import, so no import runs back here.
 */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

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
