/** The trade page, `#/trade`, as its own lazily loaded chunk; only the shell imports this file. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const loadTradePage = () => import('./TradePage.tsx');

/** The page's code by path, to fetch it while React starts when it is the landing page. */
export const tradePages = { '/trade': loadTradePage };

export const tradeRoutes: RouteObject[] = [
  { path: 'trade', Component: lazy(() => loadTradePage().then((m) => ({ default: m.TradePage }))) },
];
