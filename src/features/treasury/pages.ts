/** The treasury page, `#/treasury`, as its own lazily loaded chunk; only the shell imports this file. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const loadTreasuryPage = () => import('./TreasuryPage.tsx');

/** The page's code by path, to fetch it while React starts when it is the landing page. */
export const treasuryPages = { '/treasury': loadTreasuryPage };

export const treasuryRoutes: RouteObject[] = [
  { path: 'treasury', Component: lazy(() => loadTreasuryPage().then((m) => ({ default: m.TreasuryPage }))) },
];
